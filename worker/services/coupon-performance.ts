/**
 * R31: a coupon's performance, read from its counter and its rows (the `Performance` schema of the
 * OpenAPI document): `claims` = claims ever issued (0 for promo codes), `redemptions` = committed uses,
 * `buyers` and `orders` = distinct buyers and orders among committed uses, `discount_minor` = the
 * discount they gave, `gmv_minor` = what those orders' items sold for after product discounts and the
 * coupon (Σ subtotal − discount), `remaining` = quantity − claims, or for promo codes quantity − reserved −
 * committed uses.
 */
import type { Db } from "../../db/client.js";
import type { Performance } from "../contract/coupons.js";
import type { CouponRow } from "../store/coupons.js";
import { redemptionTotals } from "../store/redemptions.js";

export async function couponPerformance(db: Db, coupon: CouponRow, now: number): Promise<Performance> {
  const r = await redemptionTotals(db, coupon.shop_id, coupon.id, now);
  const isCode = coupon.type === "promo_code";
  const claims = isCode ? 0 : coupon.claimed_count;
  const used = isCode ? r.reserved + r.redemptions : claims;
  return {
    claims,
    redemptions: r.redemptions,
    buyers: r.buyers,
    orders: r.orders,
    discount_minor: r.discount,
    gmv_minor: r.gmv,
    remaining: Math.max(0, coupon.quantity - used),
  };
}
