/**
 * Review coupons (R13, R14, R16): does an approved review earn the reviewer a claim of the shop's
 * active review coupon? Pure: the caller passes the coupon, the review and whether this buyer paid
 * the reviewed order. The rating is deliberately not an input: negative reviews qualify too (R13).
 * "One claim per order" (R14) and the quantity are held by the database, not here.
 */
import { couponStatus } from "./status";
import type { Coupon, Millis } from "./types";

export const REVIEW_MIN_WORDS = 11;
export const REVIEW_MIN_MEDIA = 1;
/** R16: the label a review that earned a coupon carries. */
export const INCENTIVIZED_REVIEW_LABEL = "Verified purchase Incentivized Review";

export interface ApprovedReview {
  product_id: string;
  word_count: number;
  media_count: number;
  /** The reviewer has paid the reviewed order at this shop (a review of an unpaid order earns nothing). */
  order_paid_by_buyer: boolean;
}

export type ReviewVerdict =
  | "qualifies"
  | "no_active_review_coupon"
  | "product_not_in_scope"
  | "too_few_words"
  | "no_media"
  | "order_not_paid";

export function reviewVerdict(coupon: Coupon | null, review: ApprovedReview, now: Millis): ReviewVerdict {
  if (coupon?.type !== "review" || couponStatus(coupon, now) !== "ongoing") return "no_active_review_coupon";
  if (coupon.scope.kind === "products" && !coupon.scope.product_ids.includes(review.product_id)) return "product_not_in_scope";
  if (review.word_count < REVIEW_MIN_WORDS) return "too_few_words";
  if (review.media_count < REVIEW_MIN_MEDIA) return "no_media";
  if (!review.order_paid_by_buyer) return "order_not_paid";
  return "qualifies";
}
