/**
 * Redemptions (secret key): reserve the coupon a quote applies for an order, read one, commit it on
 * payment, release it on cancellation; the shop's redemptions, newest first.
 */
import { createRoute } from "@hono/zod-openapi";
import {
  IdempotencyHeader,
  RedemptionAnswer,
  RedemptionBody,
  RedemptionListQuery,
  RedemptionPageSchema,
  RedemptionParams,
} from "../../contract/redemptions.js";
import { jsonOrCsv } from "../csv.js";
import { BearerSecurity, BuyerSecurity, json, jsonBody, problem, problemResponses } from "../openapi.js";

export const reserve = createRoute({
  method: "post",
  path: "/v1/checkout/redemptions",
  tags: ["Checkout"],
  summary: "Reserve the coupon a quote of this cart applies, for one order",
  description:
    "Runs the quote, then reserves its applied coupon (a promo-code use, or the buyer's claim) for `order_id` for 30 minutes on the shop clock. " +
    "Nothing applicable: 409 with the first reason of the named code or coupon (`no_applicable_coupon` when the buyer holds nothing that could apply). " +
    "A second coupon for the same order: 409 `one_seller_coupon_per_order` (R23). A promo code limited per customer needs a buyer: 409 `buyer_required`. " +
    "A discount the coupon's remaining budget cannot cover: 409 `budget_exhausted`. A campaign code is used once: the one typed is reserved for the order, and " +
    "a code already reserved or redeemed is 409 `quantity_exhausted`. " +
    "With an `Idempotency-Key` header, a replay answers the first answer with its status; the same key with another body is 422 `idempotency_key_reused`.",
  security: BuyerSecurity,
  request: {
    headers: IdempotencyHeader,
    body: jsonBody(RedemptionBody),
  },
  responses: {
    201: json(RedemptionAnswer, "The reservation"),
    409: problem("Nothing could be reserved; `code` says why"),
    429: problem("Too many failed code look-ups"),
    ...problemResponses,
  },
});

export const read = createRoute({
  method: "get",
  path: "/v1/redemptions/{id}",
  tags: ["Checkout"],
  summary: "Read one redemption",
  security: BearerSecurity,
  request: { params: RedemptionParams },
  responses: { 200: json(RedemptionAnswer, "The redemption"), 404: problem("No such redemption in this shop"), ...problemResponses },
});

export const commit = createRoute({
  method: "post",
  path: "/v1/redemptions/{id}/commit",
  tags: ["Checkout"],
  summary: "The order was paid: the reserved coupon is used",
  description:
    "Idempotent: committing a committed redemption answers it again. A released one (cancelled, or not committed within 30 minutes on the shop clock) is 409 `redemption_released`. The `order.paid` event does the same.",
  security: BearerSecurity,
  request: { params: RedemptionParams },
  responses: {
    200: json(RedemptionAnswer, "The committed redemption"),
    404: problem("No such redemption in this shop"),
    409: problem("redemption_released"),
    ...problemResponses,
  },
});

export const release = createRoute({
  method: "post",
  path: "/v1/redemptions/{id}/release",
  tags: ["Checkout"],
  summary: "The order was cancelled: the unit (and the buyer's claim) is given back",
  description:
    "Idempotent: releasing a released redemption answers it again. A committed one is 409 `redemption_committed`. The `order.cancelled` event does the same.",
  security: BearerSecurity,
  request: { params: RedemptionParams },
  responses: {
    200: json(RedemptionAnswer, "The released redemption"),
    404: problem("No such redemption in this shop"),
    409: problem("redemption_committed"),
    ...problemResponses,
  },
});

export const list = createRoute({
  method: "get",
  path: "/v1/redemptions",
  tags: ["Checkout"],
  summary: "The shop's redemptions, newest first",
  description:
    "Filtered by coupon, state and when they were reserved (`from` inclusive, `to` exclusive: a UTC day or an RFC 3339 " +
    "time). A reservation past its 30 minutes shows as released. Another shop's `coupon_id` gives an empty list.",
  security: BearerSecurity,
  request: { query: RedemptionListQuery },
  responses: {
    200: jsonOrCsv(RedemptionPageSchema, "A page of redemptions"),
    ...problemResponses,
  },
});
