/** R16: the shop's incentivized reviews, each with the label stored when it earned its coupon. */
import { serializeReview, type ReviewListInput, type ReviewOut } from "../contract/reviews.js";
import type { Seller } from "../lib/caller.js";
import { decodeCursor, encodeCursor } from "../lib/cursor.js";
import type { Deps } from "../lib/deps.js";
import { listIncentivizedReviews } from "../store/reviews.js";

export async function listReviews(
  deps: Deps,
  seller: Seller,
  q: ReviewListInput,
): Promise<{ data: ReviewOut[]; next_cursor: string | null }> {
  const rows = await listIncentivizedReviews(deps.db, seller.shop.id, {
    couponId: q.coupon_id,
    before: decodeCursor(q.cursor),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return { data: page.map(serializeReview), next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].pos) : null };
}
