import { html } from "lit";
import { property, state } from "lit/decorators.js";
import { keyHints, renderEntry } from "../changes.js";
import type { AuditEntry, Coupon } from "../contract.js";
import { historyStyles } from "../history.styles.js";
import { PagedView } from "../paged.js";
import { shared } from "../shared.styles.js";

/** A coupon's history (`GET /v1/coupons/{id}/history`, R30): each entry's action, actor, time, before and after. */
export class CouponHistory extends PagedView<AuditEntry> {
  static override styles = [shared, historyStyles];

  @property({ attribute: "coupon-id" }) couponId = "";

  @state() private _coupon?: Coupon;
  @state() private _hints = new Map<string, string>();

  override connectedCallback(): void {
    super.connectedCallback();
    this.client.getCoupon(this.couponId).then(
      (r) => (this._coupon = r.coupon),
      () => undefined,
    );
    keyHints(this.client).then((h) => (this._hints = h));
  }

  protected fetchPage(cursor: string | null) {
    return this.client.history(this.couponId, cursor);
  }

  protected override render() {
    const h = this.t.history;
    return html`<div class="head">
        <div>
          <h1 tabindex="-1">${h.heading(this._coupon?.name ?? "")}</h1>
          <p class="sub">${h.intro}</p>
        </div>
        <button class="link" @click=${() => this.navigate("#/coupons")}>${this.t.data.back}</button>
      </div>
      ${this.renderPaged(h.empty, (list) => html`<ol class="entries">${list.map((e) => renderEntry(this.t, this.currency, e, this._hints, { open: true }))}</ol>`)}`;
  }
}
