/**
 * Campaign codes in the database: a promo code's single-use codes (`campaign_codes`), each holding its
 * `live_codes (region, code)` row while the campaign is upcoming or ongoing, so one primary key keeps
 * every live code of a region unique (R19), shared and campaign codes alike, under any concurrency.
 *
 * Codes travel as JSON arrays read by `json_each`, `CHUNK` to a statement: 100,000 codes are a few dozen
 * statements of one fixed text each (prepared once), all in the caller's one batch, so they are written
 * all or none. A code another live holder has is a primary-key failure that rolls the whole batch back;
 * the caller asks `liveHolders` which codes those were and tries again with only them replaced.
 */
import { and, asc, eq, gt, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { campaignCodes, coupons } from "../../db/schema.js";
import type { CampaignCodeState } from "../engine/types.js";
import { auditInsertSql, type AuditInput } from "./audit.js";
import { couponColumns, couponRowQuery, type CouponRow } from "./coupons.js";
import { UNCHECKED, writeBatch, type WritePlan } from "./batch.js";
import { keyGuard } from "./key-check.js";
import { saturatedColumns } from "./saturated.js";

export type CampaignCodeRow = typeof campaignCodes.$inferSelect;

/** Codes per statement (one bound JSON array of about 60 KB). */
const CHUNK = 5_000;

/**
 * The codes in order, as JSON arrays of `CHUNK`. Sorted, because random codes written in random order
 * touch a random page of each index for every row (five times slower at 100,000 codes, and slower the more
 * codes are stored); in order, each page is visited once.
 */
function chunked(codes: readonly string[]): string[] {
  const sorted = [...codes].sort();
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i += CHUNK) out.push(JSON.stringify(sorted.slice(i, i + CHUNK)));
  return out;
}

/** Where a campaign's codes are to be held. */
export interface CampaignTarget {
  couponId: string;
  shopId: string;
  region: string;
  /** Shop clock, and real time: another shop's ended code frees its row by real time. */
  now: number;
  realNow: number;
}

/**
 * SQL over `live_codes`: a row whose holder no longer holds its code (ended by real time, ended by this
 * shop's clock for its own codes, or deactivated), which a new holder may replace.
 */
const stale = (t: CampaignTarget) => sql`(live_codes.active_ends_at <= ${t.realNow}
  OR (live_codes.shop_id = ${t.shopId} AND live_codes.active_ends_at <= ${t.now})
  OR EXISTS (SELECT 1 FROM coupons d WHERE d.id = live_codes.coupon_id AND d.deactivated_at IS NOT NULL))`;

/**
 * The statements that add `codes` (full codes, distinct) to the campaign and take their live rows, each
 * only if `onlyIf` holds. A live row held by anyone else fails the batch (primary key); a stale one is
 * replaced. The live rows take the coupon's end as stored when they are written, so an edit of the end
 * racing them cannot leave them behind.
 */
export function campaignCodeStatements(t: CampaignTarget, codes: readonly string[], onlyIf: SQL): SQL[] {
  const out: SQL[] = [];
  for (const json of chunked(codes)) {
    out.push(
      sql`INSERT INTO campaign_codes (coupon_id, code) SELECT ${t.couponId}, value FROM json_each(${json}) WHERE ${onlyIf}`,
      sql`DELETE FROM live_codes WHERE region = ${t.region} AND code IN (SELECT value FROM json_each(${json})) AND ${stale(t)} AND ${onlyIf}`,
      sql`INSERT INTO live_codes (region, code, coupon_id, shop_id, active_ends_at)
        SELECT ${t.region}, value, ${t.couponId}, ${t.shopId}, (SELECT active_ends_at FROM coupons WHERE id = ${t.couponId})
        FROM json_each(${json}) WHERE ${onlyIf}`,
    );
  }
  return out;
}

/**
 * SQL: no live code of the region holds any of `codes` (stale rows aside), the guard of a write planned
 * on the codes being free (one primary-key probe per code, as `liveHolders`).
 */
