/**
 * An audit entry's `changes` in words: a before/after table for edits (every field either side names),
 * or the facts of other actions (a duplicate's source, an addon's parent). Values are shown as the seller
 * entered them: money in the shop's currency, times in the browser's time zone.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { Api } from "./api.js";
import type { AuditEntry, Discount } from "./contract.js";
import { formatDateTime, formatMoney } from "./format.js";
import type { ConsoleStrings } from "./strings.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export function valueWords(t: ConsoleStrings, currency: string, field: string, v: unknown): string {
  const money = (n: number) => formatMoney(n, currency, "en");
  if (v === null || v === undefined) return field === "per_customer_limit" && v === null ? t.form.unlimited : t.none;
  if (field === "discount" && isObj(v)) {
    const d = v as Discount;
    return d.kind === "fixed"
      ? t.amountOff(money(d.amount_minor))
      : t.percentOff(d.percent_off, d.max_discount_minor ? money(d.max_discount_minor) : undefined);
  }
  if (field === "scope" && isObj(v))
    return v.kind === "shop" ? t.wholeShop : t.products((v.product_ids as unknown[] | undefined)?.length ?? 0);
  if (field === "validity" && isObj(v))
    return v.kind === "days_after_claim"
      ? t.validDays(Number(v.days))
      : t.validBetween(formatDateTime(String(v.starts_at)), formatDateTime(String(v.ends_at)));
  if (field === "audience" && typeof v === "string") return t.form.audiences[v as keyof ConsoleStrings["form"]["audiences"]] ?? v;
  if (field === "type" && typeof v === "string") return t.types[v as keyof ConsoleStrings["types"]] ?? v;
  if (field === "status" && typeof v === "string") return t.statuses[v as keyof ConsoleStrings["statuses"]] ?? v;
  if (field === "refund_policy" && typeof v === "string") return t.history.refundPolicies[v as "keep_used"] ?? v;
  if (field === "unique_codes" && isObj(v)) return t.history.uniqueCodes(Number(v.count), Number(v.length));
  if (typeof v === "number" && /_minor$/.test(field)) return money(v);
  if (field === "code" && typeof v === "string") return v.toUpperCase();
  if (typeof v === "string" && /_at$/.test(field) && !Number.isNaN(Date.parse(v))) return formatDateTime(v);
  if (typeof v === "boolean") return v ? t.yes : t.no;
  if (Array.isArray(v)) return v.join(", ");
  if (isObj(v))
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${valueWords(t, currency, k, x)}`)
      .join("; ");
  return String(v);
}

const fieldName = (t: ConsoleStrings, k: string) => t.history.fieldNames[k] ?? k.replace(/_/g, " ");

/** The entry's changes as a table (edits) or a list of facts (everything else). */
export function renderChanges(t: ConsoleStrings, currency: string, e: Pick<AuditEntry, "changes">) {
  const c = e.changes as Obj;
  if ("before" in c || "after" in c) {
    const before = isObj(c.before) ? c.before : {};
    const after = isObj(c.after) ? c.after : {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== "type" || !("type" in before));
    if (!keys.length) return nothing;
    if (c.before == null)
      return html`<div class="scroll-x" tabindex="0" role="region" aria-label=${t.history.changesLabel}><table class="changes">
        <thead><tr><th scope="col">${t.history.field}</th><th scope="col">${t.history.after}</th></tr></thead>
        <tbody>${keys.map((k) => html`<tr><th scope="row">${fieldName(t, k)}</th><td>${valueWords(t, currency, k, after[k])}</td></tr>`)}</tbody>
      </table></div>`;
    return html`<div class="scroll-x" tabindex="0" role="region" aria-label=${t.history.changesLabel}><table class="changes">
      <thead><tr><th scope="col">${t.history.field}</th><th scope="col">${t.history.before}</th><th scope="col">${t.history.after}</th></tr></thead>
      <tbody>${keys.map(
        (k) => html`<tr>
        <th scope="row">${fieldName(t, k)}</th>
        <td>${valueWords(t, currency, k, before[k])}</td>
        <td>${valueWords(t, currency, k, after[k])}</td>
      </tr>`,
      )}</tbody>
    </table></div>`;
  }
  const keys = Object.keys(c);
  if (!keys.length) return nothing;
  return html`<dl class="facts">${keys.map((k) => html`<dt>${fieldName(t, k)}</dt><dd>${valueWords(t, currency, k, c[k])}</dd>`)}</dl>`;
}

/** Who made a change: "key sk_test_Ab12…" (from the shop's key list), or the system. */
export function actorWords(t: ConsoleStrings, actor: string, hints: Map<string, string>): string {
  if (actor === "system") return t.history.system;
  const hint = hints.get(actor);
  return hint ? t.history.key(hint) : actor;
}

/** The shop's key hints by key id (who made a change); empty when they cannot be read. */
export function keyHints(client: Api): Promise<Map<string, string>> {
  return client.listKeys().then(
    (k) => new Map(k.data.map((x) => [x.id, x.hint] as [string, string])),
    () => new Map(),
  );
}

/**
 * One audit entry: its action, the coupon it is about (`about`, in the shop's log), who and when; its
 * changes shown (`open`) or folded under a "Details" toggle.
 */
export function renderEntry(
  t: ConsoleStrings,
  currency: string,
  e: AuditEntry,
  hints: Map<string, string>,
  o: { open: boolean; about?: TemplateResult },
) {
  const h = t.history;
  const changes = Object.keys(e.changes ?? {}).length ? renderChanges(t, currency, e) : nothing;
  return html`<li class="entry">
    <div class="entry-head">
      <span class="action">${h.actions[e.action] ?? e.action}</span>
      ${o.about ?? nothing}
      <span class="who">${h.by(actorWords(t, e.actor, hints))}</span>
      <time class="at" datetime=${e.at}>${formatDateTime(e.at)}</time>
    </div>
    ${o.open || changes === nothing ? changes : html`<details><summary>${t.audit.details}</summary>${changes}</details>`}
  </li>`;
}
