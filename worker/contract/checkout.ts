/** The cart and quote contract, and how the engine's quote is shown (no internal claim ids). */
import { z } from "@hono/zod-openapi";
import { MAX_ORDER_MINOR } from "../engine/coupon-rules.js";
import type { QuoteResult } from "../engine/types.js";
import { Currency, ExternalId, MinorAmount, ReasonCodeSchema } from "./common.js";

export const CartLineSchema = z
  .strictObject({
    line_id: ExternalId,
    product_id: ExternalId,
    quantity: z.int().min(1).max(10_000),
    unit_price_minor: z.int().min(0).max(100_000_000),
    /** The line's total product-level discount (not per unit). */
    product_discount_minor: MinorAmount.default(0),
  })
  .refine((l) => l.product_discount_minor <= l.quantity * l.unit_price_minor, {
    message: "product_discount_minor may not exceed quantity × unit_price_minor",
    path: ["product_discount_minor"],
  })
  .openapi("CartLine");

export const CartSchema = z
  .strictObject({
    currency: Currency,
    lines: z
      .array(CartLineSchema)
      .min(1)
      .max(500)
      .refine((lines) => new Set(lines.map((l) => l.line_id)).size === lines.length, "line_id values must be unique"),
    shipping_minor: MinorAmount.default(0),
    shipping_discount_minor: MinorAmount.default(0),
  })
  .refine((c) => c.shipping_discount_minor <= c.shipping_minor, {
    message: "shipping_discount_minor may not exceed shipping_minor",
    path: ["shipping_discount_minor"],
  })
  // Bounded so that a coupon's committed discounts and sales (at most 1,000,000 uses) sum to a safe integer.
  .refine((c) => cartValue(c.lines) <= MAX_ORDER_MINOR, {
    message: `the cart's subtotal (Σ quantity × unit_price_minor − product_discount_minor) may not exceed ${MAX_ORDER_MINOR} minor units`,
    path: ["lines"],
  })
  .openapi("Cart", {
    description: `A cart. Its subtotal (Σ quantity × unit_price_minor − product_discount_minor) is at most ${MAX_ORDER_MINOR.toLocaleString("en-US")} minor units (${MAX_ORDER_MINOR} = (2^53 − 1) / 1,000,000): a coupon's 1,000,000 uses of the largest order still sum to an exact integer. Larger carts are 422.`,
  });

/** Σ max(0, quantity × unit price − product discount): the subtotal as the engine computes it. */
function cartValue(lines: readonly { quantity: number; unit_price_minor: number; product_discount_minor: number }[]): number {
  let sum = 0;
  for (const l of lines) sum += Math.max(0, l.quantity * l.unit_price_minor - l.product_discount_minor);
  return sum;
}

/** The quote's fields; a redemption's body is these plus `order_id`, as one closed object (not an `allOf`). */
export const quoteFields = {
  buyer_id: ExternalId.optional(),
  code: z.string().trim().min(1).max(32).optional(),
  coupon_id: z.string().min(1).max(64).optional(),
  explain: z.boolean().default(false),
  cart: CartSchema,
};
export const QuoteBody = z.strictObject(quoteFields).openapi("QuoteRequest");
export type QuoteBodyInput = z.infer<typeof QuoteBody>;

const ReasonSchema = z.object({ code: ReasonCodeSchema, message: z.string() }).openapi("Reason");
const AllocationSchema = z.object({ line_id: z.string(), discount_minor: z.int() });

export const QuoteSchema = z
  .object({
    subtotal_minor: z.int(),
    applied: z
      .object({
        coupon_id: z.string(),
        code: z.string().optional(),
        discount_minor: z.int(),
        allocations: z.array(AllocationSchema),
      })
      .nullable(),
    best: z.object({ coupon_id: z.string(), discount_minor: z.int() }).nullable(),
    candidates: z.array(
      z.object({
        coupon_id: z.string().nullable(),
        code: z.string().optional(),
        applicable: z.boolean(),
        discount_minor: z.int(),
        reasons: z.array(ReasonSchema),
      }),
    ),
    total_minor: z.int(),
    trace: z.array(z.object({ step: z.string(), detail: z.record(z.string(), z.unknown()) })).optional(),
  })
  .openapi("Quote");
export type QuoteOut = z.infer<typeof QuoteSchema>;

/**
 * The engine's result as the API shows it: no internal claim ids (redemptions resolve the claim again
 * themselves), fields in the order a reader follows the computation: subtotal, coupon, alternatives, total.
 */
export function serializeQuote(result: QuoteResult): QuoteOut {
  const { subtotal_minor, applied, best, candidates, total_minor, trace } = result;
  return {
    subtotal_minor,
    applied: applied && {
      coupon_id: applied.coupon_id,
      ...(applied.code !== undefined ? { code: applied.code } : {}),
      discount_minor: applied.discount_minor,
      allocations: applied.allocations,
    },
    best,
    candidates: candidates.map(({ claim_id: _claim, ...cand }) => cand),
    total_minor,
    ...(trace ? { trace } : {}),
  };
}
