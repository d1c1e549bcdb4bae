import { html, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { PagedView } from "../paged.js";
import type { ClaimQuery, ClaimRow, Coupon, Page, RedemptionQuery, RedemptionRow } from "../contract.js";
import { formatDateTime } from "../format.js";
import { shared } from "../shared.styles.js";
import type { ConsoleStrings } from "../strings.js";

type Row = RedemptionRow | ClaimRow;
type Query = RedemptionQuery & ClaimQuery;

/**
 * A filtered list of the shop's records, newest first, with cursor pages and a CSV download of the whole
 * filtered list (the server streams it; `Accept: text/csv`). Redemptions and claims are its two views.
 */
export abstract class RecordsView extends PagedView<Row> {
  static override styles = [shared];

  /** Shows only this coupon's records. */
  @property({ attribute: "coupon-id" }) couponId = "";

  @state() private _coupons: Coupon[] = [];
  @state() private _downloading = false;
  @state() private _downloadError = "";
  protected _q: Query = {};

  protected abstract readonly list: "redemptions" | "claims";
  protected abstract get heading(): string;
  protected abstract get intro(): string;
  protected abstract readonly states: readonly (keyof ConsoleStrings["records"]["states"])[];
  protected abstract readonly columns: string[];
  protected abstract fetchFiltered(q: Query): Promise<Page<Row>>;
  /** The filters beyond coupon and state. */
  protected abstract extraFilters(): TemplateResult;

  override connectedCallback(): void {
    this._q = { coupon_id: this.couponId };
    super.connectedCallback();
    this.client.listCoupons({ limit: 100 }).then(
      (p) => (this._coupons = p.data),
      () => undefined,
    );
  }

  protected fetchPage(cursor: string | null) {
    return this.fetchFiltered({ ...this._q, ...(cursor ? { cursor } : {}) });
  }

  protected _setQ(key: keyof Query, value: string) {
    this._q = { ...this._q, [key]: value };
  }

  private async _download() {
    this._downloading = true;
    this._downloadError = "";
    try {
      await this.client.downloadCsv(this.list, this._q, `${this.list}.csv`);
    } catch (e) {
      this._downloadError = this.problemText(e);
    } finally {
      this._downloading = false;
    }
  }

  private _cell(r: Row, col: string) {
    const v = (r as Record<string, unknown>)[col];
    if (col === "coupon_id") return this._coupons.find((c) => c.id === v)?.name ?? String(v ?? this.t.none);
    if (col === "discount_minor" && typeof v === "number") return this.money(v);
    if (col === "state" && typeof v === "string") return html`<span class="tag">${this.t.records.states[v as Row["state"]] ?? v}</span>`;
    if (/_(at|from|until)$/.test(col) && typeof v === "string") return formatDateTime(v);
    return v == null || v === "" ? this.t.none : String(v);
  }

  protected override render() {
    const r = this.t.records;
    const cols = this.columns;
    return html`<div class="head"><div><h1 tabindex="-1">${this.heading}</h1><p class="sub">${this.intro}</p></div></div>
      <form class="card" novalidate @submit=${(e: Event) => {
        e.preventDefault();
        void this.reload();
      }}>
        <div class="grid">
          <div class="field">
            <label for="coupon">${r.coupon}</label>
            <select id="coupon" @change=${(e: Event) => this._setQ("coupon_id", (e.target as HTMLSelectElement).value)}>
              <option value="">${r.allCoupons}</option>
              ${this._coupons.map((c) => html`<option value=${c.id} ?selected=${c.id === this._q.coupon_id}>${c.name}</option>`)}
              ${this._q.coupon_id && !this._coupons.some((c) => c.id === this._q.coupon_id) ? html`<option value=${this._q.coupon_id} selected>${this._q.coupon_id}</option>` : nothing}
            </select>
          </div>
          <div class="field">
            <label for="state">${r.state}</label>
            <select id="state" @change=${(e: Event) => this._setQ("state", (e.target as HTMLSelectElement).value)}>
              <option value="">${r.allStates}</option>
              ${this.states.map((s) => html`<option value=${s} ?selected=${s === this._q.state}>${r.states[s]}</option>`)}
            </select>
          </div>
          ${this.extraFilters()}
        </div>
        <div class="row spaced">
          <button type="submit">${r.filter}</button>
          <button type="button" class="primary" aria-busy=${this._downloading ? "true" : "false"} @click=${this._download}>${this._downloading ? r.downloading : r.download}</button>
        </div>
        <p class="error" role="alert">${this._downloadError}</p>
      </form>
      ${this.renderPaged(
        r.empty,
        (rows) => html`<div class="table-wrap scroll-x" tabindex="0" role="region" aria-label=${this.heading}><table>
        <thead><tr>${cols.map((c) => html`<th scope="col" class=${c === "discount_minor" ? "num" : ""}>${r.columns[c] ?? c}</th>`)}</tr></thead>
        <tbody>${rows.map((row) => html`<tr>${cols.map((c) => html`<td class=${c === "discount_minor" ? "num" : c !== "coupon_id" && (c.endsWith("_id") || c === "code") ? "mono" : ""}>${this._cell(row, c)}</td>`)}</tr>`)}</tbody>
      </table></div>`,
      )}`;
  }
}

/** The shop's redemptions (`GET /v1/redemptions?coupon_id=&state=&from=&to=`). */
export class RedemptionsView extends RecordsView {
  protected readonly list = "redemptions" as const;
  protected readonly states = ["reserved", "committed", "released"] as const;
  protected readonly columns = ["reserved_at", "coupon_id", "order_id", "buyer_id", "code", "state", "discount_minor"];
  protected get heading() {
    return this.t.records.redemptionsHeading;
  }
  protected get intro() {
    return this.t.records.redemptionsIntro;
  }
  protected fetchFiltered(q: Query) {
    return this.client.redemptions(q);
  }
  protected extraFilters() {
    const r = this.t.records;
    const day = (key: "from" | "to", label: string) => html`<div class="field">
      <label for=${key}>${label}</label>
      <input id=${key} type="date" @change=${(e: Event) => {
        const v = (e.target as HTMLInputElement).value;
        this._setQ(key, v ? `${v}T00:00:00Z` : "");
      }} />
    </div>`;
    return html`${day("from", r.from)}${day("to", r.to)}`;
  }
}

/** The shop's claims (`GET /v1/claims?coupon_id=&buyer_id=&state=`). */
export class ClaimsView extends RecordsView {
  protected readonly list = "claims" as const;
  protected readonly states = ["available", "reserved", "used", "expired", "void"] as const;
  protected readonly columns = ["created_at", "coupon_id", "buyer_id", "state", "valid_from", "valid_until"];
  protected get heading() {
    return this.t.records.claimsHeading;
  }
  protected get intro() {
    return this.t.records.claimsIntro;
  }
  protected fetchFiltered(q: Query) {
    return this.client.claims(q);
  }
  protected extraFilters() {
    return html`<div class="field">
      <label for="buyer">${this.t.records.buyer}</label>
      <input id="buyer" autocomplete="off" spellcheck="false" @change=${(e: Event) => this._setQ("buyer_id", (e.target as HTMLInputElement).value.trim())} />
    </div>`;
  }
}
