/**
 * R31 by UTC day: a coupon's claims issued, and its committed uses (count, distinct buyers, discount,
 * sales after discounts) grouped by the day they were committed. Days are `time / 86400000` on epoch
 * milliseconds (integer division: the UTC day number); sums saturated as the totals' are (store/saturated.ts).
 * Both reads go in one batch (one round trip).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { saturatedSum } from "./saturated.js";

export interface DayClaims {
  day: number;
  claims: number;
}
export interface DayUses {
  day: number;
  redemptions: number;
  buyers: number;
  discount: number;
  gmv: number;
}

/** The days of [fromMs, toMs) with any activity; days without any are not returned. */
export async function couponDays(db: Db, shopId: string, couponId: string, fromMs: number, toMs: number) {
  const [claims, uses] = await db.batch(couponDaysQueries(db, shopId, couponId, fromMs, toMs));
  return daysOf(claims, uses);
}

/** `couponDays`' two queries, to ride in a batch (their results read by `daysOf`). */
export const couponDaysQueries = (db: Db, shopId: string, couponId: string, fromMs: number, toMs: number) =>
  [
    db.all<DayClaims>(sql`SELECT created_at / 86400000 AS day, count(*) AS claims FROM claims
      WHERE coupon_id = ${couponId} AND shop_id = ${shopId} AND created_at >= ${fromMs} AND created_at < ${toMs}
      GROUP BY day`),
    db.all<DayUses>(sql`SELECT committed_at / 86400000 AS day, count(*) AS redemptions, count(DISTINCT buyer_id) AS buyers,
        ${saturatedSum(sql`discount_minor`)} AS discount, ${saturatedSum(sql`subtotal_minor - discount_minor`)} AS gmv
      FROM redemptions
      WHERE coupon_id = ${couponId} AND shop_id = ${shopId} AND state = 'committed' AND committed_at >= ${fromMs} AND committed_at < ${toMs}
      GROUP BY day`),
  ] as const;

export function daysOf(claims: DayClaims[], uses: DayUses[]): { claims: DayClaims[]; uses: DayUses[] } {
  const num = (v: unknown) => Number(v ?? 0);
  return {
    claims: claims.map((r) => ({ day: num(r.day), claims: num(r.claims) })),
    uses: uses.map((r) => ({
      day: num(r.day),
      redemptions: num(r.redemptions),
      buyers: num(r.buyers),
      discount: num(r.discount),
      gmv: num(r.gmv),
    })),
  };
}
