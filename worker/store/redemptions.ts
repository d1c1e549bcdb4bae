/**
 * Redemptions in the database: a coupon reserved for an order, then committed (paid) or released
 * (cancelled, or not paid within 30 minutes on the shop clock). Each transition is one batch in which the
 * coupon's counters, the claim's state and the redemption row change together or not at all, and every
 * statement is conditional on the state it leaves, so a transition applied twice changes nothing the
 * second time.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { InStatement } from "@libsql/client";
import type { Db } from "../../db/client.js";
import { redemptions } from "../../db/schema.js";
import { customerAudienceHoldsSql } from "./buyer-facts.js";
import { storeAnswerStatement, type StoredAnswer } from "./idempotency.js";
import { redemptionMovedStatement } from "./outbox.js";
import { saturatedColumns, saturatedSum } from "./saturated.js";

export type RedemptionRow = typeof redemptions.$inferSelect;

/** The columns of a redemption as reads take them (integers saturated: store/saturated.ts). */
export const redemptionColumns = saturatedColumns(redemptions);

/** R27: a reservation not committed within this time (shop clock) gives its unit back. */
export const RESERVATION_MS = 30 * 60_000;

/**
 * Which reserved redemptions a release takes, as a condition over a redemptions table alias, and the
 * time it records. The alias is needed because the same condition runs inside sub-selects.
 */
interface Selection {
  where(t: string): SQL;
  clock(t: string): SQL;
}

const col = (t: string, c: string) => sql.raw(`${t}.${c}`);

/** A shop's reservations past their expiry at `now` (that shop's clock). */
export const expiredInShop = (shopId: string, now: number): Selection => ({
  where: (t) => sql`${col(t, "shop_id")} = ${shopId} AND ${col(t, "expires_at")} <= ${now}`,
  clock: () => sql`${now}`,
});

/**
 * Every shop's reservations past their expiry, each judged by its own shop's clock: the frozen test clock
 * of a test shop when set, else real time.
 */
export const expiredEverywhere = (realNow: number): Selection => {
  const clock = (t: string) => sql`(SELECT CASE WHEN s.mode = 'test' AND s.test_clock_now IS NOT NULL THEN s.test_clock_now
    ELSE ${realNow} END FROM shops s WHERE s.id = ${col(t, "shop_id")})`;
  return { where: (t) => sql`${col(t, "expires_at")} <= ${clock(t)}`, clock };
};

export const byId = (shopId: string, id: string, now: number): Selection => ({
  where: (t) => sql`${col(t, "shop_id")} = ${shopId} AND ${col(t, "id")} = ${id}`,
  clock: () => sql`${now}`,
});

export const byOrder = (shopId: string, orderId: string, now: number): Selection => ({
  where: (t) => sql`${col(t, "shop_id")} = ${shopId} AND ${col(t, "order_id")} = ${orderId}`,
  clock: () => sql`${now}`,
});

/** The reserved redemptions of a selection, as a sub-select over alias `r`. */
const reservedIn = (s: Selection, what: string) =>
  sql`SELECT ${sql.raw(what)} FROM redemptions r WHERE r.state = 'reserved' AND ${s.where("r")}`;

/** SQL: the sum of `expr` over a coupon's reserved redemptions in the selection (inside an UPDATE of coupons). */
const reservedSum = (s: Selection, expr: string) =>
  sql`(SELECT COALESCE(sum(${sql.raw(expr)}), 0) FROM redemptions r WHERE r.coupon_id = coupons.id AND r.state = 'reserved' AND ${s.where("r")})`;

/**
 * Release: each coupon's reserved counter and budget drop by its released reservations, their claims
 * and campaign codes become available again, then the rows turn `released`. Counters, claims and codes
 * are written first because they find their rows by `state = 'reserved'`, which the last statement ends.
 */
