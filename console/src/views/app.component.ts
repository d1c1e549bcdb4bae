import { html, nothing, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import { keyed } from "lit/directives/keyed.js";
import { SESSION_ENDED } from "../api.js";
import { ConsoleElement } from "../base.js";
import type { Shop } from "../contract.js";
import { formatDateTime } from "../format.js";
import { shared } from "../shared.styles.js";
import { parseRoute, type Route } from "../route.js";
import { styles } from "./app.styles.js";

/**
 * The whole console: signs the seller in (or finds the session), then shows one view per route of the
 * page's hash (`#/coupons`, `#/coupons/new`, `#/coupons/<id>/data`, `#/simulator`, …) beside the navigation.
 * Each view is its own element, usable alone.
 *
 * @event ec-navigate - From the views: a route to open (`detail.path`); the shell follows `location.hash`.
 */
export class ConsoleApp extends ConsoleElement {
  static override styles = [shared, styles];

  /** undefined while the session is looked up, null when signed out. */
  @state() private _shop?: Shop | null;
  @state() private _route: Route = parseRoute(location.hash);
  @state() private _menuOpen = false;
  @state() private _ended = false;
  /** Bumped on every visit, also to the route already shown (its nav link again): the view starts afresh. */
  @state() private _visit = 0;

  private _moved = false;
  private readonly _onHash = () => {
    this._visit++;
    this._route = parseRoute(location.hash);
    this._menuOpen = false;
    this._moved = true;
  };
  private readonly _onEnded = () => {
    if (this._shop) this._ended = true;
    this._shop = null;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener("hashchange", this._onHash);
    addEventListener(SESSION_ENDED, this._onEnded);
    this.client.currentShop().then(
      (r) => (this._shop = r.shop),
      () => (this._shop = null),
    );
  }

  override disconnectedCallback(): void {
    removeEventListener("hashchange", this._onHash);
    removeEventListener(SESSION_ENDED, this._onEnded);
    super.disconnectedCallback();
  }

  protected override updated(): void {
    document.title = `${this._title()} · ${this.t.product}`;
    if (!this._moved) return;
    this._moved = false;
    // A new view: move focus to its heading, so keyboard and screen-reader users start there.
    const view = this.renderRoot.querySelector("main > *");
    requestAnimationFrame(() => (view?.shadowRoot?.querySelector("h1") as HTMLElement | null)?.focus());
  }

  private _title(): string {
    const n = this.t.nav;
    if (!this._shop) return this.t.signIn.button;
    const titles: Record<string, string> = {
      list: n.coupons,
      simulator: n.simulator,
      activity: n.activity,
      redemptions: n.redemptions,
      claims: n.claims,
      reviews: n.reviews,
      webhooks: n.webhooks,
      settings: n.settings,
    };
    return titles[this._route.view] ?? n.coupons;
  }

  private async _signOut() {
    await this.client.signOut().catch(() => undefined);
    this._ended = false;
    this._shop = null;
  }

  private _signedIn(e: CustomEvent<{ shop: Shop }>) {
    this._shop = e.detail.shop;
    this._ended = false;
    this._moved = true;
  }

  private _view(shop: Shop): TemplateResult {
    const r = this._route;
    const p = { shop, api: this.api };
    switch (r.view) {
      case "form":
        return html`<ec-coupon-form .shop=${p.shop} api=${p.api} mode=${r.mode} coupon-id=${r.id ?? ""} type=${r.query.type ?? ""}></ec-coupon-form>`;
      case "data":
        return html`<ec-coupon-data .shop=${p.shop} api=${p.api} coupon-id=${r.id}></ec-coupon-data>`;
      case "history":
        return html`<ec-coupon-history .shop=${p.shop} api=${p.api} coupon-id=${r.id}></ec-coupon-history>`;
      case "send":
        return html`<ec-chat-recipients .shop=${p.shop} api=${p.api} coupon-id=${r.id}></ec-chat-recipients>`;
      case "simulator":
        return html`<ec-simulator .shop=${p.shop} api=${p.api}></ec-simulator>`;
      case "activity":
        return html`<ec-audit-log .shop=${p.shop} api=${p.api} coupon-id=${r.query.coupon_id ?? ""}></ec-audit-log>`;
      case "redemptions":
        return html`<ec-redemptions .shop=${p.shop} api=${p.api} coupon-id=${r.query.coupon_id ?? ""}></ec-redemptions>`;
      case "claims":
        return html`<ec-claims .shop=${p.shop} api=${p.api} coupon-id=${r.query.coupon_id ?? ""}></ec-claims>`;
      case "reviews":
        return html`<ec-reviews .shop=${p.shop} api=${p.api} coupon-id=${r.query.coupon_id ?? ""}></ec-reviews>`;
      case "webhooks":
        return html`<ec-webhooks .shop=${p.shop} api=${p.api}></ec-webhooks>`;
      case "settings":
        return html`<ec-shop-settings .shop=${p.shop} api=${p.api} @ec-shop-changed=${(e: CustomEvent<Shop>) => (this._shop = e.detail)}></ec-shop-settings>`;
      default:
        return html`<ec-coupon-list .shop=${p.shop} api=${p.api}></ec-coupon-list>`;
    }
  }

  private _nav(): TemplateResult {
    const n = this.t.nav;
    const items: [string, string, string[]][] = [
      ["#/coupons", n.coupons, ["list", "form", "data", "history", "send"]],
      ["#/simulator", n.simulator, ["simulator"]],
      ["#/redemptions", n.redemptions, ["redemptions"]],
      ["#/claims", n.claims, ["claims"]],
      ["#/reviews", n.reviews, ["reviews"]],
      ["#/activity", n.activity, ["activity"]],
      ["#/webhooks", n.webhooks, ["webhooks"]],
      ["#/settings", n.settings, ["settings"]],
    ];
    // A link to the route already shown changes no hash: it still reloads the view (fresh figures).
    const again = (e: Event) => (e.target as HTMLAnchorElement).getAttribute?.("href") === location.hash && this._onHash();
    return html`<nav id="nav" aria-label=${n.label} class=${this._menuOpen ? "open" : ""} @click=${again}>
      <ul>
        ${items.map(
          ([href, label, views]) => html`<li>
          <a href=${href} aria-current=${views.includes(this._route.view) ? "page" : nothing}>${label}</a>
        </li>`,
        )}
      </ul>
    </nav>`;
  }

  protected override render() {
    const shop = this._shop;
    if (shop === undefined) return html`<p class="boot" role="status">${this.t.loading}</p>`;
    if (shop === null) return html`<ec-sign-in api=${this.api} .ended=${this._ended} @ec-signed-in=${this._signedIn}></ec-sign-in>`;
    const t = this.t;
    return html`<a class="skip" href="#main" @click=${(e: Event) => {
      e.preventDefault();
      (this.renderRoot.querySelector("main") as HTMLElement).focus();
    }}>${t.skipToContent}</a>
      <header class="top">
        <div class="brand">
          <span class="mark" aria-hidden="true">%</span>
          <span class="shop-name">${shop.name}</span>
          ${shop.mode === "test" ? html`<span class="badge test">${t.testMode}</span>` : nothing}
        </div>
        <div class="row">
          <button class="menu small" aria-expanded=${this._menuOpen ? "true" : "false"} aria-controls="nav"
            @click=${() => (this._menuOpen = !this._menuOpen)}>${t.nav.menu}</button>
          <button class="small" @click=${this._signOut}>${t.signIn.signOut}</button>
        </div>
      </header>
      ${shop.test_clock ? html`<p class="clock" role="note">${t.clockFrozen(formatDateTime(shop.test_clock))}</p>` : nothing}
      <div class="frame">
        ${this._nav()}
        <main id="main" tabindex="-1">${keyed(this._visit, this._view(shop))}</main>
      </div>`;
  }
}
