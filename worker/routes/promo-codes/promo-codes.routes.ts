import { createRoute } from "@hono/zod-openapi";
import { AvailabilityQuery, AvailabilitySchema, PromoCodeLookupSchema, PromoCodeParams } from "../../contract/promo-codes.js";
import { BearerSecurity, json, problem, problemResponses } from "../openapi.js";

export const lookup = createRoute({
  method: "get",
  path: "/v1/promo-codes/{code}",
  tags: ["Promo codes"],
  summary: "Is this code live? (off-platform channels, the widget)",
  description:
    'Unknown codes answer 200 `{valid: false, reason: "code_not_found"}`. To publishable keys a code that is not ongoing is also `code_not_found`. Failed look-ups are rate limited.',
  security: BearerSecurity,
  request: { params: PromoCodeParams },
  responses: {
    200: json(PromoCodeLookupSchema, "Whether the code is live, and its terms"),
    429: problem("Too many failed code look-ups"),
    ...problemResponses,
  },
});

/** Registered before `lookup`: the fixed path must win over `{code}` (see promo-codes.index.ts). */
export const availability = createRoute({
  method: "get",
  path: "/v1/promo-codes/availability",
  tags: ["Promo codes"],
  summary: "Could this shop create a promo code with this suffix now? (secret key)",
  description:
    "`code` is the suffix (2 to 8 letters or digits; anything else is 422); the answer names the full code (the shop's " +
    "prefix + the suffix). Not available: `code_not_allowed` (a blocked word, R20) or `promo_code_taken` (an upcoming or " +
    "ongoing promo code of any shop in the region holds it, R19). A `promo_code_taken` answer counts as a failed code " +
    "look-up toward the shop's guessing limit; past the limit the answer is 429. Publishable keys are refused (403).",
  security: BearerSecurity,
  request: { query: AvailabilityQuery },
  responses: {
    200: json(AvailabilitySchema, "Whether the code is free for this shop"),
    429: problem("Too many failed code look-ups"),
    ...problemResponses,
  },
});