export function releaseStatements(s: Selection, reason: string): SQL[] {
  return [
    sql`UPDATE coupons SET reserved_count = reserved_count - ${reservedSum(s, "1")},
        budget_spent_minor = budget_spent_minor - ${reservedSum(s, "r.discount_minor")}
      WHERE id IN (${reservedIn(s, "r.coupon_id")})`,
    sql`UPDATE claims SET state = 'available', updated_at = ${s.clock("claims")}
      WHERE state = 'reserved' AND id IN (${reservedIn(s, "r.claim_id")} AND r.claim_id IS NOT NULL)`,
    sql`UPDATE campaign_codes SET state = 'available', order_id = NULL
      WHERE state = 'reserved' AND (coupon_id, code, order_id) IN (${reservedIn(s, "r.coupon_id, r.code, r.order_id")} AND r.code IS NOT NULL)`,
    // Webhook events, while the rows are still `reserved` (store/outbox.ts).
    redemptionMovedStatement(s, "released", reason),
    sql`UPDATE redemptions SET state = 'released', released_at = ${s.clock("redemptions")}, release_reason = ${reason}
      WHERE state = 'reserved' AND ${s.where("redemptions")}`,
  ];
}

/**
 * Commit: reserved → used on the coupon's counters with the discount and sales added (R31; the budget
 * already counts them), the claim becomes used and a campaign code redeemed, then the rows turn `committed`.
 */
export function commitStatements(s: Selection): SQL[] {
  const sum = (expr: string) => reservedSum(s, expr);
  return [
    sql`UPDATE coupons SET reserved_count = reserved_count - ${sum("1")}, used_count = used_count + ${sum("1")},
        discount_total_minor = discount_total_minor + ${sum("r.discount_minor")},
        gmv_minor = gmv_minor + ${sum("r.subtotal_minor - r.discount_minor")}
      WHERE id IN (${reservedIn(s, "r.coupon_id")})`,
    sql`UPDATE claims SET state = 'used', updated_at = ${s.clock("claims")}
      WHERE state = 'reserved' AND id IN (${reservedIn(s, "r.claim_id")} AND r.claim_id IS NOT NULL)`,
    // The code's time is its redemption's clock (a selection's clock is per shop, and codes carry no shop).
    sql`UPDATE campaign_codes SET state = 'redeemed', redeemed_at = (SELECT ${s.clock("r")} FROM redemptions r
        WHERE r.coupon_id = campaign_codes.coupon_id AND r.code = campaign_codes.code AND r.order_id = campaign_codes.order_id
          AND r.state = 'reserved' AND ${s.where("r")})
      WHERE state = 'reserved' AND (coupon_id, code, order_id) IN (${reservedIn(s, "r.coupon_id, r.code, r.order_id")} AND r.code IS NOT NULL)`,
    redemptionMovedStatement(s, "committed"),
    sql`UPDATE redemptions SET state = 'committed', committed_at = ${s.clock("redemptions")}
      WHERE state = 'reserved' AND ${s.where("redemptions")}`,
  ];
}

/**
 * `order.refunded` after commit (`refund_policy`, README "Campaign codes, budgets and refunds"): every committed redemption of the selection
 * not refunded before is marked refunded; where its coupon's policy is `return_unit` the unit and the
 * budget go back to the coupon, the buyer's claim becomes available again (while still valid) and a
 * campaign code available again. The last statement marks the rows the others find by
 * `refunded_at IS NULL`, so a redelivered event gives nothing twice.
 */
