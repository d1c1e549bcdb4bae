/**
 * What a webhook receiver gets: one JSON body per event, `{id, type, created_at, shop_id, data: {object}}`,
 * whose object is the API's own answer shape for what changed (a Coupon, a Claim, a Redemption, or a
 * review's claim with the review it rewards). These schemas describe the document's `webhooks` section,
 * so a receiver can be typed from the OpenAPI document as a client is.
 */
import { z } from "@hono/zod-openapi";
import { Timestamp } from "./common.js";
import { CouponSchema } from "./coupons.js";
import { RedemptionSchema } from "./redemptions.js";
import { ClaimSchema } from "./storefront.js";
import type { WebhookEventType } from "./webhooks.js";

export const ReviewCouponIssuedSchema = z
  .object({
    ...ClaimSchema.shape,
    order_id: z.string().openapi({ description: "The reviewed order" }),
    product_id: z.string().openapi({ description: "The reviewed product" }),
    review_label: z.string().openapi({ description: "The label the storefront shows on the review" }),
  })
  .openapi("ReviewCouponIssued");

/** Each event type's object, and what the event says happened. */
export const WEBHOOK_EVENTS = {
  "coupon.created": { object: CouponSchema, about: "A coupon was created (each addon coupon has its own event)." },
  "coupon.updated": { object: CouponSchema, about: "A coupon was edited: the coupon after the edit." },
  "coupon.deactivated": { object: CouponSchema, about: "A coupon was deactivated (by the seller or by a shop-wide change)." },
  "coupon.exhausted": {
    object: CouponSchema,
    about: "A claim or reservation took a coupon's last unit: the coupon as it was priced or claimed.",
  },
  "claim.created": { object: ClaimSchema, about: "A buyer holds a new claim (claimed, or issued for a review)." },
  "redemption.reserved": { object: RedemptionSchema, about: "A coupon was reserved for an order." },
  "redemption.committed": { object: RedemptionSchema, about: "A reservation was committed (the order was paid)." },
  "redemption.released": { object: RedemptionSchema, about: "A reservation was released (cancelled, or not committed within 30 minutes)." },
  "review_coupon.issued": { object: ReviewCouponIssuedSchema, about: "A review earned its buyer a review coupon's claim." },
} satisfies Record<WebhookEventType, { object: z.ZodType; about: string }>;

/** `coupon.created` → `CouponCreatedEvent`. */
export const eventSchemaName = (type: WebhookEventType) =>
  `${type
    .split(/[._]/)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("")}Event`;

/** The body POSTed for one event type. */
export function webhookEventSchema(type: WebhookEventType) {
  return z
    .object({
      id: z
        .string()
        .openapi({ description: "The event's id (`evt_…`): the same on every delivery and retry, so a receiver dedupes by it" }),
      type: z.literal(type),
      created_at: Timestamp,
      shop_id: z.string(),
      data: z.object({ object: WEBHOOK_EVENTS[type].object }),
    })
    .openapi(eventSchemaName(type));
}

/** The `Coupon-Signature` header every delivery carries (verify it with `verifySignature`). */
export const WebhookHeaders = z.object({
  "coupon-signature": z.string().openapi({
    description: '`t=<unix seconds>,v1=<hex HMAC-SHA256(endpoint secret, "<t>.<raw body>")>`; `edge-coupons/client/webhooks` verifies it',
    example: "t=1764547200,v1=5257a869…",
  }),
});
