/**
 * The reads of a quote and a code look-up, each usable alone through the request's `Reads`
 * (store/read-cache.ts: answered from memory while the database is unchanged) or in one batch with the
 * route's other reads (store/batch.ts). Keys end with the one free-form part (a buyer id or a code), so no
 * two reads share a key.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { CodeUse } from "../engine/reservations.js";
import type { CampaignCodeState, Coupon } from "../engine/types.js";
import type { Read } from "./batch.js";
import { campaignCodeHit, campaignCodeQuery, findCampaignCode, type CampaignCodeHit } from "./campaign-codes.js";
import { couponByCodeQuery, couponRowQuery, findCouponByCode, getCouponRow, rowToCoupon, type CouponRow } from "./coupons.js";
import {
  buyerCodeUseRows,
  buyerUsesOfCode,
  codeUses,
  loadWallet,
  usesSql,
  walletEntries,
  walletQuery,
  type WalletEntry,
} from "./wallet.js";

/** A coupon row with its engine shape, made once per read rather than once per request. */
export interface LoadedCoupon {
  row: CouponRow;
  coupon: Coupon;
  /** When the code read is one of a campaign's single-use codes: that code's state and order. */
  campaignCode?: { state: CampaignCodeState; order_id: string | null };
}

const loaded = (row: CouponRow | undefined): LoadedCoupon | null => (row ? { row, coupon: rowToCoupon(row) } : null);

/**
 * The shop's latest coupon with this full code (normalized), whatever its status, shared code or one of a
 * campaign's (with that code's state). `latest`: the row as last read, however old (only for a reservation,
 * whose guarded write checks it again; see ReadCache). In a batch, the two look-ups are two statements.
 */
export function codeCouponRead(db: Db, shopId: string, code: string, latest = false): Read<LoadedCoupon | null> {
  return {
    key: `code:${shopId}:${code}`,
    latest,
    keep: true,
    load: async () => latestHolder(...(await Promise.all([findCouponByCode(db, shopId, code), findCampaignCode(db, shopId, code)]))),
    query: () => [couponByCodeQuery(db, shopId, code), campaignCodeQuery(db, shopId, code)],
    map: (results) => {
      const [shared, campaign] = results as [CouponRow[], Parameters<typeof campaignCodeHit>[0][]];
      return latestHolder(shared[0], campaignCodeHit(campaign[0]));
    },
  };
}

/** The shop's latest holder of a code, shared or campaign (a code ended in one may live on in a later one). */
function latestHolder(shared: CouponRow | undefined, campaign: CampaignCodeHit | undefined): LoadedCoupon | null {
  if (campaign && (!shared || campaign.row.seq > shared.seq)) {
    return { ...loaded(campaign.row)!, campaignCode: { state: campaign.state, order_id: campaign.order_id } };
  }
  return loaded(shared);
}

/** A coupon of the shop by id. */
export function couponRead(db: Db, shopId: string, id: string): Read<LoadedCoupon | null> {
  return {
    key: `coupon:${shopId}:${id}`,
    load: async () => loaded(await getCouponRow(db, shopId, id)),
    query: () => couponRowQuery(db, shopId, id),
    map: (rows) => loaded((rows as CouponRow[])[0]),
  };
}

/** A buyer's claims with their coupons. */
export function walletRead(db: Db, shopId: string, buyerId: string): Read<readonly WalletEntry[]> {
  return {
    key: `wallet:${shopId}:${buyerId}`,
    load: () => loadWallet(db, shopId, buyerId),
    query: () => walletQuery(db, shopId, buyerId),
    map: (rows) => walletEntries(rows as Parameters<typeof walletEntries>[0]),
  };
}

/** A buyer's uses of a promo code by the coupon's id (R22). */
export function couponUsesRead(db: Db, couponId: string, buyerId: string): Read<readonly CodeUse[]> {
  return {
    key: `uses:${couponId}:${buyerId}`,
    load: () => buyerCodeUseRows(db, couponId, buyerId),
    query: () => db.all(usesSql.ofCoupon(couponId, buyerId)),
    map: (rows) => codeUses(rows as Record<string, unknown>[]),
  };
}

/** A buyer's uses of the coupon a code names, read beside the code itself (R22). */
export function codeUsesRead(db: Db, shopId: string, code: string, buyerId: string): Read<readonly CodeUse[]> {
  return {
    key: `uses-code:${shopId}:${code}:${buyerId}`,
    load: () => buyerUsesOfCode(db, shopId, code, buyerId),
    query: () => db.all(usesSql.ofCode(shopId, code, buyerId)),
    map: (rows) => codeUses(rows as Record<string, unknown>[]),
  };
}

/** Whether the shop holds a reservation past its expiry at `now` (R27), which a release would give back. Never cached. */
export function lapsedReservationRead(db: Db, shopId: string, now: number): Read<boolean> {
  const probe = () => db.all<{ one: number }>(lapsedSql(shopId, now));
  return { key: null, load: async () => (await probe()).length > 0, query: probe, map: (rows) => (rows as unknown[]).length > 0 };
}

export const lapsedSql = (shopId: string, now: number) =>
  sql`SELECT 1 AS one FROM redemptions WHERE state = 'reserved' AND expires_at <= ${now} AND shop_id = ${shopId} LIMIT 1`;
