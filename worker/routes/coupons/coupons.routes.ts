/** Seller routes over coupons (secret key). */
import { createRoute, z } from "@hono/zod-openapi";
import { BearerSecurity, Cursor, ExternalId, json, jsonBody, Limit, problem, problemResponses, Timestamp } from "../../lib/schemas.js";
import { CouponSchema, CreateCouponBody, DuplicateCouponBody, UpdateCouponBody } from "./coupons.schemas.js";

export const CouponParams = z.object({ id: z.string().min(1).max(64) });

export const createCoupon = createRoute({
  method: "post",
  path: "/v1/coupons",
  tags: ["Coupons"],
  summary: "Create a coupon of any type",
  description:
    "The body is discriminated by `type`; a field not listed for a type is refused. With addon coupons on, a regular coupon also creates one addon coupon (R32).",
  security: BearerSecurity,
  request: { body: jsonBody(CreateCouponBody) },
  responses: {
    201: json(z.object({ coupon: CouponSchema, addons: z.array(CouponSchema) }), "The new coupon and its addons"),
    409: problem("name_taken, new_customer_coupon_overlap, review_coupon_overlap, promo_code_taken or code_not_allowed"),
    ...problemResponses,
  },
});

export const listCoupons = createRoute({
  method: "get",
  path: "/v1/coupons",
  tags: ["Coupons"],
  summary: "List coupons, newest first",
  security: BearerSecurity,
  request: {
    query: z.strictObject({
      type: z.enum(["regular", "follower", "review", "chat", "promo_code"]).optional(),
      status: z.enum(["upcoming", "ongoing", "ended", "deactivated"]).optional(),
      limit: Limit,
      cursor: Cursor,
    }),
  },
  responses: {
    200: json(z.object({ data: z.array(CouponSchema), next_cursor: z.string().nullable() }), "A page of coupons"),
    ...problemResponses,
  },
});

export const getCoupon = createRoute({
  method: "get",
  path: "/v1/coupons/{id}",
  tags: ["Coupons"],
  summary: "Read one coupon",
  security: BearerSecurity,
  request: { params: CouponParams },
  responses: {
    200: json(z.object({ coupon: CouponSchema }), "The coupon"),
    404: problem("No such coupon in this shop"),
    ...problemResponses,
  },
});

const IfMatch = z.object({
  "if-match": z
    .string()
    .max(40)
    .optional()
    .openapi({
      description:
        "The coupon `version` you read (`3`, `\"3\"` or `W/\"3\"`, as in the `ETag`). On a mismatch the answer is 412 " +
        "`version_mismatch`. Optional: without it the change applies to the current version (still as one conditional write).",
    }),
});
const CouponAnswer = (description: string) => json(z.object({ coupon: CouponSchema }), description);

export const updateCoupon = createRoute({
  method: "patch",
  path: "/v1/coupons/{id}",
  tags: ["Coupons"],
  summary: "Change a coupon",
  description:
    "Upcoming: any field. Ongoing: `name`, a larger `quantity`, a later end (`claim_ends_at`, or `active_ends_at` for a " +
    "promo code); other changes are 409 `edit_not_allowed` (with `errors[]`), as is any change to an ended or deactivated " +
    "coupon. The result must still be a valid coupon (422) and keep the create rules (409 `name_taken`, " +
    "`new_customer_coupon_overlap`, `review_coupon_overlap`, `promo_code_taken`, `code_not_allowed`). Each change bumps " +
    "`version` and leaves an `updated` history entry.",
  security: BearerSecurity,
  request: { params: CouponParams, headers: IfMatch, body: jsonBody(UpdateCouponBody) },
  responses: {
    200: CouponAnswer("The changed coupon"),
    404: problem("No such coupon in this shop"),
    409: problem("edit_not_allowed, name_taken, new_customer_coupon_overlap, review_coupon_overlap, promo_code_taken, code_not_allowed"),
    412: problem("version_mismatch: If-Match names another version"),
    ...problemResponses,
  },
});

