/**
 * `POST /v1/events`: the buyer facts a seller's server reports (orders, follows, approved reviews), one
 * body discriminated by `type`. A field not listed for a type is refused (422).
 */
import { z } from "@hono/zod-openapi";
import { ExternalId, MinorAmount, Timestamp } from "./common.js";

const common = {
  /** Idempotency: the same id at the same shop is processed once; a replay gets the first answer. */
  id: ExternalId,
  occurred_at: Timestamp,
  buyer_id: ExternalId,
};
const Target = z.enum(["shop", "live"]);
const Count = z.int().min(0).max(1_000_000);

export const EventBody = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("order.paid"), ...common, order_id: ExternalId, total_minor: MinorAmount }),
    z.strictObject({ type: z.literal("order.refunded"), ...common, order_id: ExternalId }),
    z.strictObject({ type: z.literal("order.cancelled"), ...common, order_id: ExternalId }),
    z.strictObject({ type: z.literal("follow.created"), ...common, target: Target }),
    z.strictObject({ type: z.literal("follow.deleted"), ...common, target: Target }),
    z.strictObject({
      type: z.literal("review.approved"),
      ...common,
      order_id: ExternalId,
      product_id: ExternalId,
      word_count: Count,
      media_count: Count,
    }),
  ])
  .openapi("Event");
export type EventInput = z.infer<typeof EventBody>;

export const IssuedClaimSchema = z.object({
  id: z.string(),
  coupon_id: z.string(),
  valid_from: Timestamp,
  valid_until: Timestamp,
  state: z.enum(["available", "reserved", "used", "expired", "void"]),
});

export const EventResultSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    buyer_id: z.string(),
    occurred_at: Timestamp,
    processed: z.literal(true),
    issued_claim: IssuedClaimSchema.nullable()
      .optional()
      .openapi({ description: "review.approved only: the claim the review earned, or null" }),
    review_label: z
      .literal("Verified purchase Incentivized Review")
      .nullable()
      .optional()
      .openapi({ description: "review.approved only: the label of a review that earned a coupon (R16), or null" }),
  })
  .openapi("EventResult");
export type EventResult = z.infer<typeof EventResultSchema>;
