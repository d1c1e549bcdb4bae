import { css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { ConsoleElement } from "../base.js";
import { actorWords, renderChanges } from "../changes.js";
import type { AuditEntry } from "../contract.js";
import { formatDateTime } from "../format.js";
import { historyStyles } from "../history.styles.js";
import { couponPath } from "../route.js";
import { shared } from "../shared.styles.js";

const ACTIONS = ["created", "updated", "deactivated", "duplicated", "addon_created", "key_created", "key_revoked", "shop_updated"];

/**
 * The shop's whole operation log (`GET /v1/audit`), newest first: who did what to which coupon, and when
 * (the "backend operation logs" a seller checks when an addon coupon appears).
 */
export class AuditLog extends ConsoleElement {
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

  @state() private _entries?: AuditEntry[];
  @state() private _next: string | null = null;
  @state() private _action = "";
  @state() private _names = new Map<string, string>();
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
      const page = await this.client.audit({ coupon_id: this.couponId || undefined, action: this._action || undefined, cursor: more ? this._next : null });
      this._entries = more ? [...(this._entries ?? []), ...page.data] : page.data;
      this._next = page.next_cursor;
      void this._resolveNames(page.data);
    } catch (e) {
      this._error = this.problemText(e);
    }
  }

  /** Coupon names for the entries' coupon ids (the log names coupons by id). */
  private async _resolveNames(entries: AuditEntry[]) {
    const ids = [...new Set(entries.map((e) => e.coupon_id).filter((id): id is string => !!id && !this._names.has(id)))];
    const found = await Promise.all(ids.map((id) => this.client.getCoupon(id).then((r) => [id, r.coupon.name] as const, () => null)));
    const names = new Map(this._names);
    for (const f of found) if (f) names.set(f[0], f[1]);
    this._names = names;
  }

  protected override render() {
    const a = this.t.audit;
    const h = this.t.history;
    const list = this._entries;
    return html`<div class="head">
        <div><h1 tabindex="-1">${a.heading}</h1><p class="sub">${a.intro}</p></div>
      </div>
      <div class="row filters">
        <div class="field">
          <label for="action">${a.action}</label>
          <select id="action" @change=${(e: Event) => { this._action = (e.target as HTMLSelectElement).value; void this._load(); }}>
            <option value="">${a.allActions}</option>
            ${ACTIONS.map((v) => html`<option value=${v} ?selected=${v === this._action}>${h.actions[v] ?? v}</option>`)}
          </select>
        </div>
      </div>
      ${this._error ? html`<div class="card"><p class="error">${this._error}</p><button @click=${() => this._load()}>${this.t.retry}</button></div>` : nothing}
      ${list === undefined
        ? this._error ? nothing : html`<p>${this.t.loading}</p>`
        : list.length === 0
          ? html`<p class="card empty">${a.empty}</p>`
          : html`<ol class="entries">
              ${list.map((e) => html`<li class="entry">
                <div class="entry-head">
                  <span class="action">${h.actions[e.action] ?? e.action}</span>
                  ${e.coupon_id
                    ? html`<a href=${couponPath(e.coupon_id, "history")}>${this._names.get(e.coupon_id) ?? e.coupon_id}</a>`
                    : html`<span>${a.shopLevel}</span>`}
                  <span class="who">${h.by(actorWords(this.t, e.actor, this._hints))}</span>
                  <time class="at" datetime=${e.at}>${formatDateTime(e.at)}</time>
                </div>
                ${Object.keys(e.changes ?? {}).length
                  ? html`<details><summary>${a.details}</summary>${renderChanges(this.t, this.currency, e)}</details>`
                  : nothing}
              </li>`)}
            </ol>
            ${this._next ? html`<p><button @click=${() => this._load(true)}>${this.t.loadMore}</button></p>` : nothing}`}`;
  }
}
