import { css, html } from "lit";
import { property, query, state } from "lit/decorators.js";
import { ApiProblem } from "../api.js";
import { PagedView } from "../paged.js";
import type { Coupon, Recipient } from "../contract.js";
import { formatDateTime } from "../format.js";
import { shared } from "../shared.styles.js";

/**
 * Send a chat coupon to a buyer (`POST /v1/coupons/{id}/send`, R17) and see who it was sent to
 * (`GET /v1/coupons/{id}/recipients`) and whether they claimed it.
 */
export class ChatRecipients extends PagedView<Recipient> {
  static override styles = [
    shared,
    css`
      .send-row {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
      }
      .send-row .field {
        flex: 1;
      }
      .send-row button {
        margin-top: 1.55rem;
      }
    `,
  ];

  @property({ attribute: "coupon-id" }) couponId = "";

  @state() private _coupon?: Coupon;
  @state() private _sendError = "";
  @state() private _message = "";
  @state() private _busy = false;
  @query("#buyer") private _input!: HTMLInputElement;

  override connectedCallback(): void {
    super.connectedCallback();
    this.client.getCoupon(this.couponId).then(
      (r) => (this._coupon = r.coupon),
      () => undefined,
    );
  }

  protected fetchPage(cursor: string | null) {
    return this.client.recipients(this.couponId, cursor);
  }

  private async _send(e: Event) {
    e.preventDefault();
    const buyer = this._input.value.trim();
    this._message = "";
    if (!buyer) {
      this._sendError = this.t.form.required;
      return this._input.focus();
    }
    this._busy = true;
    try {
      await this.client.sendCoupon(this.couponId, buyer);
      this._sendError = "";
      this._input.value = "";
      this._message = this.t.send.sent(buyer);
      void this.reload();
    } catch (err) {
      const p = err instanceof ApiProblem ? err : null;
      this._sendError =
        p && p.status < 500 && p.status !== 0
          ? (this.t.reasons[p.code as keyof typeof this.t.reasons] ?? p.errors[0]?.message ?? p.detail)
          : this.problemText(err);
      this._input.focus();
    } finally {
      this._busy = false;
    }
  }

  protected override render() {
    const s = this.t.send;
    return html`<div class="head">
        <div><h1 tabindex="-1">${s.heading(this._coupon?.name ?? "")}</h1><p class="sub">${s.intro}</p></div>
        <button class="link" @click=${() => this.navigate("#/coupons")}>${this.t.data.back}</button>
      </div>
      <form class="card" @submit=${this._send} novalidate>
        <div class="send-row">
          <div class="field">
            <label for="buyer">${s.buyer}</label>
            <input id="buyer" autocomplete="off" spellcheck="false" maxlength="64" aria-describedby="buyer-hint buyer-error" aria-invalid=${this._sendError ? "true" : "false"}
              @input=${() => (this._sendError = "")} />
            <p class="hint" id="buyer-hint">${s.buyerHint}</p>
            <p class="error" id="buyer-error">${this._sendError}</p>
          </div>
          <button class="primary" type="submit" aria-busy=${this._busy ? "true" : "false"}>${s.button}</button>
        </div>
        <p class="status-line ok" role="status">${this._message}</p>
      </form>
      <h2>${s.recipients}</h2>
      ${this.renderPaged(
        s.empty,
        (list) => html`<div class="table-wrap scroll-x" tabindex="0" role="region" aria-label=${s.recipients}><table>
        <thead><tr><th scope="col">${s.buyer}</th><th scope="col">${s.sentAt}</th><th scope="col">${s.claimed}</th></tr></thead>
        <tbody>${list.map((r) => html`<tr><td class="mono">${r.buyer_id}</td><td>${formatDateTime(r.sent_at)}</td><td>${r.claimed ? this.t.yes : this.t.no}</td></tr>`)}</tbody>
      </table></div>`,
      )}`;
  }
}