export function refundStatements(s: Selection): SQL[] {
  const open = (t: string) => sql`${col(t, "state")} = 'committed' AND ${col(t, "refunded_at")} IS NULL AND ${s.where(t)}`;
  const sum = (expr: string) =>
    sql`(SELECT COALESCE(sum(${sql.raw(expr)}), 0) FROM redemptions r WHERE r.coupon_id = coupons.id AND ${open("r")})`;
  const returned = (what: string) =>
    sql`SELECT ${sql.raw(what)} FROM redemptions r JOIN coupons rc ON rc.id = r.coupon_id WHERE rc.refund_policy = 'return_unit' AND ${open("r")}`;
  const returns = sql`(SELECT refund_policy FROM coupons WHERE id = redemptions.coupon_id) = 'return_unit'`;
  return [
    sql`UPDATE coupons SET used_count = used_count - ${sum("1")}, budget_spent_minor = budget_spent_minor - ${sum("r.discount_minor")}
      WHERE refund_policy = 'return_unit' AND id IN (SELECT r.coupon_id FROM redemptions r WHERE ${open("r")})`,
    sql`UPDATE claims SET state = 'available', updated_at = ${s.clock("claims")}
      WHERE state = 'used' AND valid_until > ${s.clock("claims")} AND id IN (${returned("r.claim_id")} AND r.claim_id IS NOT NULL)`,
    sql`UPDATE campaign_codes SET state = 'available', order_id = NULL, redeemed_at = NULL
      WHERE state = 'redeemed' AND (coupon_id, code, order_id) IN (${returned("r.coupon_id, r.code, r.order_id")} AND r.code IS NOT NULL)`,
    sql`UPDATE redemptions SET refunded_at = ${s.clock("redemptions")}, returned_at = CASE WHEN ${returns} THEN ${s.clock("redemptions")} END
      WHERE ${open("redemptions")}`,
  ];
}

/** Runs statements as one batch; returns the rows changed by the last one (the redemptions). */
export async function runBatch(db: Db, statements: SQL[]): Promise<number> {
  const results = await db.batch(statements.map((s) => db.run(s)) as [ReturnType<Db["run"]>]);
  return results[results.length - 1].rowsAffected;
}

/**
 * Lazy expiry: before a read or write that counts reservations, release this shop's expired ones. The
 * read only spares a write when there is nothing to release; the release itself is conditional, so two
 * requests doing it at once release each reservation once.
 */
export async function releaseExpiredInShop(db: Db, shopId: string, now: number): Promise<number> {
  // db.all, not db.get: Drizzle's get throws on an empty result.
  const any = await db.all<{ one: number }>(sql`SELECT 1 AS one FROM redemptions
    WHERE state = 'reserved' AND expires_at <= ${now} AND shop_id = ${shopId} LIMIT 1`);
  if (any.length === 0) return 0;
  return runBatch(db, releaseStatements(expiredInShop(shopId, now), "expired"));
}

export interface NewRedemption {
  id: string;
  shop_id: string;
  coupon_id: string;
  claim_id: string | null;
  buyer_id: string | null;
  order_id: string;
  code: string | null;
  discount_minor: number;
  subtotal_minor: number;
  allocations: { line_id: string; discount_minor: number }[];
  reserved_at: number;
  expires_at: number;
}

/**
 * The reservation batch: the INSERT happens only while the unit is still there and the coupon is still
 * the version the discount was priced on (`pricedVersion`: every edit and deactivation moves it), decided
 * by the write:
 * - every coupon: its budget, if any, still covers this discount on top of what is reserved and committed
 *   (`budget_spent_minor`, moved by this batch as the quantity counter is);
 * - a promo code: active and not deactivated, reserved + used below its quantity (R27), and the buyer's
 *   committed uses and live reservations below a per-customer limit (R22; as the engine's `countedUses`);
 * - a campaign code (`campaignCode`): that code of the campaign still available, then reserved for the order;
 * - a claim: the buyer's claim still available and inside its validity, the coupon not deactivated (R5),
 *   and the buyer still in the coupon's customer segment (R6, R7: a new-customer coupon no longer
 *   applies once the buyer has paid an order, even one paid a moment before this write).
 * Then the counters, the claim or code and the idempotency answer follow only if the row was written. The unique
 * index `redemptions_live_order` refuses a second live coupon for the order (R23): the whole batch rolls
 * back and the caller sees a unique violation.
 *
 * Every checkout runs this, so its statements are fixed texts with `?` arguments sent to the client as
 * they are (prepared once by the native client; no query building per request).
 */
