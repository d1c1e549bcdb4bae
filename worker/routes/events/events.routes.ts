/** The contract of `POST /v1/events` (secret key). */
import { createRoute } from "@hono/zod-openapi";
import { EventBody, EventResultSchema } from "../../contract/events.js";
import { BearerSecurity, json, jsonBody, problem, problemResponses } from "../openapi.js";

export const post = createRoute({
  method: "post",
  path: "/v1/events",
  tags: ["Events"],
  summary: "Report a buyer fact: an order paid, refunded or cancelled, a follow, an approved review",
  description:
    "Idempotent by `id` per shop: a repeated `id` with the same body answers 200 with the first result; the same `id` with " +
    "a different body is 422 `idempotency_key_reused`. `occurred_at` orders facts and measures gaps (the 90-day repeat " +
    "rule, a follow against a `new_followers` window) and may not lie after the shop clock (422 `occurred_in_future`). " +
    "Segments follow at once. An order id belongs to the buyer who first reported it: an event naming another buyer is " +
    "409 `order_buyer_mismatch`. A cancel or refund of an unknown order is accepted and changes nothing. `order.paid` and " +
    "`order.cancelled` also commit or release the order's reserved redemption. `review.approved` issues a claim of the " +
    "active review coupon when the review qualifies (R13, R14).",
  security: BearerSecurity,
  request: { body: jsonBody(EventBody) },
  responses: {
    200: json(EventResultSchema, "The event's result (the first one, for a repeated id)"),
    409: problem("order_buyer_mismatch"),
    ...problemResponses,
  },
});
