import { LitElement } from "lit";
import { property } from "lit/decorators.js";
import { call, type ApiConfig, type ApiError } from "./api.js";
import { formatMoney } from "./money.js";
import { resolveStrings, type StringsOverride, type WidgetStrings } from "./strings.js";

/**
 * What both components share: where the API is, which keys to send, and which language to speak.
 * Kept in one class so the bundle carries it once.
 */
export class WidgetElement extends LitElement {
  /** Base URL of the coupon API; empty means the page's own origin. */
  @property() api = "";

  /** The shop's publishable key (`pk_test_…` / `pk_live_…`). */
  @property({ attribute: "publishable-key" }) publishableKey = "";

  /** The buyer's token (JWT signed by the storefront's server); empty for a guest. */
  @property({ attribute: "buyer-token" }) buyerToken = "";

  /** BCP 47 locale of texts, money and dates; empty means the page's `lang`, else English. */
  @property() locale = "";

  /** Overrides laid over the locale's texts (`reasons` merged key by key). */
  @property({ attribute: false }) strings?: StringsOverride;

  protected get lang_(): string {
    return this.locale || document.documentElement.lang || "en";
  }

  protected get t(): WidgetStrings {
    return resolveStrings(this.lang_, this.strings);
  }

  protected money(minor: number, currency = "USD"): string {
    return formatMoney(minor, currency, this.lang_);
  }

  protected call<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const cfg: ApiConfig = {
      api: this.api,
      publishableKey: this.publishableKey,
      buyerToken: this.buyerToken,
    };
    return call<T>(cfg, path, body, signal);
  }

  /**
   * Tells the page's developer, in the console, why the service refused this page and how to fix it;
   * the shopper only reads that codes are unavailable (no retry can cure the page's own setup).
   */
  protected logFault(e: ApiError): void {
    const fix = e.refused
      ? `the service answered, but not to ${location.origin}: add this origin to the shop's allowed_origins, and check publishable-key`
      : e.status === 401 || e.status === 403
        ? "check publishable-key (the shop's pk_… key) and buyer-token (signed with the shop's buyer_token_secret, not expired)"
        : "check the api attribute and the cart against the request body in the API reference (/docs)";
    const what = [e.status || "CORS", e.code, e.detail].filter(Boolean).join(" ");
    console.error(`<${this.localName}>: the coupon service refused this page (${what}). Fix: ${fix}.`);
  }

  private _names = new Map<string, string>();
  private _namesFor = "";

  /**
   * A claimed coupon's name, from the buyer's wallet (the quote names coupons by id only); "" when it cannot
   * be had: the sentences that use it read well without.
   */
  protected async couponName(id: string, signal?: AbortSignal): Promise<string> {
    if (this._namesFor !== this.buyerToken) {
      this._names.clear();
      this._namesFor = this.buyerToken;
    }
    if (!this._names.has(id)) {
      try {
        const w = await this.call<{ data: { coupon_id: string; coupon?: { name: string } }[] }>("/v1/storefront/wallet", undefined, signal);
        for (const c of w.data) this._names.set(c.coupon_id, c.coupon?.name ?? "");
      } catch {
        // no name: the same sentence without it
      }
    }
    return this._names.get(id) ?? "";
  }

  /** Sends a bubbling, composed event, as every event of the widget is. */
  protected emit(type: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
