/** The storefront's shapes: a listed coupon with whether this buyer may claim it, a claim, the wallet. */
import { z } from "@hono/zod-openapi";
import type { ClaimDisplayState, Coupon } from "../engine/types.js";
import type { ClaimRow } from "../store/wallet.js";
import { ExternalId, orNull, page, ReasonCodeSchema, Timestamp, toIso } from "./common.js";
import { CouponSchema, DiscountAnswerSchema, ScopeAnswerSchema } from "./coupons.js";

export const StorefrontCouponSchema = CouponSchema.extend({
  claimable: z.boolean(),
  /** Why it cannot be claimed (`buyer_required`, `already_claimed`, …), null when claimable. */
  reason: orNull(ReasonCodeSchema),
}).openapi("StorefrontCoupon");
export type StorefrontCoupon = z.infer<typeof StorefrontCouponSchema>;

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
export type ClaimOut = z.infer<typeof ClaimSchema>;

export const WalletEntrySchema = ClaimSchema.extend({
  coupon: z.object({
    id: z.string(),
    type: z.enum(["regular", "follower", "review", "chat", "promo_code"]),
    name: z.string(),
    discount: DiscountAnswerSchema,
    min_spend_minor: z.int(),
    scope: ScopeAnswerSchema,
    currency: z.string(),
  }),
}).openapi("WalletEntry");
export type WalletEntryOut = z.infer<typeof WalletEntrySchema>;

export const StorefrontQuery = z.strictObject({
  product_id: ExternalId.optional(),
  /** Secret-key callers name the buyer here; publishable-key callers send X-Buyer-Token. */
  buyer_id: ExternalId.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export type StorefrontInput = z.infer<typeof StorefrontQuery>;
export const WalletQuery = z.strictObject({ buyer_id: z.string().min(1).max(64).optional() });
export const StorefrontPageSchema = page(StorefrontCouponSchema);
export const WalletSchema = page(WalletEntrySchema);
export const ClaimParams = z.object({ id: z.string().min(1).max(64) });
export const ClaimAnswer = z.object({ claim: ClaimSchema });

export const ClaimBody = z.strictObject({ buyer_id: ExternalId.optional() }).openapi("ClaimRequest");

export function serializeClaim(k: ClaimRow, state: ClaimDisplayState): ClaimOut {
  return {
    id: k.id,
    coupon_id: k.coupon_id,
    buyer_id: k.buyer_id,
    valid_from: toIso(k.valid_from),
    valid_until: toIso(k.valid_until),
    state,
    created_at: toIso(k.created_at),
  };
}

/** A wallet entry: the claim as shown, with the terms of its coupon in the shop's currency. */
export function serializeWalletEntry(row: ClaimRow, state: ClaimDisplayState, coupon: Coupon, currency: string): WalletEntryOut {
  return {
    ...serializeClaim(row, state),
    coupon: {
      id: coupon.id,
      type: coupon.type,
      name: coupon.name,
      discount:
        coupon.discount.kind === "fixed"
          ? coupon.discount
          : { ...coupon.discount, max_discount_minor: coupon.discount.max_discount_minor ?? null },
      min_spend_minor: coupon.min_spend_minor,
      scope: coupon.scope,
      currency,
    },
  };
}
