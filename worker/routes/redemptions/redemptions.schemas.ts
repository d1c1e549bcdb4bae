/** A redemption: a coupon reserved for an order, then committed or released. */
import { z } from "@hono/zod-openapi";
import { Timestamp } from "../../lib/schemas.js";

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
  })
  .openapi("Redemption");

export const RedemptionAnswer = z.object({ redemption: RedemptionSchema });
export type RedemptionOut = z.infer<typeof RedemptionSchema>;
