/**
 * Redemptions in the database: a coupon reserved for an order, then committed (paid) or released
 * (cancelled, or not paid within 30 minutes on the shop clock). Each transition is one batch in which the
 * coupon's counters, the claim's state and the redemption row change together or not at all, and every
 * statement is conditional on the state it leaves, so a transition applied twice changes nothing the
 * second time.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { redemptions } from "../../db/schema.js";
import { redemptionMovedStatement } from "./outbox.js";
import { saturatedColumns, saturatedSum } from "./saturated.js";
import { lapsedSql } from "./quote-reads.js";
import { queryRead, writeBatch, type Read, type WritePlan } from "./batch.js";
import { keyGuard } from "./key-check.js";

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
  const any = await db.all<{ one: number }>(lapsedSql(shopId, now));
  if (any.length === 0) return 0;
  return releaseLapsedInShop(db, shopId, now);
}

/** The release of `releaseExpiredInShop` without its probe (the caller's batch already found one). */
export function releaseLapsedInShop(db: Db, shopId: string, now: number): Promise<number> {
  return runBatch(db, releaseStatements(expiredInShop(shopId, now), "expired"));
}

/** One redemption of the shop, as a read for the route's batch (store/batch.ts); never cached. */
export function redemptionRead(db: Db, shopId: string, id: string): Read<RedemptionRow | undefined> {
  const query = () => redemptionRowQuery(db, shopId, id);
  return queryRead(query, (rows) => rows[0]);
}

const redemptionRowQuery = (db: Db, shopId: string, id: string) =>
  db
    .select(redemptionColumns)
    .from(redemptions)
    .where(and(eq(redemptions.id, id), eq(redemptions.shop_id, shopId)))
    .limit(1);

/**
 * Commits or releases one redemption in one batch, and reads it back: the shop's lapsed reservations are
 * released first (R27: one past its 30 minutes is released as expired, not committed), then the
 * transition, each statement conditional on the state it leaves (so twice changes nothing the second
 * time) and, with a key check planned, on the key (store/key-check.ts). The row as it is afterwards, if any.
 */
export async function transitionRedemption(
  db: Db,
  plan: WritePlan,
  shopId: string,
  id: string,
  now: number,
  to: { commit: true } | { release: string },
): Promise<RedemptionRow | undefined> {
  const guard = keyGuard(plan.keyCheck);
  const only = (s: Selection): Selection => ({ where: (t) => sql`${s.where(t)} AND ${guard}`, clock: s.clock });
  const one = only(byId(shopId, id, now));
  const statements = [
    ...releaseStatements(only(expiredInShop(shopId, now)), "expired"),
    ...("commit" in to ? commitStatements(one) : releaseStatements(one, to.release)),
  ];
  const results = await writeBatch(db, plan, [...statements.map((s) => db.run(s)), redemptionRowQuery(db, shopId, id)]);
  return (results[results.length - 1] as RedemptionRow[])[0];
}

/**
 * What an order event moves (R27, R31): payment commits the order's reservation and cancellation releases
 * it, each after the shop's lapsed reservations are released (one past its 30 minutes is released as
 * expired, not committed); a refund marks its committed redemption refunded. Statements for the event's
 * own batch, each also conditional on `guard` (the key check, the event accepted).
 */
export function settleOrderStatements(
  kind: "paid" | "cancelled" | "refunded",
  shopId: string,
  orderId: string,
  now: number,
  guard: SQL,
): SQL[] {
  const only = (s: Selection): Selection => ({ where: (t) => sql`${s.where(t)} AND ${guard}`, clock: s.clock });
  const order = only(byOrder(shopId, orderId, now));
  if (kind === "refunded") return refundStatements(order);
  const lapsed = releaseStatements(only(expiredInShop(shopId, now)), "expired");
  return [...lapsed, ...(kind === "paid" ? commitStatements(order) : releaseStatements(order, "order_cancelled"))];
}

/**
 * R31: a coupon's committed uses (count, distinct buyers and orders, discount, sales), live reservations,
 * and the committed uses refunded afterwards (their count and discount, and how many gave their unit back).
 */
export async function redemptionTotals(db: Db, shopId: string, couponId: string, now: number) {
  return totalsOf(await redemptionTotalsQuery(db, shopId, couponId, now));
}

type TotalsRow = Record<
  "redemptions" | "buyers" | "orders" | "discount" | "gmv" | "reserved" | "refunds" | "refunded" | "returned",
  number
>;

/** `redemptionTotals`' query, to ride in a batch (its one row read by `totalsOf`). */
export const redemptionTotalsQuery = (db: Db, shopId: string, couponId: string, now: number) =>
  db.all<TotalsRow>(sql`
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

export function totalsOf(rows: TotalsRow[]) {
  const r = rows[0];
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
