import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { ApiError, isAbort, pageFault, type Claim, type StorefrontCoupon } from "./api.js";
import { WidgetElement } from "./base.js";
import { formatDate } from "./money.js";
import { reasonText, type WidgetStrings } from "./strings.js";
import { sharedStyles } from "./shared.styles.js";
import { styles } from "./coupon-list.styles.js";

/**
 * The shop's claimable coupons for this buyer (`GET /v1/storefront/coupons`), each with its discount,
 * minimum spend and validity in words and a Claim button. Without a buyer token it shows the coupons
 * and asks the shopper to sign in to claim.
 *
 * @event coupon-claimed - A claim succeeded; `detail` is the claim.
 *
 * @csspart base - The wrapper of everything.
 * @csspart notice - The sign-in sentence shown without a buyer token.
 * @csspart list - The `<ul>` of coupons.
 * @csspart item - One coupon.
 * @csspart discount - The discount in words.
 * @csspart name - The coupon's name.
 * @csspart details - Minimum spend and validity in words.
 * @csspart claim-button - The Claim button (stays focusable as "Claimed" once claimed).
 * @csspart reason - Why a coupon cannot be claimed.
 * @csspart message - The live region: claim results and errors.
 * @csspart retry-button - The Retry button shown when the list could not be loaded.
 *
 * @cssproperty --coupon-list-accent - Buttons, discount and focus ring (falls back to `--coupon-widget-accent`).
 * @cssproperty --coupon-list-error - Error text (falls back to `--coupon-widget-error`).
 * @cssproperty --coupon-list-success - Claimed state (falls back to `--coupon-widget-success`).
 * @cssproperty --coupon-list-radius - Corner radius (falls back to `--coupon-widget-radius`).
 * @cssproperty --coupon-list-font - Font family (falls back to `--coupon-widget-font`).
 * @cssproperty --coupon-list-surface - Background of a coupon (falls back to `--coupon-widget-surface`).
 * @cssproperty --coupon-widget-accent - Accent shared by both components (default #1d4ed8).
 * @cssproperty --coupon-widget-error - Error colour shared by both components (default #b91c1c).
 * @cssproperty --coupon-widget-success - Success colour shared by both components (default #166534).
 * @cssproperty --coupon-widget-radius - Corner radius shared by both components (default 6px).
 * @cssproperty --coupon-widget-font - Font family shared by both components (default inherit).
 * @cssproperty --coupon-widget-surface - Background of a coupon (default #f8fafc).
 */
export class CouponList extends WidgetElement {
  static override styles = [sharedStyles, styles];
  /** Public properties, then internal state (`state: true`: no attribute); see `WidgetElement.properties`. */
  static override properties: PropertyDeclarations = {
    productId: { attribute: "product-id" },
    currency: {},
    _coupons: { state: true },
    _error: { state: true },
    _retry: { state: true },
    _message: { state: true },
    _outcome: { state: true },
    _claiming: { state: true },
  };

  /** Lists only the coupons that apply to this product. */
  productId = "";

  /** Currency of amounts when a coupon does not name one (the shop's currency). */
  currency = "USD";

  private _coupons?: StorefrontCoupon[];
  /** The list could not be loaded. */
  private _error = false;
  /** …and asking again may help (an outage, not the page's own fault): Retry is offered. */
  private _retry = false;
  /** The live region's sentence, as a function of the strings so a locale change re-words it. */
  private _message: (t: WidgetStrings) => string = () => "";
  /** Coupon id → "claimed", or the reason a claim was refused. */
  private _outcome: Record<string, string> = {};
  private _claiming = "";

  private _ctl?: AbortController;

  /** Loads the list again (after a sign-in, or to refresh claimability). */
  async reload(): Promise<void> {
    this._ctl?.abort();
    const ctl = new AbortController();
    this._ctl = ctl;
    if (!this.publishableKey) return;
    this._error = this._retry = false;
    const q = this.productId ? `?product_id=${encodeURIComponent(this.productId)}` : "";
    try {
      const res = await this.call<{ data: StorefrontCoupon[] }>(`/v1/storefront/coupons${q}`, undefined, ctl.signal);
      if (ctl.signal.aborted) return;
      this._coupons = res.data ?? [];
      this._outcome = {};
      this._message = () => "";
    } catch (e) {
      if (ctl.signal.aborted || isAbort(e)) return;
      this._fail(e);
    }
  }

