/** A buyer's claims with their coupons, and a buyer's uses of a promo code. */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { claims, coupons } from "../../db/schema.js";
import type { CodeUse } from "../engine/reservations.js";
import type { Claim, Coupon } from "../engine/types.js";
import { couponColumns, rowToCoupon, type CouponRow } from "./coupons.js";
import { saturatedColumns } from "./saturated.js";

export type ClaimRow = typeof claims.$inferSelect;

/** The columns of a claim as reads take them (integers saturated: store/saturated.ts). */
export const claimColumns = saturatedColumns(claims);

export function rowToClaim(r: ClaimRow): Claim {
  return {
    id: r.id,
    coupon_id: r.coupon_id,
    buyer_id: r.buyer_id,
    state: r.state,
    valid_from: r.valid_from,
    valid_until: r.valid_until,
  };
}

export interface WalletEntry {
  claim: Claim;
  coupon: Coupon;
  row: ClaimRow;
  couponRow: CouponRow;
}

export async function loadWallet(db: Db, shopId: string, buyerId: string): Promise<WalletEntry[]> {
  let query = walletQueries.get(db);
  if (!query) {
    query = prepareWallet(db);
    walletQueries.set(db, query);
  }
  const rows = await query.all({ shopId, buyerId });
  return rows.map((r) => ({ claim: rowToClaim(r.claim), coupon: rowToCoupon(r.coupon), row: r.claim, couponRow: r.coupon }));
}

/** Every quote with a buyer loads the wallet: Drizzle builds this join's SQL once per database, not per call. */
const walletQueries = new WeakMap<Db, ReturnType<typeof prepareWallet>>();
function prepareWallet(db: Db) {
  return db
    .select({ claim: claimColumns, coupon: couponColumns })
    .from(claims)
    .innerJoin(coupons, eq(coupons.id, claims.coupon_id))
    .where(and(eq(claims.shop_id, sql.placeholder("shopId")), eq(claims.buyer_id, sql.placeholder("buyerId"))))
    .orderBy(sql`${claims.created_at} DESC`)
    .limit(500)
    .prepare();
}

/**
 * A buyer's reserved and committed uses of a promo code (R22; a use a refund gave back is none), whatever the time: which of them still
 * count is the engine's `countedUses` at the shop clock, so this read does not depend on `now` and can
 * be cached (store/read-cache.ts).
 */
export async function buyerCodeUseRows(db: Db, couponId: string, buyerId: string): Promise<CodeUse[]> {
  const rs = await db.$client.execute({
    sql: "SELECT state, expires_at FROM redemptions WHERE coupon_id = ? AND buyer_id = ? AND state IN ('reserved', 'committed') AND returned_at IS NULL",
    args: [couponId, buyerId],
  });
  return rs.rows.map((r) => ({ state: r.state as CodeUse["state"], expires_at: Number(r.expires_at) }));
}
