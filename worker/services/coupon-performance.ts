/**
 * R31: a coupon's performance, read from its counter and its rows (the `Performance` schema of the
 * OpenAPI document): `claims` = claims ever issued (0 for promo codes), `redemptions` = committed uses,
 * `buyers` and `orders` = distinct buyers and orders among committed uses, `discount_minor` = the
 * discount they gave, `gmv_minor` = what those orders' items sold for after product discounts and the
 * coupon (Σ subtotal − discount), `remaining` = quantity − claims, or for promo codes quantity − reserved −
 * committed uses (less those a refund gave back). Refunds are counted apart: `refunds` and
 * `refunded_discount_minor` are the committed uses whose order was refunded afterwards (they stay in
 * `redemptions` and `discount_minor`), and `remaining_budget_minor` is the budget less what is reserved
 * and committed and not given back.
 */
import type { Db } from "../../db/client.js";
import type { Performance } from "../contract/coupons.js";
import type { CouponRow } from "../store/coupons.js";
import { redemptionTotals } from "../store/redemptions.js";

export async function couponPerformance(db: Db, coupon: CouponRow, now: number): Promise<Performance> {
  const r = await redemptionTotals(db, coupon.shop_id, coupon.id, now);
  const isCode = coupon.type === "promo_code";
  const claims = isCode ? 0 : coupon.claimed_count;
  const used = isCode ? r.reserved + r.redemptions - r.returned : claims;
  return {
    claims,
    redemptions: r.redemptions,
    buyers: r.buyers,
    orders: r.orders,
    discount_minor: r.discount,
    gmv_minor: r.gmv,
    remaining: Math.max(0, coupon.quantity - used),
    refunds: r.refunds,
    refunded_discount_minor: r.refundedDiscount,
    remaining_budget_minor: coupon.budget_minor == null ? null : Math.max(0, coupon.budget_minor - coupon.budget_spent_minor),
  };
}
