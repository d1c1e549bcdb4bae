/** A redemption: a coupon reserved for an order, then committed or released. */
import { z } from "@hono/zod-openapi";
import type { RedemptionRow } from "../store/redemptions.js";
import { quoteFields } from "./checkout.js";
import { DayOrTime, dayOrTimeMillis, ExternalId, KeyCursor, Limit, page, Timestamp, toIso } from "./common.js";

export const RedemptionBody = z.strictObject({ ...quoteFields, order_id: ExternalId }).openapi("RedemptionRequest");
export type RedemptionInput = z.infer<typeof RedemptionBody>;
export const IdempotencyHeader = z.object({ "idempotency-key": z.string().max(255).optional() });
export const RedemptionParams = z.object({ id: z.string().min(1).max(64) });

export const RedemptionSchema = z
  .object({
    id: z.string(),
    state: z.enum(["reserved", "committed", "released"]),
    coupon_id: z.string(),
    /** The buyer's claim it uses (claim-based coupons). */
    claim_id: z.string().nullable(),
    /** The full promo code (promo codes). */
    code: z.string().nullable(),
    order_id: z.string(),
    buyer_id: z.string().nullable(),
    discount_minor: z.int(),
    subtotal_minor: z.int(),
    allocations: z.array(z.object({ line_id: z.string(), discount_minor: z.int() })),
    reserved_at: Timestamp,
    /** A reservation not committed by then (shop clock) is released and its unit given back (R27). */
    expires_at: Timestamp,
    committed_at: Timestamp.nullable(),
    released_at: Timestamp.nullable(),
    /** `released` (by the route), `order_cancelled` (event), `expired` (30 minutes passed). */
    release_reason: z.string().nullable(),
    /** When `order.refunded` came for this committed use, and when it gave the unit back (`refund_policy: return_unit`). */
    refunded_at: Timestamp.nullable(),
    returned_at: Timestamp.nullable(),
  })
  .openapi("Redemption");

export const RedemptionAnswer = z.object({ redemption: RedemptionSchema });
export type RedemptionOut = z.infer<typeof RedemptionSchema>;

export function serializeRedemption(r: RedemptionRow): RedemptionOut {
  return {
    id: r.id,
    state: r.state,
    coupon_id: r.coupon_id,
    claim_id: r.claim_id,
    code: r.code,
    order_id: r.order_id,
    buyer_id: r.buyer_id,
    discount_minor: r.discount_minor,
    subtotal_minor: r.subtotal_minor,
    allocations: r.allocations,
    reserved_at: toIso(r.reserved_at),
    expires_at: toIso(r.expires_at),
    committed_at: toIso(r.committed_at),
    released_at: toIso(r.released_at),
    release_reason: r.release_reason,
    refunded_at: toIso(r.refunded_at),
    returned_at: toIso(r.returned_at),
  };
}

export const RedemptionListQuery = z
  .strictObject({
    coupon_id: z.string().min(1).max(64).optional(),
    state: z.enum(["reserved", "committed", "released"]).optional(),
    from: DayOrTime.optional().openapi({ description: "Reserved at or after (a UTC day or an RFC 3339 time)" }),
    to: DayOrTime.optional().openapi({ description: "Reserved before (exclusive)" }),
    limit: Limit,
    cursor: KeyCursor,
  })
  .refine((q) => q.from === undefined || q.to === undefined || dayOrTimeMillis(q.from) < dayOrTimeMillis(q.to), {
    path: ["to"],
    message: "`to` must come after `from`",
  });
export type RedemptionListInput = z.infer<typeof RedemptionListQuery>;
export const RedemptionPageSchema = page(RedemptionSchema);
