import { createRoute } from "@hono/zod-openapi";
import { QuoteBody, QuoteSchema } from "../../contract/checkout.js";
import { BuyerSecurity, json, jsonBody, problem, problemResponses } from "../openapi.js";

export const quote = createRoute({
  method: "post",
  path: "/v1/checkout/quote",
  tags: ["Checkout"],
  summary: "Price a cart with the best (or the named) seller coupon; no side effects",
  description: "Every coupon considered is a candidate with its reasons. `explain: true` adds the promotion simulator's trace (R26).",
  security: BuyerSecurity,
  request: { body: jsonBody(QuoteBody) },
  responses: {
    200: json(QuoteSchema, "The priced cart"),
    429: problem("Too many failed code look-ups"),
    ...problemResponses,
  },
});
