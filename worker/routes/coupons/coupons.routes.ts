/** Seller routes over coupons (secret key). */
import { createRoute, z } from "@hono/zod-openapi";
import { BearerSecurity, Cursor, json, jsonBody, Limit, problem, problemResponses } from "../../lib/schemas.js";
import { CouponSchema, CreateCouponBody } from "./coupons.schemas.js";

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
    query: z.object({
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
