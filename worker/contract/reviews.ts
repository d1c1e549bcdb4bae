/** Incentivized reviews (R16): the reviews that earned a review coupon, with the label they carry. */
import { z } from "@hono/zod-openapi";
import { INCENTIVIZED_REVIEW_LABEL } from "../engine/review-qualification.js";
import type { IncentivizedReviewRow } from "../store/reviews.js";
import { Cursor, Limit, page, Timestamp, toIso } from "./common.js";

export const ReviewSchema = z
  .object({
    order_id: z.string(),
    product_id: z.string(),
    buyer_id: z.string(),
    claim_id: z.string().openapi({ description: "The claim of the review coupon this review earned (R14)" }),
    label: z.string().openapi({ description: "R16: the label stored with the review", example: INCENTIVIZED_REVIEW_LABEL }),
    at: Timestamp.openapi({ description: "When the review's approval was recorded (shop clock)" }),
  })
  .openapi("IncentivizedReview");
export type ReviewOut = z.infer<typeof ReviewSchema>;

export const ReviewListQuery = z.strictObject({
  coupon_id: z.string().min(1).max(64).optional().openapi({ description: "Only the reviews that earned this review coupon" }),
  limit: Limit,
  cursor: Cursor,
});
export type ReviewListInput = z.infer<typeof ReviewListQuery>;

export const ReviewPageSchema = page(ReviewSchema);

export function serializeReview(r: IncentivizedReviewRow): ReviewOut {
  return {
    order_id: r.order_id,
    product_id: r.product_id,
    buyer_id: r.buyer_id,
    claim_id: r.claim_id,
    label: r.label,
    at: toIso(r.approved_at),
  };
}
