/** Seller routes over redemptions (secret key): read one, commit it on payment, release it on cancellation. */
import { createRoute, z } from "@hono/zod-openapi";
import { BearerSecurity, json, problem, problemResponses } from "../../lib/schemas.js";
import { RedemptionAnswer } from "./redemptions.schemas.js";

const params = z.object({ id: z.string().min(1).max(64) });

export const getRedemption = createRoute({
  method: "get",
  path: "/v1/redemptions/{id}",
  tags: ["Checkout"],
  summary: "Read one redemption",
  security: BearerSecurity,
  request: { params },
  responses: { 200: json(RedemptionAnswer, "The redemption"), 404: problem("No such redemption in this shop"), ...problemResponses },
});

export const commitRedemption = createRoute({
  method: "post",
  path: "/v1/redemptions/{id}/commit",
  tags: ["Checkout"],
  summary: "The order was paid: the reserved coupon is used",
  description:
    "Idempotent: committing a committed redemption answers it again. A released one (cancelled, or not committed within 30 minutes on the shop clock) is 409 `redemption_released`. The `order.paid` event does the same.",
  security: BearerSecurity,
  request: { params },
  responses: {
    200: json(RedemptionAnswer, "The committed redemption"),
    404: problem("No such redemption in this shop"),
    409: problem("redemption_released"),
    ...problemResponses,
  },
});

export const releaseRedemption = createRoute({
  method: "post",
  path: "/v1/redemptions/{id}/release",
  tags: ["Checkout"],
  summary: "The order was cancelled: the unit (and the buyer's claim) is given back",
  description:
    "Idempotent: releasing a released redemption answers it again. A committed one is 409 `redemption_committed`. The `order.cancelled` event does the same.",
  security: BearerSecurity,
  request: { params },
  responses: {
    200: json(RedemptionAnswer, "The released redemption"),
    404: problem("No such redemption in this shop"),
    409: problem("redemption_committed"),
    ...problemResponses,
  },
});
