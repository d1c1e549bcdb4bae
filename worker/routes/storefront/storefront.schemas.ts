/** The storefront's shapes: a listed coupon with whether this buyer may claim it, a claim, the wallet. */
import { z } from "@hono/zod-openapi";
import { ExternalId, Timestamp } from "../../lib/schemas.js";
import { CouponSchema, DiscountSchema, ScopeSchema } from "../coupons/coupons.schemas.js";

export const StorefrontCouponSchema = CouponSchema.extend({
  claimable: z.boolean(),
  /** A reason code of API.md (`buyer_required`, `already_claimed`, …), null when claimable. */
  reason: z.string().nullable(),
}).openapi("StorefrontCoupon");

export const ClaimSchema = z
  .object({
    id: z.string(),
    coupon_id: z.string(),
    buyer_id: z.string(),
    valid_from: Timestamp,
    valid_until: Timestamp,
    state: z.enum(["available", "reserved", "used", "expired", "void"]),
    created_at: Timestamp,
  })
  .openapi("Claim");

export const WalletEntrySchema = ClaimSchema.extend({
  coupon: z.object({
    id: z.string(),
    type: z.enum(["regular", "follower", "review", "chat", "promo_code"]),
    name: z.string(),
    discount: DiscountSchema,
    min_spend_minor: z.int(),
    scope: ScopeSchema,
    currency: z.string(),
  }),
}).openapi("WalletEntry");

export const StorefrontQuery = z.strictObject({
  product_id: ExternalId.optional(),
  /** Secret-key callers name the buyer here; publishable-key callers send X-Buyer-Token. */
  buyer_id: ExternalId.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const ClaimBody = z.strictObject({ buyer_id: ExternalId.optional() }).openapi("ClaimRequest");
