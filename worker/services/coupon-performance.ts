/**
 * R31: a coupon's performance, read from its counter and its rows (API.md "Performance"): `claims` =
 * claims ever issued (0 for promo codes), `redemptions` = committed uses, `buyers` and `orders` =
 * distinct buyers and orders among committed uses, `discount_minor` = the discount they gave,
 * `gmv_minor` = what those orders' items sold for after product discounts and the coupon (Σ subtotal −
 * discount), `remaining` = quantity − claims, or for promo codes quantity − reserved − committed uses.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { CouponRow } from "../store/coupons.js";

export interface Performance {
  claims: number;
  redemptions: number;
  buyers: number;
  orders: number;
  discount_minor: number;
  gmv_minor: number;
  remaining: number;
}

export async function couponPerformance(db: Db, coupon: CouponRow, now: number): Promise<Performance> {
  const [r] = await db.all<{ redemptions: number; buyers: number; orders: number; discount: number; gmv: number; reserved: number }>(sql`
    SELECT
      COUNT(*) FILTER (WHERE state = 'committed') AS redemptions,
      COUNT(DISTINCT CASE WHEN state = 'committed' THEN buyer_id END) AS buyers,
      COUNT(DISTINCT CASE WHEN state = 'committed' THEN order_id END) AS orders,
      COALESCE(SUM(CASE WHEN state = 'committed' THEN discount_minor END), 0) AS discount,
      COALESCE(SUM(CASE WHEN state = 'committed' THEN subtotal_minor - discount_minor END), 0) AS gmv,
      COUNT(*) FILTER (WHERE state = 'reserved' AND expires_at > ${now}) AS reserved
    FROM redemptions WHERE coupon_id = ${coupon.id} AND shop_id = ${coupon.shop_id}`);
  const redemptions = Number(r?.redemptions ?? 0);
  const isCode = coupon.type === "promo_code";
  const claims = isCode ? 0 : coupon.claimed_count;
  const used = isCode ? Number(r?.reserved ?? 0) + redemptions : claims;
  return {
    claims,
    redemptions,
    buyers: Number(r?.buyers ?? 0),
    orders: Number(r?.orders ?? 0),
    discount_minor: Number(r?.discount ?? 0),
    gmv_minor: Number(r?.gmv ?? 0),
    remaining: Math.max(0, coupon.quantity - used),
  };
}
