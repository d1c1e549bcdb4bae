/** A buyer's claims with their coupons, and a buyer's uses of a promo code. */
import { and, eq, sql, type Placeholder } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { claims, coupons } from "../../db/schema.js";
import type { CodeUse } from "../engine/reservations.js";
import type { Claim, Coupon } from "../engine/types.js";
import { couponColumns, rowToCoupon, type CouponRow } from "./coupons.js";
import { saturatedColumns } from "./saturated.js";
import { fixedSql } from "./statement.js";

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
    query = walletQuery(db, sql.placeholder("shopId"), sql.placeholder("buyerId")).prepare();
    walletQueries.set(db, query);
  }
  return walletEntries(await query.all({ shopId, buyerId }));
}

type WalletRows = { claim: ClaimRow; coupon: CouponRow }[];

export const walletEntries = (rows: WalletRows): WalletEntry[] =>
  rows.map((r) => ({ claim: rowToClaim(r.claim), coupon: rowToCoupon(r.coupon), row: r.claim, couponRow: r.coupon }));

/** Every quote with a buyer loads the wallet: Drizzle builds this join's SQL once per database, not per call. */
const walletQueries = new WeakMap<Db, ReturnType<ReturnType<typeof walletQuery>["prepare"]>>();

/** A buyer's claims with their coupons, newest first: the query, with values or (prepared) placeholders. */
export function walletQuery(db: Db, shopId: string | Placeholder, buyerId: string | Placeholder) {
  return db
    .select({ claim: claimColumns, coupon: couponColumns })
    .from(claims)
    .innerJoin(coupons, eq(coupons.id, claims.coupon_id))
    .where(and(eq(claims.shop_id, shopId), eq(claims.buyer_id, buyerId)))
    .orderBy(sql`${claims.created_at} DESC`)
    .limit(500);
}

/**
 * A buyer's reserved and committed uses of a promo code (R22; a use a refund gave back is none), whatever
 * the time: which of them still count is the engine's `countedUses` at the shop clock, so this read does
 * not depend on `now` and can be cached (store/read-cache.ts).
 */
export async function buyerCodeUseRows(db: Db, couponId: string, buyerId: string): Promise<CodeUse[]> {
  const rs = await db.$client.execute({ sql: `${USES} coupon_id = ?`, args: [buyerId, couponId] });
  return codeUses(rs.rows);
}

// A use a refund gave back (`returned_at`) no longer counts.
const USES =
  "SELECT state, expires_at FROM redemptions WHERE buyer_id = ? AND state IN ('reserved', 'committed') AND returned_at IS NULL AND";
/**
 * The shop's latest coupon with a shared code (as `findCouponByCode` finds it). A campaign's codes are not
 * among them, and need not be: a campaign takes no per-customer limit, so its buyers' uses are never read.
 */
const CODE_COUPON = "(SELECT id FROM coupons WHERE shop_id = ? AND code = ? ORDER BY +seq DESC LIMIT 1)";

export const codeUses = (rows: readonly Record<string, unknown>[]): CodeUse[] =>
  rows.map((r) => ({ state: r.state as CodeUse["state"], expires_at: Number(r.expires_at) }));

/** `buyerCodeUseRows` of the coupon a code names, without knowing its id first (one statement, for a batch). */
export async function buyerUsesOfCode(db: Db, shopId: string, code: string, buyerId: string): Promise<CodeUse[]> {
  const rs = await db.$client.execute({ sql: `${USES} coupon_id = ${CODE_COUPON}`, args: [buyerId, shopId, code] });
  return codeUses(rs.rows);
}

/** The statements of `buyerCodeUseRows` and `buyerUsesOfCode`, to ride in a batch (rows as `codeUses` reads them). */
export const usesSql = {
  ofCoupon: (couponId: string, buyerId: string) => fixedSql(`${USES} coupon_id = ?`, [buyerId, couponId]),
  ofCode: (shopId: string, code: string, buyerId: string) => fixedSql(`${USES} coupon_id = ${CODE_COUPON}`, [buyerId, shopId, code]),
};
