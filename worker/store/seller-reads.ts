/**
 * The reads of the seller's coupon routes, each usable alone or as an item of the route's one batch
 * (store/batch.ts `readAll`; README "A request at the edge"). Lists and counts are never shared between
 * requests (`key: null`: read as they are now, as on Node before); a coupon row by id is kept as the
 * isolate's latest copy, which an edit may plan its guarded write from (the write re-checks the version).
 */
import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { coupons } from "../../db/schema.js";
import type { CampaignCodeState } from "../engine/types.js";
import type { KeyPosition } from "../lib/cursor.js";
import { listAudit } from "./audit.js";
import { queryRead, rowsRead, type Read } from "./batch.js";
import { campaignCodePage, type CampaignCodeRow } from "./campaign-codes.js";
import { couponDaysQueries, daysOf, type DayClaims, type DayUses } from "./coupon-series.js";
import { couponRowQuery, getCouponRow, newestCouponsQuery, type CouponRow } from "./coupons.js";
import { redemptionTotalsQuery, totalsOf } from "./redemptions.js";
import { recipientRows, recipientRowsQuery, type RecipientRow } from "./seller-lists.js";

/** The key of a coupon row's latest copy (not the quote's `coupon:` key: that holds another shape). */
export const couponRowKey = (shopId: string, id: string) => `coupon-row:${shopId}:${id}`;

/**
 * The shop's coupon by id, or null. Kept as the latest copy when read in a batch; `latest`: served from
 * that copy when there is one (only for a write guarded by the copy's version, which refuses a stale one).
 */
export function couponRowRead(db: Db, shopId: string, id: string, latest = false): Read<CouponRow | null> {
  return {
    key: couponRowKey(shopId, id),
    latest,
    keep: true,
    load: async () => (await getCouponRow(db, shopId, id)) ?? null,
    query: () => couponRowQuery(db, shopId, id),
    map: (rows) => (rows as CouponRow[])[0] ?? null,
  };
}

/** A page of the shop's coupons, newest first, optionally of one type and status. */
export function couponListRead(
  db: Db,
  shopId: string,
  opts: { type?: CouponRow["type"]; status?: string; before?: number | null; limit: number; now: number },
): Read<CouponRow[]> {
  const where: SQL[] = [eq(coupons.shop_id, shopId)];
  if (opts.type) where.push(eq(coupons.type, opts.type));
  if (opts.status) where.push(statusCondition(opts.status, opts.now));
  return rowsRead(() => newestCouponsQuery(db, where, opts.before, opts.limit));
}

/** The same status derivation as the engine's `couponStatus`, as SQL for filtering lists. */
function statusCondition(status: string, now: number): SQL {
  const start = sql`COALESCE(${coupons.active_starts_at}, ${coupons.claim_starts_at})`;
  const end = sql`COALESCE(${coupons.active_ends_at}, ${coupons.claim_ends_at})`;
  switch (status) {
    case "deactivated":
      return sql`${coupons.deactivated_at} IS NOT NULL`;
    case "upcoming":
      return sql`${coupons.deactivated_at} IS NULL AND ${start} > ${now}`;
    case "ongoing":
      return sql`${coupons.deactivated_at} IS NULL AND ${start} <= ${now} AND ${end} > ${now}`;
    default:
      return sql`${coupons.deactivated_at} IS NULL AND ${end} <= ${now}`;
  }
}

/** R30: a coupon's audit entries after the `seq` `after`, oldest first. */
export const auditPageRead = (db: Db, shopId: string, couponId: string, after: number | null, limit: number) =>
  rowsRead(() => listAudit(db, shopId, couponId, after, limit));

/** R17: a chat coupon's recipients after the position `p`, newest first. */
export const recipientsRead = (db: Db, shopId: string, couponId: string, p: KeyPosition | null, limit: number): Read<RecipientRow[]> =>
  queryRead(() => recipientRowsQuery(db, shopId, couponId, p, limit), recipientRows);

/** A campaign's codes in code order (the caller checks the campaign is the shop's). */
export const campaignCodesRead = (
  db: Db,
  couponId: string,
  opts: { state?: CampaignCodeState; after: string | null; limit: number },
): Read<CampaignCodeRow[]> => rowsRead(() => campaignCodePage(db, couponId, opts));

/** R31: a coupon's redemption totals. */
export const redemptionTotalsRead = (db: Db, shopId: string, couponId: string, now: number) =>
  queryRead(() => redemptionTotalsQuery(db, shopId, couponId, now), totalsOf);

/** R31: a coupon's activity by UTC day in [fromMs, toMs) (two statements). */
export function couponDaysRead(
  db: Db,
  shopId: string,
  couponId: string,
  fromMs: number,
  toMs: number,
): Read<{ claims: DayClaims[]; uses: DayUses[] }> {
  const queries = () => couponDaysQueries(db, shopId, couponId, fromMs, toMs);
  return {
    key: null,
    load: async () => {
      const [claims, uses] = await db.batch(queries());
      return daysOf(claims, uses);
    },
    query: () => [...queries()],
    map: (results) => {
      const [claims, uses] = results as [DayClaims[], DayUses[]];
      return daysOf(claims, uses);
    },
  };
}
