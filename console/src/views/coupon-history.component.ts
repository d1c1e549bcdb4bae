import { html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { ConsoleElement } from "../base.js";
import { actorWords, renderChanges } from "../changes.js";
import type { AuditEntry, Coupon } from "../contract.js";
import { formatDateTime } from "../format.js";
import { historyStyles } from "../history.styles.js";
import { shared } from "../shared.styles.js";

/** A coupon's history (`GET /v1/coupons/{id}/history`, R30): each entry's action, actor, time, before and after. */
export class CouponHistory extends ConsoleElement {
  static override styles = [shared, historyStyles];

  @property({ attribute: "coupon-id" }) couponId = "";

  @state() private _coupon?: Coupon;
  @state() private _entries?: AuditEntry[];
  @state() private _next: string | null = null;
  @state() private _hints = new Map<string, string>();
  @state() private _error = "";

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
    this.client.listKeys().then((k) => (this._hints = new Map(k.data.map((x) => [x.id, x.hint]))), () => undefined);
  }

  private async _load(more = false) {
    this._error = "";
    try {
      const [c, page] = await Promise.all([
        this._coupon ? Promise.resolve({ coupon: this._coupon }) : this.client.getCoupon(this.couponId),
        this.client.history(this.couponId, more ? this._next : null),
      ]);
      this._coupon = c.coupon;
      this._entries = more ? [...(this._entries ?? []), ...page.data] : page.data;
      this._next = page.next_cursor;
    } catch (e) {
      this._error = this.problemText(e);
    }
  }

  protected override render() {
    const h = this.t.history;
    const list = this._entries;
    return html`<div class="head">
        <div>
          <h1 tabindex="-1">${h.heading(this._coupon?.name ?? "")}</h1>
          <p class="sub">${h.intro}</p>
        </div>
        <button class="link" @click=${() => this.navigate("#/coupons")}>${this.t.data.back}</button>
      </div>
      ${this._error ? html`<div class="card"><p class="error">${this._error}</p><button @click=${() => this._load()}>${this.t.retry}</button></div>` : nothing}
      ${list === undefined
        ? this._error ? nothing : html`<p>${this.t.loading}</p>`
        : list.length === 0
          ? html`<p class="card empty">${h.empty}</p>`
          : html`<ol class="entries">
              ${list.map((e) => html`<li class="entry">
                <div class="entry-head">
                  <span class="action">${h.actions[e.action] ?? e.action}</span>
                  <span class="who">${h.by(actorWords(this.t, e.actor, this._hints))}</span>
                  <time class="at" datetime=${e.at}>${formatDateTime(e.at)}</time>
                </div>
                ${renderChanges(this.t, this.currency, e)}
              </li>`)}
            </ol>
            ${this._next ? html`<p><button @click=${() => this._load(true)}>${this.t.loadMore}</button></p>` : nothing}`}`;
  }
}
