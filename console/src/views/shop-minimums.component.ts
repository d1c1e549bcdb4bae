import { css, html } from "lit";
import { state } from "lit/decorators.js";
import { ApiProblem } from "../api.js";
import { ConsoleElement } from "../base.js";
import type { CouponType, Shop } from "../contract.js";
import { currencySymbol, minorDigits, moneyInput, parseMoney } from "../format.js";
import { shared } from "../shared.styles.js";

const TYPES: CouponType[] = ["regular", "follower", "review", "chat", "promo_code"];
/** The largest minimum the API takes, in minor units (`PATCH /v1/shops/{id}`). */
const MOST = 1_000_000_000;

type Values = Record<CouponType, string>;
type Errors = Partial<Record<CouponType | "form", string>>;

/**
 * The shop's minimum fixed discount per coupon type (R3), in the shop's currency: typed as amounts
 * ("0.50"), sent as integer minor units with the view's Save (`PATCH /v1/shops/{id}` `min_fixed_minor`,
 * all five together, as the API takes them); "Use defaults" sends null, the currency's defaults again.
 *
 * @event ec-shop-changed - Saved; `detail` is the shop as the API answered it.
 */
export class ShopMinimums extends ConsoleElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        min-width: 0;
      }
      .grid {
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
        gap: 0.75rem 1rem;
      }
      .row {
        margin-top: 1rem;
      }
    `,
  ];

  @state() private _values?: Values;
  @state() private _errors: Errors = {};
  @state() private _message = "";
  @state() private _busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._fill(this.shop);
  }

  private _fill(shop?: Shop) {
    if (!shop) return;
    const v = {} as Values;
    for (const t of TYPES) v[t] = moneyInput(shop.min_fixed_minor[t], shop.currency);
    this._values = v;
  }

  /** The five amounts in minor units, or the errors of those that cannot be sent. */
  private _read(): { minimums?: Record<CouponType, number>; errors: Errors } {
    const s = this.t.settings;
    const out = {} as Record<CouponType, number>;
    const errors: Errors = {};
    for (const t of TYPES) {
      const text = this._values![t];
      const minor = parseMoney(text, this.currency);
      if (minor === null) errors[t] = this.t.form.required;
      else if (text.trim().startsWith("-") || minor < 1 || minor > MOST) errors[t] = s.minRange(this.money(MOST));
      else if (Number.isNaN(minor)) errors[t] = s.minInvalid(moneyInput(50, this.currency), minorDigits(this.currency));
      else out[t] = minor;
    }
    return Object.keys(errors).length ? { errors } : { minimums: out, errors };
  }

  private _save(e: Event) {
    e.preventDefault();
    const { minimums, errors } = this._read();
    this._errors = errors;
    if (!minimums) return this._focusError();
    return this._send(minimums);
  }

  private _useDefaults() {
    this._errors = {};
    return this._send(null);
  }

  /** Sends the five minimums, or null: the defaults for the shop's currency again. */
  private async _send(minimums: Record<CouponType, number> | null) {
    if (this._busy || !this.shop) return;
    this._message = "";
    this._busy = true;
    try {
      const { shop } = await this.client.updateShop(this.shop.id, { min_fixed_minor: minimums });
      this._fill(shop);
      this._message = minimums ? this.t.settings.minSaved : this.t.settings.minDefaultsSaved;
      this.emit("ec-shop-changed", shop);
    } catch (err) {
      this._errors = this._answerErrors(err);
      this._focusError();
    } finally {
      this._busy = false;
    }
  }

  /** The API's refusal beside the fields it names (`min_fixed_minor.<type>`), else under the fields. */
  private _answerErrors(err: unknown): Errors {
    const out: Errors = {};
    const p = err instanceof ApiProblem ? err : null;
    for (const fe of p?.errors ?? []) {
      const t = TYPES.find((x) => fe.path === `min_fixed_minor.${x}`);
      if (t) out[t] ??= this.t.settings.minRange(this.money(MOST));
    }
    if (!Object.keys(out).length) out.form = this.problemText(err);
    return out;
  }

  private async _focusError() {
    await this.updateComplete;
    (this.renderRoot.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
  }

  private _field(t: CouponType) {
    const err = this._errors[t] ?? "";
    return html`<div class="field">
      <label for="min-${t}">${this.t.types[t]}</label>
      <div class="affix"><span class="prefix" aria-hidden="true">${currencySymbol(this.currency)}</span>
        <input id="min-${t}" inputmode="decimal" autocomplete="off" .value=${this._values![t]} aria-describedby="min-${t}-error"
          aria-invalid=${err ? "true" : "false"} @input=${(e: Event) => {
            this._values = { ...this._values!, [t]: (e.target as HTMLInputElement).value };
            if (this._errors[t]) this._errors = { ...this._errors, [t]: undefined };
          }} /></div>
      <p class="error" id="min-${t}-error">${err}</p>
    </div>`;
  }

  protected override render() {
    const s = this.t.settings;
    if (!this._values) return html``;
    return html`<section class="card" aria-labelledby="min-h">
      <h2 id="min-h">${s.minimums}</h2>
      <p class="hint" id="min-intro">${s.minimumsIntro(this.currency)}</p>
      <form @submit=${this._save} novalidate>
        <fieldset class="grid spaced" aria-labelledby="min-h" aria-describedby="min-intro">${TYPES.map((t) => this._field(t))}</fieldset>
        <p class="error" role="alert">${this._errors.form ?? ""}</p>
        <div class="row">
          <button class="primary" type="submit" aria-busy=${this._busy ? "true" : "false"}>${s.saveMinimums}</button>
          <button type="button" @click=${this._useDefaults}>${s.minDefaults}</button>
          <span class="ok" role="status">${this._message}</span>
        </div>
      </form>
    </section>`;
  }
}
