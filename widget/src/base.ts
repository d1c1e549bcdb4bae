import { LitElement } from "lit";
import { property } from "lit/decorators.js";
import { call, type ApiConfig } from "./api.js";
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

  /** Sends a bubbling, composed event, as every event of the widget is. */
  protected emit(type: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
