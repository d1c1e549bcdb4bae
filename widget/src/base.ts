import { LitElement, type PropertyDeclarations } from "lit";
import { call, pageFault, type ApiConfig, type ApiError } from "./api.js";
import { formatMoney } from "./money.js";
import { resolveStrings, type StringsOverride, type WidgetStrings } from "./strings.js";

/**
 * What the components share: where the API is, which keys to send, and which language to speak.
 * Kept in one class so the bundle carries it once.
 */
export class WidgetElement extends LitElement {
  /**
   * The reactive properties, declared as Lit's `static properties` rather than decorators: the bundle then
   * carries one small object per class instead of the decorator helpers (the 12 KB budget). The fields
   * below keep their types, defaults and docs; `scripts/build-widget.ts` reads both for the manifest.
   */
  static override properties: PropertyDeclarations = {
    api: {},
    publishableKey: { attribute: "publishable-key" },
    buyerToken: { attribute: "buyer-token" },
    locale: {},
    strings: { attribute: false },
  };

  /** Base URL of the coupon API; empty means the page's own origin. */
  api = "";

  /** The shop's publishable key (`pk_test_…` / `pk_live_…`). */
  publishableKey = "";

  /** The buyer's token (JWT signed by the storefront's server); empty for a guest. */
  buyerToken = "";

  /** BCP 47 locale of texts, money and dates; empty means the page's `lang`, else English. */
  locale = "";

  /** Overrides laid over the locale's texts (`reasons` merged key by key). */
  strings?: StringsOverride;

  protected get lang_(): string {
    return this.locale || document.documentElement.lang || "en";
  }

  protected get t(): WidgetStrings {
    return resolveStrings(this.lang_, this.strings);
  }

  protected money(minor: number, currency = "USD"): string {
    return formatMoney(minor, currency, this.lang_);
  }

  /** Calls the API with this element's `api`, `publishable-key` and `buyer-token` (it is an `ApiConfig`). */
  protected call<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    return call<T>(this satisfies ApiConfig, path, body, signal);
  }

  /**
   * A failed call in words, as a function of the strings so a locale change re-words it. The page's own
   * fault (a wrong key, an origin not allowed, a request the API refuses) reads "unavailable", and the
   * console tells the page's developer why and how to fix it: no retry can cure the page's own setup.
   * An outage reads as too many attempts (429), a failing service (5xx) or one out of reach.
   */
  protected failureMessage(e: ApiError): (t: WidgetStrings) => string {
    const s = e.status;
    if (!pageFault(e)) return (t) => (s === 429 ? t.rateLimited : s ? t.serviceError : t.networkError);
    const fix = e.refused
      ? `the service answered, but not to ${location.origin}: add this origin to the shop's allowed_origins, and check publishable-key`
      : s === 401 || s === 403
        ? "check publishable-key (the shop's pk_… key) and buyer-token (signed with the shop's buyer_token_secret, not expired)"
        : "check the api attribute and the cart against the request body in the API reference (/docs)";
    const what = [s || "CORS", e.code, e.detail].filter(Boolean).join(" ");
    console.error(`<${this.localName}>: the coupon service refused this page (${what}). Fix: ${fix}.`);
    return (t) => t.unavailable;
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