  /** A failed call: the page's own fault (unavailable, logged; no retry), or an outage (Retry). */
  private _fail(e: unknown): void {
    const err = e instanceof ApiError ? e : new ApiError(0);
    if (!this._coupons) {
      this._error = true;
      this._retry = !pageFault(err);
    }
    this._message = this.failureMessage(err);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("api") || changed.has("publishableKey") || changed.has("buyerToken") || changed.has("productId")) {
      void this.reload();
    }
  }

  private async _claim(c: StorefrontCoupon): Promise<void> {
    if (this._claiming || this._outcome[c.id] === "claimed") return;
    const t = this.t;
    this._claiming = c.id;
    this._message = (t) => t.claiming;
    try {
      const res = await this.call<{ claim?: Claim } & Partial<Claim>>(`/v1/storefront/coupons/${encodeURIComponent(c.id)}/claim`, {});
      this._outcome = { ...this._outcome, [c.id]: "claimed" };
      this._message = (t) => t.claimedNotice(c.name);
      this.emit("coupon-claimed", res.claim ?? res);
    } catch (e) {
      const code = e instanceof ApiError ? e.code : undefined;
      if (code && code in t.reasons) {
        this._outcome = { ...this._outcome, [c.id]: code };
        this._message = (t) => reasonText(t, code);
      } else {
        this._fail(e);
      }
    } finally {
      this._claiming = "";
    }
  }

  private _words(c: StorefrontCoupon): [string, string] {
    const t = this.t;
    const cur = c.currency ?? this.currency;
    const d = c.discount;
    const off =
      d.kind === "fixed"
        ? t.amountOff(this.money(d.amount_minor, cur))
        : t.percentOff(d.percent_off, d.max_discount_minor ? this.money(d.max_discount_minor, cur) : undefined);
    const v = c.validity;
    const l = this.lang_;
    const details = [
      c.min_spend_minor > 0 ? t.minSpend(this.money(c.min_spend_minor, cur)) : t.noMinSpend,
      v?.kind === "days_after_claim"
        ? t.validDays(v.days)
        : v?.kind === "fixed"
          ? t.validBetween(formatDate(v.starts_at, l), formatDate(v.ends_at, l))
          : "",
      c.claim_ends_at ? t.claimBy(formatDate(c.claim_ends_at, l)) : "",
    ];
    return [off, details.filter(Boolean).join(" · ")];
  }

  private _action(c: StorefrontCoupon, i: number) {
    const t = this.t;
    const outcome = this._outcome[c.id];
    if (outcome === "claimed" || (c.claimable && !outcome)) {
      const done = outcome === "claimed";
      const busy = this._claiming === c.id;
      return html`<button
        part="claim-button"
        class=${done ? "done" : ""}
        type="button"
        aria-describedby="n${i}"
        aria-disabled=${done ? "true" : nothing}
        aria-busy=${busy ? "true" : nothing}
        @click=${() => this._claim(c)}
      >${done ? `✓ ${t.claimed}` : busy ? t.claiming : t.claim}</button>`;
    }
    const reason = outcome ?? c.reason ?? "";
    // Without a buyer the notice above says it once; no need to repeat it on every coupon.
    return reason === "buyer_required" && !this.buyerToken
      ? nothing
      : html`<span part="reason" class="reason">${reasonText(t, reason)}</span>`;
  }

  protected override render(): TemplateResult /* lit's name: the package's .d.ts needs only lit */ {
    const t = this.t;
    const list = this._coupons;
    return html`<div part="base">
      ${this.buyerToken ? nothing : html`<p part="notice" class="notice">${t.signInToClaim}</p>`}
      ${
        list === undefined
          ? this._error
            ? nothing
            : html`<p class="empty">${t.loading}</p>`
          : list.length === 0
            ? html`<p class="empty">${t.noCoupons}</p>`
            : html`<ul part="list" aria-label=${t.couponsLabel}>
              ${list.map((c, i) => {
                const [off, details] = this._words(c);
                return html`<li part="item" class="item">
                  <div class="info">
                    <span part="discount" class="discount">${off}</span>
                    <span part="name" id="n${i}">${c.name}</span>
                    <span part="details" class="details">${details}</span>
                  </div>
                  ${this._action(c, i)}
                </li>`;
              })}
            </ul>`
      }
      <div part="message" class="message ${this._error ? "error" : ""}" role="status">${this._message(t)}</div>
      ${this._retry ? html`<button part="retry-button" type="button" @click=${this.reload}>${t.retry}</button>` : nothing}
    </div>`;
  }
}
