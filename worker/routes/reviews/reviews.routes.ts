/** The contract of the shop's incentivized reviews (secret key). */
import { createRoute } from "@hono/zod-openapi";
import { ReviewListQuery, ReviewPageSchema } from "../../contract/reviews.js";
import { jsonOrCsv } from "../csv.js";
import { BearerSecurity, problemResponses } from "../openapi.js";

export const list = createRoute({
  method: "get",
  path: "/v1/reviews",
  tags: ["Reviews"],
  summary: "List the shop's incentivized reviews, most recent first",
  description:
    'The reviews that earned a review coupon (R13, R14), each with the label stored with it (R16, "Verified purchase Incentivized Review") and the claim it earned. `coupon_id` narrows the list to one review coupon; another shop\'s coupon lists nothing.',
  security: BearerSecurity,
  request: { query: ReviewListQuery },
  responses: {
    200: jsonOrCsv(ReviewPageSchema, "A page of incentivized reviews"),
    ...problemResponses,
  },
});
