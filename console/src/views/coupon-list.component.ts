import { html, nothing } from "lit";
import { query, state } from "lit/decorators.js";
import { ConsoleElement } from "../base.js";
import type { Coupon, CouponStatus, CouponType } from "../contract.js";
import { couponPath, takeFlash } from "../route.js";
import { shared } from "../shared.styles.js";
import type { CodeImport } from "./code-import.component.js";
import { styles } from "./coupon-list.styles.js";

const TYPES: CouponType[] = ["regular", "follower", "review", "chat", "promo_code"];
const STATUSES: CouponStatus[] = ["upcoming", "ongoing", "ended", "deactivated"];
const PAGE = 20;

/**
 * The shop's coupons, newest first (`GET /v1/coupons`): filters by type and status, cursor pages, the
 * full code of promo codes (a campaign's count of codes, their CSV and, while upcoming, an import of the
 * seller's own), status badges, and per row Edit, Duplicate, History, Data, Send (chat coupons) and
 * Deactivate (after a confirmation).
 */
export class CouponList extends ConsoleElement {
  static override styles = [shared, styles];

  @state() private _type = "";
  @state() private _status = "";
  @state() private _rows?: Coupon[];
  @state() private _error = "";
  @state() private _message = "";
  /** Cursors of the pages walked so far; the last one is the page shown (null: the first page). */
  @state() private _cursors: (string | null)[] = [null];
  @state() private _next: string | null = null;
  @state() private _confirm: Coupon | null = null;
  @state() private _busy = false;
  @query("dialog") private _dialog!: HTMLDialogElement;
  @query("ec-code-import") private _importer!: CodeImport;

