import { LitElement } from "lit";
import { property } from "lit/decorators.js";
import { ApiProblem, createApi, type Api } from "./api.js";
import type { Discount, Shop } from "./contract.js";
import { formatDate, formatMoney } from "./format.js";
import { resolveStrings, type ConsoleStrings, type StringsOverride } from "./strings.js";

/**
 * What every console view shares: where the API is, the signed-in shop (currency, code prefix, clock),
 * the texts, and navigation. Navigation is an event first (`ec-navigate`, cancelable), so a marketplace
 * embedding a view can route on its own; if nobody cancels it, the view sets `location.hash`.
 */
export class ConsoleElement extends LitElement {
  /** Base URL of the coupon API; empty means the page's own origin (where the session cookie lives). */
  @property() api = "";

  /** The signed-in shop (from `POST /v1/console/sessions` or `GET /v1/console/sessions/current`). */
  @property({ attribute: false }) shop?: Shop;

  /** Texts laid over the English defaults. */
  @property({ attribute: false }) strings?: StringsOverride;

  private _api?: [string, Api];
  private _t?: [StringsOverride | undefined, ConsoleStrings];

  protected get t(): ConsoleStrings {
    if (!this._t || this._t[0] !== this.strings) this._t = [this.strings, resolveStrings(this.strings)];
    return this._t[1];
  }

  protected get client(): Api {
    if (!this._api || this._api[0] !== this.api) this._api = [this.api, createApi(this.api)];
    return this._api[1];
  }

  protected get currency(): string {
    return this.shop?.currency ?? "USD";
  }

  protected money(minor: number | null | undefined): string {
    return minor == null ? this.t.none : formatMoney(minor, this.currency, "en");
  }

  /** The shop's clock: its frozen test clock, else real time. */
  protected shopNow(): number {
    return this.shop?.test_clock ? Date.parse(this.shop.test_clock) : Date.now();
  }

  protected discountWords(d: Discount): string {
    return d.kind === "fixed"
      ? this.t.amountOff(this.money(d.amount_minor))
      : this.t.percentOff(d.percent_off, d.max_discount_minor ? this.money(d.max_discount_minor) : undefined);
  }

  protected date(iso: string | null | undefined): string {
    return formatDate(iso);
  }

  /** A failed call in words, for the places where no field is at fault. */
  protected problemText(e: unknown): string {
    if (e instanceof ApiProblem) {
      if (e.status === 0) return this.t.networkError;
      if (e.status >= 500) return this.t.serverError;
      if (e.code === "route_not_found") return this.t.notAvailable;
      return e.detail || e.code;
    }
    return this.t.serverError;
  }

  protected navigate(path: string): void {
    const ev = new CustomEvent("ec-navigate", { detail: { path }, bubbles: true, composed: true, cancelable: true });
    if (this.dispatchEvent(ev)) location.hash = path;
  }

  /** Sends a bubbling, composed event. */
  protected emit(type: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