export function codesFreeSql(t: CampaignTarget, codes: readonly string[]): SQL {
  const free = chunked(codes).map(
    (json) => sql`NOT EXISTS (SELECT 1 FROM live_codes WHERE region = ${t.region} AND code IN (SELECT value FROM json_each(${json}))
      AND NOT ${stale(t)})`,
  );
  return free.length ? sql.join(free, sql` AND `) : sql`1`;
}

/**
 * `liveHolders` as statements to ride at the end of a write batch guarded by `codesFreeSql`: they read
 * the holders only when `unless` is false (the write did not happen), so a refusal tells which codes were
 * held without another round trip, and a write that happened reads nothing. Read by `holdersFromRows`.
 */
export function liveHoldersQueries(t: CampaignTarget, codes: readonly string[], unless: SQL): SQL[] {
  return chunked(codes).map(
    (json) => sql`SELECT code, shop_id, coupon_id FROM live_codes WHERE NOT ${unless}
      AND region = ${t.region} AND code IN (SELECT value FROM json_each(${json})) AND NOT ${stale(t)}`,
  );
}

export const holdersFromRows = (results: readonly unknown[]): LiveHolder[] =>
  (results as { code: string; shop_id: string; coupon_id: string }[][]).flatMap((rows) =>
    rows.map((r) => ({ code: r.code, shopId: r.shop_id, couponId: r.coupon_id })),
  );

/** A code some live promo code of the region holds, and whether that holder is this shop (and this coupon). */
export interface LiveHolder {
  code: string;
  shopId: string;
  couponId: string;
}

/** Which of `codes` are held by a live code of the region now (stale rows aside): one read per chunk. */
export async function liveHolders(db: Db, t: CampaignTarget, codes: readonly string[]): Promise<LiveHolder[]> {
  const out: LiveHolder[] = [];
  for (const json of chunked(codes)) {
    // `code IN (SELECT … json_each)`: SQLite probes the primary key once per code (a join could scan the region's rows).
    const rows = await db.all<{ code: string; shop_id: string; coupon_id: string }>(sql`SELECT code, shop_id, coupon_id FROM live_codes
      WHERE region = ${t.region} AND code IN (SELECT value FROM json_each(${json})) AND NOT ${stale(t)}`);
    for (const r of rows) out.push({ code: r.code, shopId: r.shop_id, couponId: r.coupon_id });
  }
  return out;
}

/**
 * SQL over `live_codes`: the rows a campaign holds, found through its own codes (by the live rows'
 * primary key, without an index on their coupon).
 */
export const campaignLiveRows = (region: string, couponId: string) =>
  sql`region = ${region} AND code IN (SELECT code FROM campaign_codes WHERE coupon_id = ${couponId}) AND coupon_id = ${couponId}`;

/**
 * `POST /v1/coupons/{id}/codes`: the seller's own codes added to an upcoming campaign in one batch, its
 * quantity following the count, with an `updated` audit entry and its webhook events (`outbox`, conditional
 * on that entry). Written only if the campaign is still the version planned from (`version`: not started,
 * deactivated or edited meanwhile), the quantity limit holds, the caller's key is as planned (`plan`), and
 * none of the codes is held in the region (else the batch reads back which ones were); the row as it is
 * afterwards comes back from the same batch. A code taken by a racing write fails the batch (primary key).
 */