export const deactivateCoupon = createRoute({
  method: "post",
  path: "/v1/coupons/{id}/deactivate",
  tags: ["Coupons"],
  summary: "Deactivate a coupon (R28)",
  description:
    "Stops an ongoing coupon or cancels an upcoming one at once; its claims not yet used stop working and a promo code's " +
    "code becomes free. Deactivating a deactivated coupon answers it unchanged. Takes no body.",
  security: BearerSecurity,
  request: { params: CouponParams, headers: IfMatch },
  responses: {
    200: CouponAnswer("The deactivated coupon"),
    404: problem("No such coupon in this shop"),
    412: problem("version_mismatch"),
    ...problemResponses,
  },
});

export const duplicateCoupon = createRoute({
  method: "post",
  path: "/v1/coupons/{id}/duplicate",
  tags: ["Coupons"],
  summary: "Duplicate a coupon (R29)",
  description:
    "Copies the coupon's settings into a new coupon (`origin: \"duplicate\"`, `parent_id` the source) with the given " +
    "overrides. Without new dates the source must not have started yet (else 422). The name defaults to the source's " +
    "name + \" copy\"; a promo code gets the given suffix or a fresh generated one. The create rules apply (409 codes).",
  security: BearerSecurity,
  request: {
    params: CouponParams,
    body: { required: false, content: { "application/json": { schema: DuplicateCouponBody } } },
  },
  responses: {
    201: CouponAnswer("The new coupon"),
    404: problem("No such coupon in this shop"),
    409: problem("name_taken, new_customer_coupon_overlap, review_coupon_overlap, promo_code_taken, code_not_allowed"),
    ...problemResponses,
  },
});

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    action: z.enum(["created", "updated", "deactivated", "duplicated", "addon_created"]),
    actor: z.string().openapi({ description: "The id of the API key that made the change, or `system`" }),
    at: Timestamp,
    changes: z.record(z.string(), z.unknown()).openapi({ description: "For edits `{before, after}` of the fields that changed" }),
  })
  .openapi("AuditEntry");

export const couponHistory = createRoute({
  method: "get",
  path: "/v1/coupons/{id}/history",
  tags: ["Coupons"],
  summary: "A coupon's history (R30), oldest first",
  description: "Append-only: entries are never edited or removed.",
  security: BearerSecurity,
  request: { params: CouponParams, query: z.strictObject({ limit: Limit, cursor: Cursor }) },
  responses: {
    200: json(z.object({ data: z.array(AuditEntrySchema), next_cursor: z.string().nullable() }), "A page of entries"),
    404: problem("No such coupon in this shop"),
    ...problemResponses,
  },
});

export const couponPerformance = createRoute({
  method: "get",
  path: "/v1/coupons/{id}/performance",
  tags: ["Coupons"],
  summary: "A coupon's performance (R31)",
  description:
    "`claims`: claims ever issued (0 for promo codes). `redemptions`: committed uses. `buyers`, `orders`: distinct " +
    "buyers and orders among committed uses. `discount_minor`: their discount. `gmv_minor`: what those orders sold for " +
    "after product discounts and the coupon. `remaining`: quantity − claims, or for promo codes quantity − reserved − " +
    "committed uses.",
  security: BearerSecurity,
  request: { params: CouponParams },
  responses: {
    200: json(
      z
        .object({
          claims: z.int(),
          redemptions: z.int(),
          buyers: z.int(),
          orders: z.int(),
          discount_minor: z.int(),
          gmv_minor: z.int(),
          remaining: z.int(),
        })
        .openapi("Performance"),
      "The coupon's numbers",
    ),
    404: problem("No such coupon in this shop"),
    ...problemResponses,
  },
});

export const sendCoupon = createRoute({
  method: "post",
  path: "/v1/coupons/{id}/send",
  tags: ["Coupons"],
  summary: "Send a chat coupon to a buyer (R17)",
  description:
    "Only the buyers a chat coupon was sent to may claim it. Idempotent (a second send keeps the first `sent_at`) and " +
    "uses no quantity. Another type is 409 `not_a_chat_coupon`; an ended or deactivated one 409 `expired` / `deactivated`.",
  security: BearerSecurity,
  request: { params: CouponParams, body: jsonBody(z.strictObject({ buyer_id: ExternalId }).openapi("SendCoupon")) },
  responses: {
    200: json(z.object({ coupon: CouponSchema, sent: z.object({ buyer_id: z.string(), sent_at: Timestamp }) }), "The coupon and the send"),
    404: problem("No such coupon in this shop"),
    409: problem("not_a_chat_coupon, expired or deactivated"),
    ...problemResponses,
  },
});
