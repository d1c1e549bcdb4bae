/** `POST /v1/checkout/redemptions`: reserve the quoted coupon for an order (secret key). */
import { createRoute, z } from "@hono/zod-openapi";
import { BearerSecurity, ExternalId, json, jsonBody, problem, problemResponses } from "../../lib/schemas.js";
import { RedemptionAnswer } from "../redemptions/redemptions.schemas.js";
import { QuoteBody } from "./checkout.schemas.js";

export const RedemptionBody = QuoteBody.extend({ order_id: ExternalId }).openapi("RedemptionRequest");

export const createRedemption = createRoute({
  method: "post",
  path: "/v1/checkout/redemptions",
  tags: ["Checkout"],
  summary: "Reserve the coupon a quote of this cart applies, for one order",
  description:
    "Runs the quote, then reserves its applied coupon (a promo-code use, or the buyer's claim) for `order_id` for 30 minutes on the shop clock. " +
    "Nothing applicable: 409 with the first reason of the named code or coupon (`no_applicable_coupon` when the buyer holds nothing that could apply). " +
    "A second coupon for the same order: 409 `one_seller_coupon_per_order` (R23). A promo code limited per customer needs a buyer: 409 `buyer_required`. " +
    "With an `Idempotency-Key` header, a replay answers the first answer with its status; the same key with another body is 422 `idempotency_key_reused`.",
  security: BearerSecurity,
  request: {
    headers: z.object({ "idempotency-key": z.string().max(255).optional() }),
    body: jsonBody(RedemptionBody),
  },
  responses: {
    201: json(RedemptionAnswer, "The reservation"),
    409: problem("Nothing could be reserved; `code` says why"),
    429: problem("Too many failed code look-ups"),
    ...problemResponses,
  },
});
