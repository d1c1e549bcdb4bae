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

/*
 * Each read is a small class, not an object of closures: a quote makes up to six of them, and closures made
 * per request also pay the name-keeping call of tsx and wrangler's bundles (bench/notes.md). Invariant:
 * store/batch.ts calls their methods on the object (`item.load()`), never detached.
 */

/**
 * The shop's latest coupon with this full code (normalized), whatever its status, shared code or one of a
 * campaign's (with that code's state). `latest`: the row as last read, however old (only for a reservation,
 * whose guarded write checks it again; see ReadCache). In a batch, the two look-ups are two statements.
 */
export function codeCouponRead(db: Db, shopId: string, code: string, latest = false): Read<LoadedCoupon | null> {
  return new CodeCouponRead(db, shopId, code, latest);
}

class CodeCouponRead implements Read<LoadedCoupon | null> {
  readonly key: string;
  readonly keep = true;
  constructor(
    private readonly db: Db,
    private readonly shopId: string,
    private readonly code: string,
    readonly latest: boolean,
  ) {
    this.key = `code:${shopId}:${code}`;
  }
  async load() {
    const [shared, campaign] = await Promise.all([
      findCouponByCode(this.db, this.shopId, this.code),
      findCampaignCode(this.db, this.shopId, this.code),
    ]);
    return latestHolder(shared, campaign);
  }
  query() {
    return [couponByCodeQuery(this.db, this.shopId, this.code), campaignCodeQuery(this.db, this.shopId, this.code)];
  }
  map(results: unknown) {
    const [shared, campaign] = results as [CouponRow[], Parameters<typeof campaignCodeHit>[0][]];
    return latestHolder(shared[0], campaignCodeHit(campaign[0]));
  }
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
  return new CouponRead(db, shopId, id);
}

class CouponRead implements Read<LoadedCoupon | null> {
  readonly key: string;
  constructor(
    private readonly db: Db,
    private readonly shopId: string,
    private readonly id: string,
  ) {
    this.key = `coupon:${shopId}:${id}`;
  }
  async load() {
    return loaded(await getCouponRow(this.db, this.shopId, this.id));
  }
  query() {
    return couponRowQuery(this.db, this.shopId, this.id);
  }
  map(rows: unknown) {
    return loaded((rows as CouponRow[])[0]);
  }
}

/** A buyer's claims with their coupons. */
export function walletRead(db: Db, shopId: string, buyerId: string): Read<readonly WalletEntry[]> {
  return new WalletRead(db, shopId, buyerId);
}

class WalletRead implements Read<readonly WalletEntry[]> {
  readonly key: string;
  constructor(
    private readonly db: Db,
    private readonly shopId: string,
    private readonly buyerId: string,
  ) {
    this.key = `wallet:${shopId}:${buyerId}`;
  }
  load() {
    return loadWallet(this.db, this.shopId, this.buyerId);
  }
  query() {
    return walletQuery(this.db, this.shopId, this.buyerId);
  }
  map(rows: unknown) {
    return walletEntries(rows as Parameters<typeof walletEntries>[0]);
  }
}

/** A buyer's uses of a promo code by the coupon's id (R22). */
export function couponUsesRead(db: Db, couponId: string, buyerId: string): Read<readonly CodeUse[]> {
  return new UsesRead(db, buyerId, null, couponId);
}

/** A buyer's uses of the coupon a code names, read beside the code itself (R22). */
export function codeUsesRead(db: Db, shopId: string, code: string, buyerId: string): Read<readonly CodeUse[]> {
  return new UsesRead(db, buyerId, { shopId, code }, null);
}

/** A buyer's uses of a coupon named by its id, or by a shop's code. */
class UsesRead implements Read<readonly CodeUse[]> {
  readonly key: string;
  constructor(
    private readonly db: Db,
    private readonly buyerId: string,
    private readonly byCode: { shopId: string; code: string } | null,
    private readonly couponId: string | null,
  ) {
    this.key = byCode ? `uses-code:${byCode.shopId}:${byCode.code}:${buyerId}` : `uses:${couponId}:${buyerId}`;
  }
  load() {
    const { byCode } = this;
    return byCode
      ? buyerUsesOfCode(this.db, byCode.shopId, byCode.code, this.buyerId)
      : buyerCodeUseRows(this.db, this.couponId!, this.buyerId);
  }
  query() {
    const { byCode } = this;
    return this.db.all(byCode ? usesSql.ofCode(byCode.shopId, byCode.code, this.buyerId) : usesSql.ofCoupon(this.couponId!, this.buyerId));
  }
  map(rows: unknown) {
    return codeUses(rows as Record<string, unknown>[]);
  }
}

/** Whether the shop holds a reservation past its expiry at `now` (R27), which a release would give back. Never cached. */
export function lapsedReservationRead(db: Db, shopId: string, now: number): Read<boolean> {
  return new LapsedRead(db, shopId, now);
}

class LapsedRead implements Read<boolean> {
  readonly key = null;
  constructor(
    private readonly db: Db,
    private readonly shopId: string,
    private readonly now: number,
  ) {}
  async load() {
    return (await this.query()).length > 0;
  }
  query() {
    return this.db.all<{ one: number }>(lapsedSql(this.shopId, this.now));
  }
  map(rows: unknown) {
    return (rows as unknown[]).length > 0;
  }
}

export const lapsedSql = (shopId: string, now: number) =>
  sql`SELECT 1 AS one FROM redemptions WHERE state = 'reserved' AND expires_at <= ${now} AND shop_id = ${shopId} LIMIT 1`;
