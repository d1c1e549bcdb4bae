import { html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { ApiProblem, isAbort } from "../api.js";
import type { Coupon, CouponType, FieldError } from "../contract.js";
import { bodyKeys, changes, defaults, duplicateOverrides, fieldOf, fromCoupon, toBody, type FieldKey } from "../form-model.js";
import { setFlash } from "../route.js";
import { shared } from "../shared.styles.js";
import { CouponFormCode } from "./coupon-form.code.js";
import type { Errors } from "./coupon-form.fields.js";
import { summaryWords } from "../form-summary.js";
import { styles } from "./coupon-form.styles.js";

const TYPES: CouponType[] = ["regular", "follower", "review", "chat", "promo_code"];
const HOUR = 3_600_000;

/**
 * Create, edit or duplicate a coupon. Only the chosen type's fields show, each with its limit; a live
 * "Estimated spend" (and the addon coupons it would also create) comes from `POST /v1/coupons/preview`,
 * the code's availability from `GET /v1/promo-codes/availability`. The API's 422/409 answers are shown
 * beside the fields they name; a refused form creates nothing.
 */
export class CouponForm extends CouponFormCode {
  static override styles = [shared, styles];

  @property() mode: "create" | "edit" | "duplicate" = "create";
  @property({ attribute: "coupon-id" }) couponId = "";
  /** The type a new coupon starts as. */
  @property() type = "";

  @state() private _spend: { state: "waiting" | "ok" | "invalid" | "unavailable"; value?: number | null } = { state: "waiting" };
  @state() private _addons: Pick<Coupon, "name" | "type" | "discount">[] = [];
  @state() private _busy = false;
  @state() private _conflict = false;
  @state() private _loadError = "";
  /** Fields the seller changed (an edit sends only these). */
  private _dirty = new Set<FieldKey>();

  private _previewTimer?: ReturnType<typeof setTimeout>;
  private _previewCtl?: AbortController;

  protected get _editing() {
    return this.mode === "edit";
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._start();
  }

  override disconnectedCallback(): void {
    clearTimeout(this._previewTimer);
    this._previewCtl?.abort();
    this._stopCodeCheck();
    super.disconnectedCallback();
  }

  private async _start() {
    this._loadError = "";
    if (this.mode === "create") {
      const type = (TYPES as string[]).includes(this.type) ? (this.type as CouponType) : "regular";
      this._s = defaults(type, this.shopNow());
    } else {
      try {
        const { coupon } = await this.client.getCoupon(this.couponId);
        this._source = coupon;
        // A copy keeps its window's length, moved to start on the next hour (a duplicate must be upcoming).
        const next = Math.ceil((this.shopNow() + 1) / HOUR) * HOUR;
        this._s = fromCoupon(coupon, this.currency, this._prefix, this.mode === "duplicate" ? next : undefined);
        if (this.mode === "duplicate") this._s = { ...this._s, name: `${coupon.name} copy`.slice(0, 50), code: "" };
      } catch (e) {
        this._loadError = this.problemText(e);
        return;
      }
    }
    this._schedulePreview(0);
  }

  protected _set(key: FieldKey, value: string) {
    const s = this._s!;
    let next = { ...s, [key]: value };
    if (key === "type") {
      const d = defaults(value as CouponType, this.shopNow());
      next = {
        ...d,
        name: s.name,
        discountKind: s.discountKind,
        amount: s.amount,
        percent: s.percent,
        maxDiscount: s.maxDiscount,
        minSpend: s.minSpend,
        scope: s.scope,
        productIds: s.productIds,
        quantity: s.quantity,
      };
      this._errors = {};
      this._code = { state: "idle" };
    }
    this._s = next;
    this._dirty.add(key);
    // What was said about the old value no longer holds; the next preview judges the new one.
    if (this._errors[key]) this._errors = { ...this._errors, [key]: undefined };
    if (this._live[key]) this._live = { ...this._live, [key]: undefined };
    if (key === "code") this._scheduleCodeCheck();
    this._schedulePreview(300);
  }

  // ---- live preview: estimated spend, addons, and the API's own errors as the seller types ----

  private _schedulePreview(delay: number) {
    clearTimeout(this._previewTimer);
    this._previewTimer = setTimeout(() => void this._preview(), delay);
  }

  private async _preview() {
    if (!this._s) return;
    this._previewCtl?.abort();
    const ctl = new AbortController();
    this._previewCtl = ctl;
    const { body, unreadable } = toBody(this._s, this.currency);
    const live: Errors = {};
    for (const [k, kind] of Object.entries(unreadable)) live[k as FieldKey] = this._unreadableText(kind);
    // The code is judged by the availability check; a preview without it also spares the shop's
    // guessing limit (a taken code counts as a failed look-up) while the seller edits other fields.
    if ("code" in body) delete (body as { code?: string }).code;
    // A name is the seller's to give, not a figure: the estimate shows before it (Create still asks for
    // one), and an edit's own name is not "taken" by the coupon being edited.
    if (!body.name || this._editing) body.name = "(estimate)";
    try {
      const p = await this.client.previewCoupon(body, ctl.signal);
      if (ctl.signal.aborted) return;
      this._spend = { state: "ok", value: p.estimated_spend_minor };
      this._addons = this._editing ? [] : p.addons; // addons come with a creation, never with an edit
    } catch (e) {
      if (isAbort(e) || ctl.signal.aborted) return;
      const p = e instanceof ApiProblem ? e : null;
      this._addons = [];
      this._spend = { state: p && (p.status === 422 || p.status === 409) ? "invalid" : "unavailable" };
      // Editing: the preview judges the coupon as new (its own name is "taken"): only the estimate counts.
      if (p && !this._editing) Object.assign(live, this._fieldErrors(p), live);
    }
    this._live = live;
  }

  private _unreadableText(kind: string) {
    const f = this.t.form;
    return kind === "money" ? f.enterMoney : kind === "whole" ? f.enterWhole : f.enterDate;
  }

  /** The API's answer, field by field, in the console's words (its own message when we have none). */
  private _fieldErrors(p: ApiProblem): Errors {
    const out: Errors = {};
    const list: Pick<FieldError, "path" | "code" | "message">[] = p.errors.length
      ? p.errors
      : [{ path: "", code: p.code, message: p.detail }];
    const min = this.shop?.min_fixed_minor?.[this._s!.type];
    for (const e of list) {
      const key = fieldOf(e, this._s!);
      if (out[key]) continue;
      const words =
        e.code === "amount_too_small" && min
          ? this.t.form.amountHint(this.money(min))
          : (this.t.errorCodes[e.code] ??
            // A campaign's count shows in Quantity, whose own rule (up to 1,000,000) would mislead.
            (e.path === "unique_codes.count" ? this.t.errorCodes.unique_codes_count : undefined) ??
            (key !== "form" ? this.t.fieldRules[key] : undefined) ??
            "");
      const msg = words || e.message || p.detail;
      out[key] = msg.charAt(0).toUpperCase() + msg.slice(1);
    }
    return out;
  }

  // ---- promo code: Generate, and a live availability check (R18–R20) ----

  // ---- submit ----

  private async _submit(e: Event) {
    e.preventDefault();
    if (this._busy || !this._s) return;
    this._submitted = true;
    this._conflict = false;
    // The answer to this submit is what counts: a preview still on its way would speak of older values.
    clearTimeout(this._previewTimer);
    this._previewCtl?.abort();
    const { body, unreadable } = toBody(this._s, this.currency);
    const local: Errors = {};
    for (const [k, kind] of Object.entries(unreadable)) local[k as FieldKey] = this._unreadableText(kind);
    if (Object.keys(local).length) return this._show(local);
    this._busy = true;
    try {
      let saved: Coupon;
      if (this.mode === "edit") {
        const patch = changes(this._source!, body, this._prefix, bodyKeys(this._dirty));
        saved = Object.keys(patch).length
          ? (await this.client.updateCoupon(this._source!.id, patch, this._source!.version)).coupon
          : this._source!;
        setFlash(this.t.form.saved(saved.name));
      } else {
        const overrides = this.mode === "duplicate" ? duplicateOverrides(this._source!, body, this._prefix) : null;
        saved = overrides
          ? (await this.client.duplicateCoupon(this._source!.id, overrides)).coupon
          : (await this.client.createCoupon(body)).coupon;
        setFlash(this.t.form.created(saved.name));
      }
      this.navigate("#/coupons");
    } catch (err) {
      const p = err instanceof ApiProblem ? err : null;
      if (p?.status === 412) this._conflict = true;
      else if (p && (p.status === 422 || p.status === 409)) {
        this._live = {}; // the answer replaces what earlier previews said
        void this._show(this._fieldErrors(p));
      } else this._show({ form: this.problemText(err) });
    } finally {
      this._busy = false;
    }
  }

  /** Shows errors beside their fields and moves focus to the first of them. */
  private async _show(errors: Errors) {
    this._errors = errors;
    await this.updateComplete;
    const first = [...this.renderRoot.querySelectorAll<HTMLElement>("[data-field]")].find((f) => errors[f.dataset.field as FieldKey]);
    (first?.querySelector("input, select, textarea") as HTMLElement | null)?.focus();
    if (!first && errors.form) (this.renderRoot.querySelector("#submit") as HTMLElement | null)?.focus();
  }

  // ---- render ----

  private _aside() {
    const f = this.t.form;
    const sp = this._spend;
    const spend = sp.state === "ok" ? (sp.value == null ? f.unbounded : this.money(sp.value)) : this.t.none;
    const editing = this.mode === "edit";
    const closed = editing && (this._source?.status === "ended" || this._source?.status === "deactivated");
    return html`<aside class="card summary">
      <div class="words">
        <h2>${f.summaryTitle}</h2>
        ${summaryWords(this._s!, this.t, this.currency, this._prefix)
          .filter(Boolean)
          .map((line) => html`<p>${line}</p>`)}
      </div>
      <div class="spend">
        <label for="spend">${f.estimatedSpend}</label>
        <output id="spend" aria-describedby="spend-hint">${spend}</output>
        <p class="hint" id="spend-hint">${f.estimatedSpendHint}</p>
      </div>
      ${
        this._addons.length
          ? html`<div class="addons">
            <h2>${f.addonsTitle}</h2>
            <p class="hint">${f.addonsIntro}</p>
            <ul>${this._addons.map((a) => html`<li><strong>${a.name}</strong><br /><span class="hint">${this.t.types[a.type]} · ${this.discountWords(a.discount)}</span></li>`)}</ul>
          </div>`
          : nothing
      }
      <p class="error" id="form-error" role="alert">${this._error("form")}</p>
      ${
        this._conflict
          ? html`<p class="error" role="alert">${f.versionConflict}</p><button type="button" @click=${() => {
              this._conflict = false;
              this._errors = {};
              void this._start();
            }}>${f.reload}</button>`
          : nothing
      }
      <div class="row actions">
        <button id="submit" class="primary" type="submit" ?disabled=${closed} aria-busy=${this._busy ? "true" : "false"} aria-describedby="form-error">
          ${editing ? (this._busy ? f.saving : f.save) : this._busy ? f.creating : f.create}
        </button>
        <button type="button" class="link" @click=${() => this.navigate("#/coupons")}>${this.t.cancel}</button>
      </div>
    </aside>`;
  }

  protected override render() {
    const f = this.t.form;
    const src = this._source;
    const heading =
      this.mode === "edit" && src
        ? f.editHeading(src.name)
        : this.mode === "duplicate" && src
          ? f.duplicateHeading(src.name)
          : f.createHeading;
    if (this._loadError)
      return html`<h1 tabindex="-1">${heading}</h1><div class="card"><p class="error">${this._loadError}</p><button @click=${this._start}>${this.t.retry}</button></div>`;
    const s = this._s;
    if (!s) return html`<h1 tabindex="-1">${heading}</h1><p>${this.t.loading}</p>`;
    const type = s.type;
    const closed = this.mode === "edit" && src && (src.status === "ended" || src.status === "deactivated");
    return html`<div class="head"><h1 tabindex="-1">${heading}</h1></div>
      ${this.mode === "duplicate" && src ? html`<p class="note">${f.duplicateNote(src.name)}</p>` : nothing}
      ${this.mode === "edit" && src?.status === "ongoing" ? html`<p class="note">${f.startedNote}</p>` : nothing}
      ${closed ? html`<p class="note">${f.notEditable}</p>` : nothing}
      <form novalidate @submit=${this._submit}>
        <div class="sections">
          <section class="card" aria-labelledby="s-basics">
            <h2 id="s-basics">${f.basics}</h2>
            <div class="grid">
              ${this._select(
                "type",
                f.couponType,
                TYPES.map((v) => [v, this.t.types[v]]),
                this.t.typeGoals[type],
              )}
              ${this._text("name", f.name, f.nameHint, { max: 50 })}
            </div>
            ${type === "promo_code" ? this._codesFields(() => this._codeField(), this._prefix) : nothing}
          </section>
          <section class="card" aria-labelledby="s-discount"><h2 id="s-discount">${f.discountSection}</h2>${this._discountFields(type)}</section>
          <section class="card" aria-labelledby="s-scope"><h2 id="s-scope">${f.scopeSection}</h2>${this._scopeFields(type)}</section>
          <section class="card" aria-labelledby="s-timing"><h2 id="s-timing">${f.timingSection}</h2>${this._timingFields(type)}</section>
          <section class="card" aria-labelledby="s-limits"><h2 id="s-limits">${f.limitsSection}</h2>${this._limitFields(type)}</section>
        </div>
        ${this._aside()}
      </form>`;
  }
}