  private _seq = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this._message = takeFlash();
    void this._load();
  }

  private async _load() {
    const seq = ++this._seq;
    this._error = "";
    try {
      const cursor = this._cursors[this._cursors.length - 1];
      const page = await this.client.listCoupons({ type: this._type || undefined, status: this._status || undefined, limit: PAGE, cursor });
      if (seq !== this._seq) return;
      this._rows = page.data;
      this._next = page.next_cursor;
    } catch (e) {
      if (seq === this._seq) this._error = this.problemText(e);
    }
  }

  /** (Named fields, never `this[name]`: the build shortens private names, not the strings naming them.) */
  private _filter(which: "type" | "status", e: Event) {
    const value = (e.target as HTMLSelectElement).value;
    if (which === "type") this._type = value;
    else this._status = value;
    this._cursors = [null];
    this._rows = undefined;
    void this._load();
  }

  private _page(dir: 1 | -1) {
    this._cursors = dir === 1 ? [...this._cursors, this._next] : this._cursors.slice(0, -1);
    void this._load();
  }

  private _askDeactivate(c: Coupon) {
    this._confirm = c;
    this._message = "";
    void this.updateComplete.then(() => this._dialog.showModal());
  }

  private async _deactivate() {
    const c = this._confirm;
    if (!c || this._busy) return;
    this._busy = true;
    try {
      const { coupon } = await this.client.deactivateCoupon(c.id);
      this._rows = this._rows?.map((r) => (r.id === coupon.id ? coupon : r));
      this._message = this.t.list.deactivated(coupon.name);
      this._dialog.close();
      // The row's Deactivate button is gone: keep focus in the row, on its name.
      await this.updateComplete;
      (this.renderRoot.querySelector(`#n-${CSS.escape(c.id)}`) as HTMLElement | null)?.focus();
    } catch (e) {
      this._message = this.problemText(e);
      this._dialog.close();
    } finally {
      this._busy = false;
      this._confirm = null;
    }
  }

  /** A campaign changed by an import: its row shows it as it is now (its count, or that it started). */
  private async _refreshRow(e: CustomEvent<string>) {
    try {
      const { coupon } = await this.client.getCoupon(e.detail);
      this._rows = this._rows?.map((r) => (r.id === coupon.id ? coupon : r));
    } catch (err) {
      this._message = this.problemText(err);
    }
  }

  private _when(c: Coupon) {
    const promo = c.type === "promo_code";
    const from = this.date(promo ? c.active_starts_at : c.claim_starts_at);
    const to = this.date(promo ? c.active_ends_at : c.claim_ends_at);
    return html`<span>${promo ? this.t.list.active : this.t.list.claim} </span>${from} – ${to}`;
  }

  private _summary(c: Coupon): string {
    const t = this.t;
    const parts = [
      this.discountWords(c.discount),
      c.min_spend_minor > 0 ? t.minSpend(this.money(c.min_spend_minor)) : t.noMinSpend,
      c.scope.kind === "shop" ? t.wholeShop : t.products(c.scope.product_ids.length),
    ];
    if (c.audience && c.audience !== "all" && c.audience !== "all_followers")
      parts.push(t.form.audiences[c.audience as keyof typeof t.form.audiences] ?? c.audience);
    return parts.join(" · ");
  }

  /** A promo code in full, with a button that copies it (where the browser lets pages write the clipboard). */
  private _code(code: string) {
    const l = this.t.list;
    const copy = async () => {
      await navigator.clipboard.writeText(code).then(
        () => (this._message = l.codeCopied(code)),
        () => undefined,
      );
    };
    return html`<code class="code">${code}</code>${
      navigator.clipboard ? html` <button class="link copy" aria-label=${l.copyCode(code)} @click=${copy}>${this.t.copy}</button>` : nothing
    }`;
  }

  /** A campaign's count of unique codes, with buttons that download them all as CSV and, while upcoming, import more. */
  private _campaign(c: Coupon) {
    const l = this.t.list;
    const i = this.t.importCodes;
    const download = () =>
      this.client.downloadCodes(c.id, `codes-${c.id}.csv`).catch((e: unknown) => (this._message = this.problemText(e)));
    return html`<span class="codes">${l.uniqueCodes(c.quantity)}<button class="link copy" aria-label=${l.downloadCodesOf(c.name)}
      @click=${download}>${l.downloadCodes}</button>${
        c.status === "upcoming"
          ? html`<button class="link copy" aria-label=${i.openOf(c.name)} @click=${() => this._importer.show(c)}>${i.open}</button>`
          : nothing
      }</span>`;
  }

  private _row(c: Coupon) {
    const l = this.t.list;
    const live = c.status === "upcoming" || c.status === "ongoing";
    const nameId = `n-${c.id}`;
    const act = (label: string, onClick: () => void, cls = "") =>
      html`<button class="small ${cls}" aria-describedby=${nameId} @click=${onClick}>${label}</button>`;
    return html`<tr>
      <td class="coupon">
        <span class="name" id=${nameId} tabindex="-1">${c.name}</span>
        ${c.origin === "addon" ? html` <span class="tag">${l.addonTag}</span>` : nothing}
        ${c.origin === "duplicate" ? html` <span class="tag">${l.duplicateTag}</span>` : nothing}
        <span class="summary">${this._summary(c)}</span>
      </td>
      <td data-label=${l.colType}>${this.t.types[c.type]}</td>
      <td data-label=${l.colStatus}><span class="badge ${c.status}">${this.t.statuses[c.status]}</span></td>
      <td data-label=${l.colCode} class=${c.code || c.unique_codes ? "" : "no-code"}>${
        c.code ? this._code(c.code) : c.unique_codes ? this._campaign(c) : html`<span class="muted">${this.t.none}</span>`
      }</td>
      <td data-label=${l.colWhen} class="when">${this._when(c)}</td>
      <td class="actions">
        <div class="row">
          ${live ? act(l.edit, () => this.navigate(couponPath(c.id, "edit"))) : nothing}
          ${act(l.duplicate, () => this.navigate(couponPath(c.id, "duplicate")))}
          ${act(l.history, () => this.navigate(couponPath(c.id, "history")))}
          ${act(l.data, () => this.navigate(couponPath(c.id, "data")))}
          ${c.type === "chat" && live ? act(l.send, () => this.navigate(couponPath(c.id, "send"))) : nothing}
          ${live ? act(l.deactivate, () => this._askDeactivate(c), "danger-text") : nothing}
        </div>
      </td>
    </tr>`;
  }

  private _table(rows: Coupon[]) {
    const l = this.t.list;
    if (rows.length === 0)
      return html`<div class="card empty">
        <p>${this._type || this._status ? l.emptyFiltered : l.empty}</p>
        ${this._type || this._status ? nothing : html`<button class="primary" @click=${() => this.navigate("#/coupons/new")}>${l.firstCoupon}</button>`}
      </div>`;
    const first = (this._cursors.length - 1) * PAGE + 1;
    return html`<div class="table-wrap">
        <table>
          <caption class="sr-only">${l.pageOf(first, first + rows.length - 1)}</caption>
          <thead>
            <tr>
              <th scope="col">${l.colCoupon}</th><th scope="col">${l.colType}</th><th scope="col">${l.colStatus}</th>
              <th scope="col">${l.colCode}</th><th scope="col">${l.colWhen}</th><th scope="col" class="actions-h">${l.colActions}</th>
            </tr>
          </thead>
          <tbody>${rows.map((c) => this._row(c))}</tbody>
        </table>
      </div>
      <div class="pager row">
        <button class="small" ?disabled=${this._cursors.length === 1} @click=${() => this._page(-1)}>${this.t.previous}</button>
        <button class="small" ?disabled=${!this._next} @click=${() => this._page(1)}>${this.t.next}</button>
      </div>`;
  }

  protected override render() {
    const t = this.t;
    const l = t.list;
    const c = this._confirm;
    return html`<div class="head">
        <h1 tabindex="-1">${l.heading}</h1>
        <button class="primary" @click=${() => this.navigate("#/coupons/new")}>${l.newCoupon}</button>
      </div>
      <div class="filters">
        <div class="field">
          <label for="type">${l.type}</label>
          <select id="type" @change=${(e: Event) => this._filter("type", e)}>
            <option value="">${l.allTypes}</option>
            ${TYPES.map((v) => html`<option value=${v} ?selected=${this._type === v}>${t.types[v]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="status">${l.status}</label>
          <select id="status" @change=${(e: Event) => this._filter("status", e)}>
            <option value="">${l.allStatuses}</option>
            ${STATUSES.map((v) => html`<option value=${v} ?selected=${this._status === v}>${t.statuses[v]}</option>`)}
          </select>
        </div>
      </div>
      <p class="status-line" role="status">${this._message}</p>
      ${
        this._error
          ? html`<div class="card"><p class="error">${this._error}</p><button @click=${this._load}>${t.retry}</button></div>`
          : this._rows
            ? this._table(this._rows)
            : html`<p class="muted">${t.loading}</p>`
      }
      <dialog aria-labelledby="confirm-title" aria-describedby="confirm-text" @close=${() => (this._confirm = null)}>
        ${
          c
            ? html`<h2 id="confirm-title">${l.confirmTitle(c.name)}</h2>
              <p id="confirm-text">${c.status === "upcoming" ? l.confirmUpcoming : l.confirmOngoing}</p>
              <div class="row">
                <button autofocus @click=${() => this._dialog.close()}>${t.cancel}</button>
                <button class="danger" aria-busy=${this._busy ? "true" : "false"} @click=${this._deactivate}>${l.deactivate}</button>
              </div>`
            : nothing
        }
      </dialog>
      <ec-code-import .shop=${this.shop} api=${this.api} .strings=${this.strings} @ec-codes-changed=${this._refreshRow}></ec-code-import>`;
  }
}
