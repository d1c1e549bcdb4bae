import { html } from "lit";
import { property } from "lit/decorators.js";
import type { Review } from "../contract.js";
import { formatDateTime } from "../format.js";
import { PagedView } from "../paged.js";
import { shared } from "../shared.styles.js";

const COLUMNS: (keyof Review)[] = ["at", "order_id", "product_id", "buyer_id", "claim_id", "label"];

/** Reviews that earned a review coupon (`GET /v1/reviews`, R13–R16), each with its label. */
export class ReviewsView extends PagedView<Review> {
  static override styles = [shared];

  /** Shows only the reviews that earned this review coupon. */
  @property({ attribute: "coupon-id" }) couponId = "";

  protected fetchPage(cursor: string | null) {
    return this.client.reviews({ coupon_id: this.couponId || undefined, cursor });
  }

  protected override render() {
    const r = this.t.reviews;
    return html`<div class="head"><div><h1 tabindex="-1">${r.heading}</h1><p class="sub">${r.intro}</p></div></div>
      ${this.renderPaged(
        r.empty,
        (rows) => html`<div class="table-wrap scroll-x" tabindex="0" role="region" aria-label=${r.heading}><table>
        <thead><tr>${COLUMNS.map((c) => html`<th scope="col">${r.columns[c]}</th>`)}</tr></thead>
        <tbody>${rows.map(
          (row) =>
            html`<tr>${COLUMNS.map(
              (c) =>
                html`<td class=${c.endsWith("_id") ? "mono" : ""}>${
                  c === "at"
                    ? formatDateTime(row.at)
                    : c === "label" && row.label
                      ? html`<span class="tag">${row.label}</span>`
                      : (row[c] ?? this.t.none)
                }</td>`,
            )}</tr>`,
        )}</tbody>
      </table></div>`,
      )}`;
  }
}
