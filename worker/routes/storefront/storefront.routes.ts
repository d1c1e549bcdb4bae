/** Storefront routes (publishable or secret key): claimable coupons, claiming one, the buyer's wallet. */
import { createRoute } from "@hono/zod-openapi";
import {
  ClaimAnswer,
  ClaimBody,
  ClaimParams,
  StorefrontPageSchema,
  StorefrontQuery,
  WalletQuery,
  WalletSchema,
} from "../../contract/storefront.js";
import { BuyerSecurity, json, optionalJsonBody, problem, problemResponses } from "../openapi.js";

const buyerNote = "The buyer is named by `X-Buyer-Token` (publishable key) or `buyer_id` (secret key).";

export const list = createRoute({
  method: "get",
  path: "/v1/storefront/coupons",
  tags: ["Storefront"],
  summary: "Ongoing coupons this buyer could claim, each with `claimable` and `reason`",
  description: `Regular and follower coupons, and chat coupons sent to this buyer (R17); with \`product_id\`, only those whose scope includes it. Without a buyer every entry is \`claimable: false, reason: "buyer_required"\`. ${buyerNote}`,
  security: BuyerSecurity,
  request: { query: StorefrontQuery },
  responses: {
    200: json(StorefrontPageSchema, "A page of coupons"),
    ...problemResponses,
  },
});

export const claim = createRoute({
  method: "post",
  path: "/v1/storefront/coupons/{id}/claim",
  tags: ["Storefront"],
  summary: "Claim a coupon for the buyer",
  description: `Refused claims answer 409 with the reason as \`code\` (quantity_exhausted, per_customer_limit_reached, already_claimed, audience_mismatch, not_a_follower, not_sent_to_buyer, not_started, expired, deactivated, buyer_required). ${buyerNote}`,
  security: BuyerSecurity,
  request: {
    params: ClaimParams,
    body: optionalJsonBody(ClaimBody),
  },
  responses: {
    201: json(ClaimAnswer, "The new claim"),
    404: problem("No such coupon in this shop"),
    409: problem("The claim is refused; `code` says why"),
    ...problemResponses,
  },
});

export const wallet = createRoute({
  method: "get",
  path: "/v1/storefront/wallet",
  tags: ["Storefront"],
  summary: "The buyer's claims: available, reserved, used, expired or void",
  description: `\`expired\`: an available claim past its validity; \`void\`: not used and its coupon deactivated. Newest first, at most 500. ${buyerNote}`,
  security: BuyerSecurity,
  request: { query: WalletQuery },
  responses: {
    200: json(WalletSchema, "The buyer's claims"),
    ...problemResponses,
    401: problem("No buyer named (`buyer_required`), a bad token, or a missing key"),
  },
});