export async function insertRedemptionGuarded(
  db: Db,
  r: NewRedemption,
  pricedVersion: number,
  answer: StoredAnswer | null,
  opts: {
    /** One of a campaign's codes (`r.code`) is taken, rather than a shared code's unit or a claim. */
    campaignCode?: boolean;
    /** The webhook events of this reservation (store/outbox.ts `reservationOutbox`), appended last. */
    outbox?: InStatement | null;
  } = {},
): Promise<boolean> {
  const now = r.reserved_at;
  const row = [
    r.id,
    r.shop_id,
    r.coupon_id,
    r.claim_id,
    r.buyer_id,
    r.order_id,
    r.code,
    r.discount_minor,
    r.subtotal_minor,
    JSON.stringify(r.allocations),
    r.reserved_at,
    r.expires_at,
  ];
  const coupon = [r.coupon_id, r.shop_id, pricedVersion, r.discount_minor];
  const statements: InStatement[] = [
    r.claim_id
      ? { sql: RESERVE_CLAIM_SQL, args: [...row, ...coupon, r.claim_id, r.buyer_id, now, now] }
      : opts.campaignCode
        ? { sql: RESERVE_CAMPAIGN_CODE_SQL, args: [...row, ...coupon, now, now, r.code] }
        : { sql: RESERVE_CODE_SQL, args: [...row, ...coupon, now, now, r.buyer_id, now] },
    { sql: COUNT_RESERVED_SQL, args: [r.discount_minor, r.coupon_id, r.id] },
  ];
  if (r.claim_id) statements.push({ sql: CLAIM_RESERVED_SQL, args: [now, r.claim_id, r.id] });
  if (opts.campaignCode) statements.push({ sql: CAMPAIGN_CODE_RESERVED_SQL, args: [r.order_id, r.coupon_id, r.code, r.id] });
  if (answer) statements.push(storeAnswerStatement(answer, r.id));
  if (opts.outbox) statements.push(opts.outbox);
  const results = await db.$client.batch(statements, "write");
  return results[0].rowsAffected === 1;
}

const INSERT_REDEMPTION = `INSERT INTO redemptions (id, shop_id, coupon_id, claim_id, buyer_id, order_id, code, state, discount_minor,
    subtotal_minor, allocations, reserved_at, expires_at, committed_at, released_at, release_reason)
  SELECT ?, ?, ?, ?, ?, ?, ?, 'reserved', ?, ?, ?, ?, ?, NULL, NULL, NULL
  FROM coupons c WHERE c.id = ? AND c.shop_id = ? AND c.version = ? AND c.deactivated_at IS NULL
    AND (c.budget_minor IS NULL OR c.budget_spent_minor + ? <= c.budget_minor)`;

/**
 * A promo code: inside its window, a unit left, and the buyer under a per-customer limit (a use given
 * back by a refund no longer counts).
 */
const RESERVE_CODE_SQL = `${INSERT_REDEMPTION}
    AND c.active_starts_at <= ? AND c.active_ends_at > ?
    AND c.reserved_count + c.used_count < c.quantity
    AND (c.per_customer_limit IS NULL OR (SELECT count(*) FROM redemptions u WHERE u.coupon_id = c.id
      AND u.buyer_id = ? AND ((u.state = 'committed' AND u.returned_at IS NULL) OR (u.state = 'reserved' AND u.expires_at > ?))) < c.per_customer_limit)`;

/** One of a campaign's codes: inside its window, a unit left, and that code still available (each used once). */
const RESERVE_CAMPAIGN_CODE_SQL = `${INSERT_REDEMPTION}
    AND c.active_starts_at <= ? AND c.active_ends_at > ?
    AND c.reserved_count + c.used_count < c.quantity
    AND EXISTS (SELECT 1 FROM campaign_codes k WHERE k.coupon_id = c.id AND k.code = ? AND k.state = 'available')`;

