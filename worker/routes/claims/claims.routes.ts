/** The shop's claims (secret key), newest first. */
import { createRoute } from "@hono/zod-openapi";
import { ClaimListQuery, ClaimPageSchema } from "../../contract/claims.js";
import { jsonOrCsv } from "../csv.js";
import { BearerSecurity, problemResponses } from "../openapi.js";

export const list = createRoute({
  method: "get",
  path: "/v1/claims",
  tags: ["Claims"],
  summary: "The shop's claims, newest first",
  description:
    "Filtered by coupon, buyer and state. A claim's `state` is as the buyer's wallet shows it: a claim not used of a " +
    "deactivated coupon is `void`, an available one past its validity `expired` (R5, R28). Another shop's `coupon_id` " +
    "gives an empty list.",
  security: BearerSecurity,
  request: { query: ClaimListQuery },
  responses: {
    200: jsonOrCsv(ClaimPageSchema, "A page of claims"),
    ...problemResponses,
  },
});
