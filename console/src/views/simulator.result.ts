/** The Simulator's answer in words: totals, the coupon applied, every candidate with its reasons, and the trace. */
import { html, nothing } from "lit";
import type { Quote } from "../contract.js";
import type { ConsoleStrings } from "../strings.js";

type Money = (minor: number) => string;
type Detail = Record<string, unknown>;

export function reasonWords(t: ConsoleStrings, code: string, message?: string): string {
  return (t.reasons as Record<string, string>)[code] ?? message ?? t.unknownReason;
}

const lineLabel = (t: ConsoleStrings, id: string) => (/^\d+$/.test(id) ? t.sim.line(Number(id)) : id);

function stepWords(t: ConsoleStrings, money: Money, name: (id: unknown, code?: unknown) => string, step: string, d: Detail): string {
  const s = t.sim;
  const n = (k: string) => Number(d[k] ?? 0);
  switch (step) {
    case "subtotal":
      return s.stepSubtotal(money(n("subtotal_minor")), n("lines"));
    case "currency":
      return s.stepCurrency(String(d.cart), String(d.shop));
    case "candidate":
      if (!("final_discount_minor" in d)) {
        const reasons = ((d.reasons as string[] | undefined) ?? []).map((r) => reasonWords(t, r)).join(" ");
        return s.stepCandidateOut(name(d.coupon_id, d.code), reasons || t.unknownReason);
      }
      return (
        s.stepCandidate(
          name(d.coupon_id, d.code),
          money(n("in_scope_minor")),
          money(n("min_spend_minor")),
          d.min_spend_met === true,
          money(n("raw_discount_minor")),
          d.cap_minor == null ? null : money(n("cap_minor")),
          money(n("final_discount_minor")),
        ) + (d.applicable ? "" : ` ${((d.reasons as string[] | undefined) ?? []).map((r) => reasonWords(t, r)).join(" ")}`)
      );
    case "chosen":
      return s.stepChosen(d.coupon_id ? name(d.coupon_id) : null, String(d.why ?? ""));
    case "spread": {
      const parts = ((d.allocations as { line_id: string; discount_minor: number }[] | undefined) ?? [])
        .map((a) => `${lineLabel(t, a.line_id)} ${money(a.discount_minor)}`)
        .join(", ");
      return s.stepSpread(money(n("discount_minor")), parts);
    }
    case "total":
      return s.stepTotal(
        money(n("subtotal_minor")),
        money(n("coupon_discount_minor")),
        money(n("shipping_minor")),
        money(n("shipping_discount_minor")),
        money(n("total_minor")),
      );
    default:
      return `${step}: ${JSON.stringify(d)}`;
  }
}

/** The whole answer; `names` maps coupon ids to names (looked up by the view). */
export function renderResult(t: ConsoleStrings, money: Money, q: Quote, names: Map<string, string>) {
  const s = t.sim;
  const name = (id: unknown, code?: unknown) => (typeof id === "string" ? (names.get(id) ?? id) : s.unknownCode(String(code ?? "")));
  const applied = q.applied;
  const shipping = q.total_minor - q.subtotal_minor + (applied?.discount_minor ?? 0);
  return html`<section class="card result" aria-labelledby="result">
      <h2 id="result">${s.result}</h2>
      <p class="verdict ${applied ? "ok" : ""}" role="status">${applied ? s.applied(name(applied.coupon_id), money(applied.discount_minor)) : s.nothingApplied}</p>
      <dl class="facts totals">
        <dt>${s.subtotal}</dt><dd>${money(q.subtotal_minor)}</dd>
        <dt>${s.couponDiscount}</dt><dd>${applied ? `−${money(applied.discount_minor)}` : money(0)}</dd>
        <dt>${s.shippingNet}</dt><dd>${money(shipping)}</dd>
        <dt class="strong">${s.total}</dt><dd class="strong">${money(q.total_minor)}</dd>
      </dl>
      ${
        applied && applied.allocations.length > 1
          ? html`<h3>${s.split}</h3><ul class="split">${applied.allocations.map((a) => html`<li>${lineLabel(t, a.line_id)}: ${money(a.discount_minor)}</li>`)}</ul>`
          : nothing
      }
    </section>
    <section class="card" aria-labelledby="considered">
      <h2 id="considered">${s.considered}</h2>
      ${
        q.candidates.length === 0
          ? html`<p class="hint">${s.noneConsidered}</p>`
          : html`<ul class="candidates">
            ${q.candidates.map(
              (c) => html`<li class=${c.applicable ? "yes" : "no"}>
              <div class="cand-head">
                <strong>${name(c.coupon_id, c.code)}</strong>
                ${c.code && c.coupon_id ? html`<code>${c.code}</code>` : nothing}
                ${applied && c.coupon_id === applied.coupon_id ? html`<span class="badge ongoing">${s.chosen}</span>` : nothing}
              </div>
              <p class="cand-state">${c.applicable ? s.applies(money(c.discount_minor)) : s.doesNotApply}</p>
              ${c.reasons.length ? html`<ul class="reasons">${c.reasons.map((r) => html`<li>${reasonWords(t, r.code, r.message)}</li>`)}</ul>` : nothing}
            </li>`,
            )}
          </ul>`
      }
    </section>
    ${
      q.trace?.length
        ? html`<section class="card" aria-labelledby="steps">
          <h2 id="steps">${s.steps}</h2>
          <ol class="steps">${q.trace.map((st) => html`<li>${stepWords(t, money, name, st.step, st.detail as Detail)}</li>`)}</ol>
        </section>`
        : nothing
    }`;
}
