import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import type { QuoteAnswer } from "./api.js";
import { WidgetElement } from "./base.js";
import { styles } from "./coupon-summary.styles.js";

/**
 * The cart's coupon line: the seller coupon a quote applies — a typed code, or the buyer's claimed coupon
 * that applies by itself — by name, with what it saves. Give it the quote answer the page shows (`quote`);
 * it asks the buyer's wallet for a claimed coupon's name (the quote names coupons by id). Shows nothing
 * when no coupon applies.
 *
 * @csspart base - The line.
 * @csspart label - The code, or the claimed coupon's name.
 * @csspart amount - What the coupon saves, as a negative amount.
 *
 * @cssproperty --coupon-summary-success - Text of the line (falls back to `--coupon-widget-success`).
 * @cssproperty --coupon-summary-font - Font family (falls back to `--coupon-widget-font`).
 * @cssproperty --coupon-widget-success - Success colour shared by the components (default #166534).
 * @cssproperty --coupon-widget-font - Font family shared by the components (default inherit).
 */
export class CouponSummary extends WidgetElement {
  static override styles = styles;
  /** Public properties, then internal state (`state: true`: no attribute); see `WidgetElement.properties`. */
  static override properties: PropertyDeclarations = {
    quote: { attribute: false },
    currency: {},
    _label: { state: true },
  };

  /** The quote answer the page shows (`POST /v1/checkout/quote`); empty shows nothing. */
  quote?: QuoteAnswer | null;

  /** Currency of the cart the quote is for. */
  currency = "USD";

  /** The applied claimed coupon's name, once the wallet has told it. */
  private _label = "";

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has("quote")) return;
    const a = this.quote?.applied;
    this._label = "";
    if (a && !a.code) {
      void this.couponName(a.coupon_id).then((name) => {
        if (this.quote?.applied?.coupon_id === a.coupon_id) this._label = name;
      });
    }
  }

  protected override render(): TemplateResult | typeof nothing /* lit's names: the .d.ts needs only lit */ {
    const a = this.quote?.applied;
    if (!a) return nothing;
    const t = this.t;
    const amount = this.money(a.discount_minor, this.currency);
    return html`<div part="base" class="base"><span part="label">${a.code ? t.codeLine(a.code) : t.couponLine(this._label)}</span><span part="amount">−${amount}</span></div>`;
  }
}