export async function addCampaignCodes(
  db: Db,
  t: CampaignTarget,
  codes: readonly string[],
  maxQuantity: number,
  audit: AuditInput & { id: string },
  opts: { version: number; outbox?: SQL | null },
  plan: WritePlan = UNCHECKED,
): Promise<{ won: boolean; row: CouponRow | undefined; holders: LiveHolder[] }> {
  const won = sql`EXISTS (SELECT 1 FROM audit_entries WHERE id = ${audit.id})`;
  const statements: SQL[] = [
    sql`UPDATE coupons SET quantity = quantity + ${codes.length}, version = version + 1, updated_at = ${t.now}
      WHERE id = ${t.couponId} AND shop_id = ${t.shopId} AND version = ${opts.version} AND unique_code_length IS NOT NULL
        AND deactivated_at IS NULL AND active_starts_at > ${t.now} AND quantity + ${codes.length} <= ${maxQuantity}
        AND ${keyGuard(plan.keyCheck)} AND ${codesFreeSql(t, codes)}`,
    auditInsertSql(audit, sql`changes() = 1`),
    ...campaignCodeStatements(t, codes, won),
  ];
  if (opts.outbox) statements.push(opts.outbox);
  const held = liveHoldersQueries(t, codes, won);
  const results = await writeBatch(db, plan, [
    ...statements.map((s) => db.run(s)),
    couponRowQuery(db, t.shopId, t.couponId),
    ...held.map((s) => db.all(s)),
  ]);
  return {
    won: (results[0] as { rowsAffected: number }).rowsAffected === 1,
    row: (results[statements.length] as CouponRow[])[0],
    holders: holdersFromRows(results.slice(statements.length + 1)),
  };
}

/** A campaign code found by its full code, with its coupon. */
export interface CampaignCodeHit {
  row: CouponRow;
  state: CampaignCodeState;
  order_id: string | null;
}

/**
 * The shop's latest campaign holding this full code (normalized), whatever its status, with the code's
 * state. Built once per database (`.prepare()`), like the shared code's look-up.
 */
export async function findCampaignCode(db: Db, shopId: string, code: string): Promise<CampaignCodeHit | undefined> {
  let query = byCampaignCode.get(db);
  if (!query) {
    query = prepareByCampaignCode(db);
    byCampaignCode.set(db, query);
  }
  return campaignCodeHit(await query.get({ shopId, code }));
}

/** `findCampaignCode`'s query, to ride in a batch: its rows (at most one), read by `campaignCodeHit`. */
export const campaignCodeQuery = (db: Db, shopId: string, code: string) => byCampaignCodeQuery(db, shopId, code);

type CampaignCodeSelected = { coupon: CouponRow; state: CampaignCodeState; order_id: string | null };

/** The hit in a row of `campaignCodeQuery` (or the prepared query's one row). */
export const campaignCodeHit = (hit: CampaignCodeSelected | undefined): CampaignCodeHit | undefined =>
  hit ? { row: hit.coupon, state: hit.state, order_id: hit.order_id } : undefined;

function byCampaignCodeQuery(db: Db, shopId: string | Placeholder, code: string | Placeholder) {
  return (
    db
      .select({ coupon: couponColumns, state: campaignCodes.state, order_id: campaignCodes.order_id })
      .from(campaignCodes)
      .innerJoin(coupons, eq(coupons.id, campaignCodes.coupon_id))
      .where(and(eq(campaignCodes.code, code), eq(coupons.shop_id, shopId)))
      // `+seq`, as the shared code's look-up: the plan starts from the code's index, never walks the shop's coupons.
      .orderBy(sql`+${coupons.seq} DESC`)
      .limit(1)
  );
}

const byCampaignCode = new WeakMap<Db, ReturnType<typeof prepareByCampaignCode>>();
function prepareByCampaignCode(db: Db) {
  return byCampaignCodeQuery(db, sql.placeholder("shopId"), sql.placeholder("code")).prepare();
}

const codeColumns = saturatedColumns(campaignCodes);

/** One page of a campaign's codes in code order, after the code `after`, optionally in one state. */
export function campaignCodePage(db: Db, couponId: string, opts: { state?: CampaignCodeState; after: string | null; limit: number }) {
  const where = [eq(campaignCodes.coupon_id, couponId)];
  if (opts.state) where.push(eq(campaignCodes.state, opts.state));
  if (opts.after != null) where.push(gt(campaignCodes.code, opts.after));
  return db
    .select(codeColumns)
    .from(campaignCodes)
    .where(and(...where))
    .orderBy(asc(campaignCodes.code))
    .limit(opts.limit);
}
