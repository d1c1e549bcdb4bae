/** R16: the shop's incentivized reviews, each with the label stored when it earned its coupon. */
import { serializeReview, type ReviewListInput, type ReviewOut } from "../contract/reviews.js";
import type { Seller } from "../lib/caller.js";
import { decodeCursor, encodeCursor } from "../lib/cursor.js";
import type { Deps } from "../lib/deps.js";
import { readAll } from "../store/batch.js";
import { incentivizedReviewsRead } from "../store/reviews.js";

export async function listReviews(
  deps: Deps,
  seller: Seller,
  q: ReviewListInput,
): Promise<{ data: ReviewOut[]; next_cursor: string | null }> {
  const filter = { couponId: q.coupon_id, before: decodeCursor(q.cursor), limit: q.limit + 1 };
  // One read, carrying the caller's key check where the database is far (README "A request at the edge").
  const { rows } = await readAll(deps.db, deps.reads(), deps, { rows: incentivizedReviewsRead(deps.db, seller.shop.id, filter) });
  const page = rows.slice(0, q.limit);
  return { data: page.map(serializeReview), next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].pos) : null };
}
