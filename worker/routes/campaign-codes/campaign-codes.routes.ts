/** A campaign's single-use codes (secret key): list them (JSON or CSV) and add the seller's own. */
import { createRoute } from "@hono/zod-openapi";
import {
  AddCampaignCodesBody,
  AddedCampaignCodesSchema,
  CampaignCodePageSchema,
  CampaignCodesQuery,
} from "../../contract/campaign-codes.js";
import { CouponParams } from "../../contract/coupons.js";
import { jsonOrCsv } from "../csv.js";
import { BearerSecurity, json, jsonBody, problem, problemResponses } from "../openapi.js";

export const list = createRoute({
  method: "get",
  path: "/v1/coupons/{id}/codes",
  tags: ["Campaign codes"],
  summary: "A campaign's codes, in code order",
  description:
    "Each code with its state: `available`, `reserved` (by a live reservation, for `order_id`) or `redeemed` (committed). " +
    "A code whose order was refunded under `refund_policy: return_unit` is `available` again. A promo code without campaign codes is 409 `not_a_campaign`.",
  security: BearerSecurity,
  request: { params: CouponParams, query: CampaignCodesQuery },
  responses: {
    200: jsonOrCsv(CampaignCodePageSchema, "A page of codes"),
    404: problem("No such coupon in this shop"),
    409: problem("not_a_campaign"),
    ...problemResponses,
  },
});

export const add = createRoute({
  method: "post",
  path: "/v1/coupons/{id}/codes",
  tags: ["Campaign codes"],
  summary: "Add the seller's own codes to an upcoming campaign",
  description:
    "Up to 10,000 suffixes a call; each becomes the shop prefix + suffix and a single-use code of the campaign, whose `quantity` grows " +
    "by the number added (one `updated` history entry and a `coupon.updated` webhook event). A code that cannot be added is listed in `refused` with its reason, and the rest " +
    "are added together (all or none of them). A code held by another shop's live promo code counts as a failed look-up of this shop " +
    "(the guessing limit: past it the call is 429 and adds nothing). A campaign that has started is 409 `edit_not_allowed`. " +
    "The body is bounded like every body (`MAX_BODY_BYTES`, 256 KB by default: 10,000 codes of 8 characters take about 110 KB).",
  security: BearerSecurity,
  request: { params: CouponParams, body: jsonBody(AddCampaignCodesBody) },
  responses: {
    200: json(AddedCampaignCodesSchema, "What was added and what was refused"),
    404: problem("No such coupon in this shop"),
    409: problem("not_a_campaign or edit_not_allowed"),
    429: problem("rate_limited: the shop's guessing limit is reached"),
    ...problemResponses,
  },
});
