import { createRoute, z } from "@hono/zod-openapi";
import { BearerSecurity, json, problem, problemResponses, Timestamp } from "../../lib/schemas.js";
import { DiscountSchema, ScopeSchema } from "../coupons/coupons.schemas.js";

export const PromoCodeLookupSchema = z
  .object({
    valid: z.boolean(),
    reason: z.string().optional(),
    coupon: z
      .object({
        name: z.string(),
        discount: DiscountSchema,
        min_spend_minor: z.int(),
        active_ends_at: Timestamp,
        scope: ScopeSchema,
      })
      .optional(),
  })
  .openapi("PromoCodeLookup");

export const lookupPromoCode = createRoute({
  method: "get",
  path: "/v1/promo-codes/{code}",
  tags: ["Promo codes"],
  summary: "Is this code live? (off-platform channels, the widget)",
  description:
    "Unknown codes answer 200 `{valid: false, reason: \"code_not_found\"}`. To publishable keys a code that is not ongoing is also `code_not_found`. Failed look-ups are rate limited.",
  security: BearerSecurity,
  request: { params: z.object({ code: z.string().min(1).max(32) }) },
  responses: {
    200: json(PromoCodeLookupSchema, "Whether the code is live, and its terms"),
    429: problem("Too many failed code look-ups"),
    ...problemResponses,
  },
});
