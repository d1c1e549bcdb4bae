/** A promo code looked up by an off-platform channel or the widget: live or not, and its terms. */
import { z } from "@hono/zod-openapi";
import { ReasonCodeSchema, Timestamp } from "./common.js";
import { CodeSuffix, DiscountAnswerSchema, ScopeAnswerSchema } from "./coupons.js";

export const PromoCodeLookupSchema = z
  .object({
    valid: z.boolean(),
    reason: ReasonCodeSchema.optional(),
    coupon: z
      .object({
        name: z.string(),
        discount: DiscountAnswerSchema,
        min_spend_minor: z.int(),
        active_ends_at: Timestamp,
        scope: ScopeAnswerSchema,
      })
      .optional(),
  })
  .openapi("PromoCodeLookup");
export type PromoCodeLookup = z.infer<typeof PromoCodeLookupSchema>;

export const PromoCodeParams = z.object({ code: z.string().min(1).max(32) });

/** `GET /v1/promo-codes/availability?code=`: may the seller's shop take this suffix now (R18–R20)? */
export const AvailabilityQuery = z.strictObject({ code: CodeSuffix });
export const AvailabilitySchema = z
  .object({
    code: z.string().openapi({ description: "The full code (the shop's prefix + the suffix), upper case" }),
    available: z.boolean(),
    reason: z.enum(["promo_code_taken", "code_not_allowed"]).optional(),
  })
  .openapi("PromoCodeAvailability");
export type Availability = z.infer<typeof AvailabilitySchema>;
