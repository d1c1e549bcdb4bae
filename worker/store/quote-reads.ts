/**
 * The reads of a quote and a code look-up, through the request's `Reads` (store/read-cache.ts): answered
 * from memory while the database is unchanged, else from the database. Keys end with the one free-form
 * part (a buyer id or a code), so no two reads share a key.
 */
import type { Db } from "../../db/client.js";
import type { CodeUse } from "../engine/reservations.js";
import type { CampaignCodeState, Coupon } from "../engine/types.js";
import { findCampaignCode } from "./campaign-codes.js";
import { findCouponByCode, getCouponRow, rowToCoupon, type CouponRow } from "./coupons.js";
import { paidOrderTimes } from "./buyer-facts.js";
import type { Reads } from "./read-cache.js";
import { buyerCodeUseRows, loadWallet, type WalletEntry } from "./wallet.js";

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
 * campaign's (with that code's state). `latest`: the row as
 * last read, however old (only for a reservation, whose guarded write checks it again; see ReadCache).
 */
export function readCodeCoupon(reads: Reads, db: Db, shopId: string, code: string, latest = false): Promise<LoadedCoupon | null> {
  const load = async () => {
    const [shared, campaign] = await Promise.all([findCouponByCode(db, shopId, code), findCampaignCode(db, shopId, code)]);
    // The shop's latest holder of the code, shared or campaign (a code ended in one may live on in a later one).
    if (campaign && (!shared || campaign.row.seq > shared.seq)) {
      return { ...loaded(campaign.row)!, campaignCode: { state: campaign.state, order_id: campaign.order_id } };
    }
    return loaded(shared);
  };
  const key = `code:${shopId}:${code}`;
  return latest ? reads.readLatest(key, load) : reads.read(key, load);
}

export const readCoupon = (reads: Reads, db: Db, shopId: string, id: string): Promise<LoadedCoupon | null> =>
  reads.read(`coupon:${shopId}:${id}`, async () => loaded(await getCouponRow(db, shopId, id)));

export const readWallet = (reads: Reads, db: Db, shopId: string, buyerId: string): Promise<readonly WalletEntry[]> =>
  reads.read(`wallet:${shopId}:${buyerId}`, () => loadWallet(db, shopId, buyerId));

export const readCodeUses = (reads: Reads, db: Db, couponId: string, buyerId: string): Promise<readonly CodeUse[]> =>
  reads.read(`uses:${couponId}:${buyerId}`, () => buyerCodeUseRows(db, couponId, buyerId));

/** When the buyer's paid orders at the shop were paid (R6, R7), for coupons judged by customer segment. */
export const readPaidOrderTimes = (reads: Reads, db: Db, shopId: string, buyerId: string): Promise<readonly number[]> =>
  reads.read(`paid:${shopId}:${buyerId}`, () => paidOrderTimes(db, shopId, buyerId));
