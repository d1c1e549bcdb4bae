import { createRoute } from "@hono/zod-openapi";
import { PromoCodeLookupSchema, PromoCodeParams } from "../../contract/promo-codes.js";
import { BearerSecurity, json, problem, problemResponses } from "../openapi.js";

export const lookup = createRoute({
  method: "get",
  path: "/v1/promo-codes/{code}",
  tags: ["Promo codes"],
  summary: "Is this code live? (off-platform channels, the widget)",
  description:
    "Unknown codes answer 200 `{valid: false, reason: \"code_not_found\"}`. To publishable keys a code that is not ongoing is also `code_not_found`. Failed look-ups are rate limited.",
  security: BearerSecurity,
  request: { params: PromoCodeParams },
  responses: {
    200: json(PromoCodeLookupSchema, "Whether the code is live, and its terms"),
    429: problem("Too many failed code look-ups"),
    ...problemResponses,
  },
});
