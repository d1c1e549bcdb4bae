import { html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { ConsoleElement } from "../base.js";
import type { Review } from "../contract.js";
import { formatDateTime } from "../format.js";
import { shared } from "../shared.styles.js";

const COLUMNS: (keyof Review)[] = ["at", "order_id", "product_id", "buyer_id", "claim_id", "label"];

/** Reviews that earned a review coupon (`GET /v1/reviews`, R13–R16), each with its label. */
export class ReviewsView extends ConsoleElement {
  static override styles = [shared];

  /** Shows only the reviews that earned this review coupon. */
  @property({ attribute: "coupon-id" }) couponId = "";

  @state() private _rows?: Review[];
  @state() private _next: string | null = null;
  @state() private _error = "";

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(more = false) {
    this._error = "";
    try {
      const page = await this.client.reviews({ coupon_id: this.couponId || undefined, cursor: more ? this._next : undefined });
      this._rows = more ? [...(this._rows ?? []), ...page.data] : page.data;
      this._next = page.next_cursor;
    } catch (e) {
      this._error = this.problemText(e);
    }
  }

  protected override render() {
    const r = this.t.reviews;
    const rows = this._rows;
    return html`<div class="head"><div><h1 tabindex="-1">${r.heading}</h1><p class="sub">${r.intro}</p></div></div>
      ${this._error ? html`<div class="card"><p class="error">${this._error}</p><button @click=${() => this._load()}>${this.t.retry}</button></div>` : nothing}
      ${rows === undefined
        ? this._error ? nothing : html`<p>${this.t.loading}</p>`
        : rows.length === 0
          ? html`<p class="card empty">${r.empty}</p>`
          : html`<div class="table-wrap scroll-x" tabindex="0" role="region" aria-label=${r.heading}><table>
              <thead><tr>${COLUMNS.map((c) => html`<th scope="col">${r.columns[c]}</th>`)}</tr></thead>
              <tbody>${rows.map((row) => html`<tr>${COLUMNS.map((c) => html`<td class=${c.endsWith("_id") ? "mono" : ""}>${
                c === "at" ? formatDateTime(row.at) : c === "label" && row.label ? html`<span class="tag">${row.label}</span>` : (row[c] ?? this.t.none)
              }</td>`)}</tr>`)}</tbody>
            </table></div>
            ${this._next ? html`<p><button @click=${() => this._load(true)}>${this.t.loadMore}</button></p>` : nothing}`}`;
  }
}
