/** Seller routes over coupons (secret key). */
import { createRoute } from "@hono/zod-openapi";
import {
  AuditPageSchema,
  CouponAnswer,
  CouponListQuery,
  CouponPageSchema,
  CouponParams,
  CouponPreviewSchema,
  CreateCouponBody,
  CreatedCouponSchema,
  DuplicateCouponBody,
  HistoryQuery,
  IfMatchHeader,
  RecipientPageSchema,
  RecipientsQuery,
  SendCouponBody,
  SentCouponSchema,
  UpdateCouponBody,
} from "../../contract/coupons.js";
import { PerformanceQuery, PerformanceSchema } from "../../contract/performance.js";
import { jsonOrCsv } from "../csv.js";
import { BearerSecurity, json, jsonBody, optionalJsonBody, problem, problemResponses } from "../openapi.js";

export const create = createRoute({
  method: "post",
  path: "/v1/coupons",
  tags: ["Coupons"],
  summary: "Create a coupon of any type",
  description:
    "The body is discriminated by `type`; a field not listed for a type is refused. With addon coupons on, a regular coupon also creates one addon coupon (R32). " +
    "A promo code with `unique_codes: {count, length}` is a campaign: `count` single-use codes (up to 100,000, written in one batch: all or none), each " +
    "unique among the region's live codes (R19) and used once; then `quantity` is the count and there is no `code` nor `per_customer_limit`. " +
    "`budget_minor` (any type) caps the discount reserved and committed together; `refund_policy` says what `order.refunded` gives back.",
  security: BearerSecurity,
  request: { body: jsonBody(CreateCouponBody) },
  responses: {
    201: json(CreatedCouponSchema, "The new coupon and its addons"),
    409: problem(
      "name_taken, new_customer_coupon_overlap, review_coupon_overlap, promo_code_taken, code_not_allowed, or code_space_exhausted (too few free campaign codes of that length)",
    ),
    429: problem(
      "rate_limited: a code the seller chose while the shop's guessing limit is reached (each promo_code_taken counts as a failed look-up)",
    ),
    ...problemResponses,
  },
});

export const preview = createRoute({
  method: "post",
  path: "/v1/coupons/preview",
  tags: ["Coupons"],
  summary: "Preview a coupon: what creating it would make, writing nothing",
  description:
    "Takes the body of `POST /v1/coupons` and answers the coupon and its addons (R32) as that call would make them now, " +
    "without ids (`id: null`), and `estimated_spend_minor`: the coupon's estimated spend plus its addons' (R31; null when " +
    "one is unbounded). Refused exactly as a create would be: 422 for the rules, 409 `name_taken`, " +
    "`new_customer_coupon_overlap` (R8), `review_coupon_overlap` (R15), `promo_code_taken` (R19), `code_not_allowed` " +
    "(R20). A promo code without `code` gets a generated suggestion that was free when checked; a campaign (`unique_codes`) " +
    "is answered without its codes, which only the create draws. A `promo_code_taken` " +
    "answer counts as a failed code look-up toward the shop's guessing limit (429 past it).",
  security: BearerSecurity,
  request: { body: jsonBody(CreateCouponBody) },
  responses: {
    200: json(CouponPreviewSchema, "What the create would make"),
    409: problem("name_taken, new_customer_coupon_overlap, review_coupon_overlap, promo_code_taken or code_not_allowed"),
    429: problem("Too many failed code look-ups"),
    ...problemResponses,
  },
});

export const list = createRoute({
  method: "get",
  path: "/v1/coupons",
  tags: ["Coupons"],
  summary: "List coupons, newest first",
  security: BearerSecurity,
  request: { query: CouponListQuery },
  responses: {
    200: jsonOrCsv(CouponPageSchema, "A page of coupons"),
    ...problemResponses,
  },
});

export const read = createRoute({
  method: "get",
  path: "/v1/coupons/{id}",
  tags: ["Coupons"],
  summary: "Read one coupon",
  security: BearerSecurity,
  request: { params: CouponParams },
  responses: {
    200: json(CouponAnswer, "The coupon", ["ETag"]),
    404: problem("No such coupon in this shop"),
    ...problemResponses,
  },
});

const couponAnswer = (description: string, headers: "ETag"[] = []) => json(CouponAnswer, description, headers);

export const update = createRoute({
  method: "patch",
  path: "/v1/coupons/{id}",
  tags: ["Coupons"],
  summary: "Change a coupon",
  description:
    "Upcoming: any field. Ongoing: `name`, a larger `quantity`, a later end (`claim_ends_at`, or `active_ends_at` for a " +
    "promo code), a larger `budget_minor` (or `null`: no budget); other changes are 409 `edit_not_allowed` (with `errors[]`), as is any change to an ended or deactivated " +
    "coupon. A campaign's `quantity` is its count of codes (add codes with `POST /v1/coupons/{id}/codes`), and it takes no `code`. The result must still be a valid coupon (422) and keep the create rules (409 `name_taken`, " +
    "`new_customer_coupon_overlap`, `review_coupon_overlap`, `promo_code_taken`, `code_not_allowed`). Each change bumps " +
    "`version` and leaves an `updated` history entry.",
  security: BearerSecurity,
  request: { params: CouponParams, headers: IfMatchHeader, body: jsonBody(UpdateCouponBody) },
  responses: {
    200: couponAnswer("The changed coupon", ["ETag"]),
    404: problem("No such coupon in this shop"),
    409: problem("edit_not_allowed, name_taken, new_customer_coupon_overlap, review_coupon_overlap, promo_code_taken, code_not_allowed"),
    429: problem(
      "rate_limited: a code the seller chose while the shop's guessing limit is reached (each promo_code_taken counts as a failed look-up)",
    ),
    412: problem("version_mismatch: If-Match names another version"),
    ...problemResponses,
  },
});