/** A claim: the buyer's, of this coupon, available and inside its validity, the buyer still in its segment. */
const RESERVE_CLAIM_SQL = `${INSERT_REDEMPTION}
    AND EXISTS (SELECT 1 FROM claims k WHERE k.id = ? AND k.coupon_id = c.id AND k.buyer_id = ?
      AND k.state = 'available' AND k.valid_from <= ? AND k.valid_until > ?
      AND ${customerAudienceHoldsSql("k.buyer_id")})`;

const COUNT_RESERVED_SQL = `UPDATE coupons SET reserved_count = reserved_count + 1, budget_spent_minor = budget_spent_minor + ?
  WHERE id = ? AND EXISTS (SELECT 1 FROM redemptions WHERE id = ?)`;
const CAMPAIGN_CODE_RESERVED_SQL = `UPDATE campaign_codes SET state = 'reserved', order_id = ? WHERE coupon_id = ? AND code = ? AND state = 'available'
  AND EXISTS (SELECT 1 FROM redemptions WHERE id = ?)`;
const CLAIM_RESERVED_SQL = `UPDATE claims SET state = 'reserved', updated_at = ? WHERE id = ? AND state = 'available'
  AND EXISTS (SELECT 1 FROM redemptions WHERE id = ?)`;

export async function getRedemptionRow(db: Db, shopId: string, id: string): Promise<RedemptionRow | undefined> {
  return (
    await db
      .select(redemptionColumns)
      .from(redemptions)
      .where(and(eq(redemptions.id, id), eq(redemptions.shop_id, shopId)))
      .limit(1)
  )[0];
}

export async function orderRedemptionRows(db: Db, shopId: string, orderId: string): Promise<RedemptionRow[]> {
  return db
    .select(redemptionColumns)
    .from(redemptions)
    .where(and(eq(redemptions.shop_id, shopId), eq(redemptions.order_id, orderId)));
}

/**
 * R31: a coupon's committed uses (count, distinct buyers and orders, discount, sales), live reservations,
 * and the committed uses refunded afterwards (their count and discount, and how many gave their unit back).
 */
export async function redemptionTotals(db: Db, shopId: string, couponId: string, now: number) {
  const [r] = await db.all<{
    redemptions: number;
    buyers: number;
    orders: number;
    discount: number;
    gmv: number;
    reserved: number;
    refunds: number;
    refunded: number;
    returned: number;
  }>(sql`
    SELECT
      COUNT(*) FILTER (WHERE state = 'committed') AS redemptions,
      COUNT(DISTINCT CASE WHEN state = 'committed' THEN buyer_id END) AS buyers,
      COUNT(DISTINCT CASE WHEN state = 'committed' THEN order_id END) AS orders,
      ${saturatedSum(sql`CASE WHEN state = 'committed' THEN discount_minor END`)} AS discount,
      ${saturatedSum(sql`CASE WHEN state = 'committed' THEN subtotal_minor - discount_minor END`)} AS gmv,
      COUNT(*) FILTER (WHERE state = 'reserved' AND expires_at > ${now}) AS reserved,
      COUNT(*) FILTER (WHERE state = 'committed' AND refunded_at IS NOT NULL) AS refunds,
      ${saturatedSum(sql`CASE WHEN state = 'committed' AND refunded_at IS NOT NULL THEN discount_minor END`)} AS refunded,
      COUNT(*) FILTER (WHERE state = 'committed' AND returned_at IS NOT NULL) AS returned
    FROM redemptions WHERE coupon_id = ${couponId} AND shop_id = ${shopId}`);
  return {
    redemptions: Number(r?.redemptions ?? 0),
    buyers: Number(r?.buyers ?? 0),
    orders: Number(r?.orders ?? 0),
    discount: Number(r?.discount ?? 0),
    gmv: Number(r?.gmv ?? 0),
    reserved: Number(r?.reserved ?? 0),
    refunds: Number(r?.refunds ?? 0),
    refundedDiscount: Number(r?.refunded ?? 0),
    returned: Number(r?.returned ?? 0),
  };
}
