import { css, html } from "lit";
import { property, state } from "lit/decorators.js";
import { keyHints, renderEntry } from "../changes.js";
import type { AuditAction, ShopAuditEntry } from "../contract.js";
import { historyStyles } from "../history.styles.js";
import { PagedView } from "../paged.js";
import { couponPath } from "../route.js";
import { shared } from "../shared.styles.js";

/**
 * The shop's whole operation log (`GET /v1/audit`), newest first: who did what to which coupon, and when
 * (the "backend operation logs" a seller checks when an addon coupon appears).
 */
export class AuditLog extends PagedView<ShopAuditEntry> {
  static override styles = [
    shared,
    historyStyles,
    css`
      .filters {
        margin-bottom: 1rem;
      }
      .filters .field {
        width: 14rem;
      }
      .entry {
        padding: 0.75rem 1rem;
        gap: 0.375rem;
      }
      summary {
        cursor: pointer;
        color: var(--_accent);
        font-size: 0.875rem;
        width: max-content;
      }
      details[open] summary {
        margin-bottom: 0.5rem;
      }
    `,
  ];

  /** Shows only this coupon's entries. */
  @property({ attribute: "coupon-id" }) couponId = "";

  @state() private _action = "";
  @state() private _names = new Map<string, string>();
  @state() private _hints = new Map<string, string>();

  override connectedCallback(): void {
    super.connectedCallback();
    keyHints(this.client).then((h) => (this._hints = h));
  }

  protected fetchPage(cursor: string | null) {
    return this.client.audit({ coupon_id: this.couponId || undefined, action: this._action || undefined, cursor });
  }

  /** Coupon names for the entries' coupon ids (the log names coupons by id). */
  protected override async loaded(entries: ShopAuditEntry[]) {
    const ids = [...new Set(entries.map((e) => e.coupon_id).filter((id): id is string => !!id && !this._names.has(id)))];
    const found = await Promise.all(
      ids.map((id) =>
        this.client.getCoupon(id).then(
          (r) => [id, r.coupon.name] as const,
          () => null,
        ),
      ),
    );
    const names = new Map(this._names);
    for (const f of found) if (f) names.set(f[0], f[1]);
    this._names = names;
  }

  protected override render() {
    const a = this.t.audit;
    const h = this.t.history;
    return html`<div class="head">
        <div><h1 tabindex="-1">${a.heading}</h1><p class="sub">${a.intro}</p></div>
      </div>
      <div class="row filters">
        <div class="field">
          <label for="action">${a.action}</label>
          <select id="action" @change=${(e: Event) => {
            this._action = (e.target as HTMLSelectElement).value;
            void this.reload();
          }}>
            <option value="">${a.allActions}</option>
            ${(Object.keys(h.actions) as AuditAction[]).map((v) => html`<option value=${v} ?selected=${v === this._action}>${h.actions[v]}</option>`)}
          </select>
        </div>
      </div>
      ${this.renderPaged(
        a.empty,
        (list) =>
          html`<ol class="entries">${list.map((e) =>
            renderEntry(this.t, this.currency, e, this._hints, {
              open: false,
              about: e.coupon_id
                ? html`<a href=${couponPath(e.coupon_id, "history")}>${this._names.get(e.coupon_id) ?? e.coupon_id}</a>`
                : html`<span>${a.shopLevel}</span>`,
            }),
          )}</ol>`,
      )}`;
  }
}