export const deactivate = createRoute({
  method: "post",
  path: "/v1/coupons/{id}/deactivate",
  tags: ["Coupons"],
  summary: "Deactivate a coupon (R28)",
  description:
    "Stops an ongoing coupon or cancels an upcoming one at once; its claims not yet used stop working and a promo code's " +
    "code becomes free. Deactivating a deactivated coupon answers it unchanged. Takes no body.",
  security: BearerSecurity,
  request: { params: CouponParams, headers: IfMatchHeader },
  responses: {
    200: couponAnswer("The deactivated coupon", ["ETag"]),
    404: problem("No such coupon in this shop"),
    412: problem("version_mismatch"),
    ...problemResponses,
  },
});

export const duplicate = createRoute({
  method: "post",
  path: "/v1/coupons/{id}/duplicate",
  tags: ["Coupons"],
  summary: "Duplicate a coupon (R29)",
  description:
    'Copies the coupon\'s settings into a new coupon (`origin: "duplicate"`, `parent_id` the source) with the given ' +
    "overrides. Without new dates the source must not have started yet (else 422). The name defaults to the source's " +
    'name + " copy"; a promo code gets the given suffix or a fresh generated one. The create rules apply (409 codes).',
  security: BearerSecurity,
  request: {
    params: CouponParams,
    body: optionalJsonBody(DuplicateCouponBody),
  },
  responses: {
    201: couponAnswer("The new coupon"),
    404: problem("No such coupon in this shop"),
    409: problem("name_taken, new_customer_coupon_overlap, review_coupon_overlap, promo_code_taken, code_not_allowed"),
    429: problem(
      "rate_limited: a code the seller chose while the shop's guessing limit is reached (each promo_code_taken counts as a failed look-up)",
    ),
    ...problemResponses,
  },
});

export const history = createRoute({
  method: "get",
  path: "/v1/coupons/{id}/history",
  tags: ["Coupons"],
  summary: "A coupon's history (R30), oldest first",
  description: "Append-only: entries are never edited or removed.",
  security: BearerSecurity,
  request: { params: CouponParams, query: HistoryQuery },
  responses: {
    200: jsonOrCsv(AuditPageSchema, "A page of entries"),
    404: problem("No such coupon in this shop"),
    ...problemResponses,
  },
});

export const performance = createRoute({
  method: "get",
  path: "/v1/coupons/{id}/performance",
  tags: ["Coupons"],
  summary: "A coupon's performance (R31)",
  description:
    "`claims`: claims ever issued (0 for promo codes). `redemptions`: committed uses. `buyers`, `orders`: distinct " +
    "buyers and orders among committed uses. `discount_minor`: their discount. `gmv_minor`: what those orders sold for " +
    "after product discounts and the coupon. `remaining`: quantity − claims, or for promo codes quantity − reserved − " +
    "committed uses (less those a `return_unit` refund gave back). `refunds`, `refunded_discount_minor`: committed uses whose order was " +
    "refunded afterwards (still counted in `redemptions` and `discount_minor`). `remaining_budget_minor`: the budget less the discount " +
    "reserved and committed and not given back; null without a budget. `series`: one entry per UTC day in [`from`, `to`), days without activity included: claims issued " +
    "that day, and the uses committed that day (their count, distinct buyers, discount and sales). `from` and `to` take " +
    "a UTC day (`YYYY-MM-DD`) or an RFC 3339 time (a time counts from the day it falls in; `to` is exclusive). Without " +
    "them the series covers the coupon's window: from its start to the last day a claim of it can be used (claim window " +
    "plus validity; a promo code's active window), cut at deactivation, at most 366 days. Both given and more than 366 " +
    "days apart, or `to` not after `from`, is 422. The totals are never limited by `from` and `to`.",
  security: BearerSecurity,
  request: { params: CouponParams, query: PerformanceQuery },
  responses: {
    200: json(PerformanceSchema, "The coupon's numbers"),
    404: problem("No such coupon in this shop"),
    ...problemResponses,
  },
});

export const recipients = createRoute({
  method: "get",
  path: "/v1/coupons/{id}/recipients",
  tags: ["Coupons"],
  summary: "The buyers a chat coupon was sent to (R17), newest first",
  description: "Each send once, with whether the buyer has claimed the coupon. Another type of coupon is 409 `not_a_chat_coupon`.",
  security: BearerSecurity,
  request: { params: CouponParams, query: RecipientsQuery },
  responses: {
    200: jsonOrCsv(RecipientPageSchema, "A page of recipients"),
    404: problem("No such coupon in this shop"),
    409: problem("not_a_chat_coupon"),
    ...problemResponses,
  },
});

export const send = createRoute({
  method: "post",
  path: "/v1/coupons/{id}/send",
  tags: ["Coupons"],
  summary: "Send a chat coupon to a buyer (R17)",
  description:
    "Only the buyers a chat coupon was sent to may claim it. Idempotent (a second send keeps the first `sent_at`) and " +
    "uses no quantity. Another type is 409 `not_a_chat_coupon`; an ended or deactivated one 409 `expired` / `deactivated`.",
  security: BearerSecurity,
  request: { params: CouponParams, body: jsonBody(SendCouponBody) },
  responses: {
    200: json(SentCouponSchema, "The coupon and the send"),
    404: problem("No such coupon in this shop"),
    409: problem("not_a_chat_coupon, expired or deactivated"),
    ...problemResponses,
  },
});
