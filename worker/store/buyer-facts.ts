/**
 * A buyer's facts at one shop, read from the rows that `POST /v1/events` writes (`orders`, `follows`,
 * `follower_grants`). Segments are never stored: the engine derives them from these facts when asked
 * (R6, R7, R10, R12), so a payment or a follow counts from the very next request.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { REPEAT_WINDOW_MS } from "../engine/segments.js";
import type { BuyerFacts } from "../engine/types.js";
import { queryRead, type Read } from "./batch.js";
import { fixedSql } from "./statement.js";

/**
 * A buyer's facts as three reads, to send with a route's other reads (store/batch.ts): R7 paid orders (an
 * order once paid stays paid; a refund does not make the buyer new again), R10 current follows (an
 * unfollow sets deleted_at), R11 the one follower coupon for life. `buyerFacts` puts them together.
 */
export function buyerFactsReads<B extends string | null>(db: Db, shopId: string, buyerId: B) {
  type Or<T> = B extends string ? Read<T> : null;
  if (buyerId === null)
    return { paid: null, follows: null, grant: null } as {
      paid: Or<readonly number[]>;
      follows: Or<BuyerFacts["follows"]>;
      grant: Or<boolean>;
    };
  return {
    paid: paidOrdersRead(db, shopId, buyerId),
    follows: followsRead(db, shopId, buyerId),
    grant: grantRead(db, shopId, buyerId),
  } as {
    paid: Or<readonly number[]>;
    follows: Or<BuyerFacts["follows"]>;
    grant: Or<boolean>;
  };
}

/** A buyer's facts, read now. */
export async function loadBuyerFacts(db: Db, shopId: string, buyerId: string): Promise<BuyerFacts> {
  const r = buyerFactsReads(db, shopId, buyerId as string);
  const [paid, follows, grant] = await Promise.all([r.paid.load(), r.follows.load(), r.grant.load()]);
  return buyerFacts(buyerId, { paid, follows, grant });
}

export function buyerFacts(
  buyerId: string,
  got: { paid?: readonly number[]; follows?: BuyerFacts["follows"]; grant?: boolean },
): BuyerFacts {
  return { buyer_id: buyerId, paid_order_times: [...(got.paid ?? [])], follows: got.follows ?? [], has_follower_grant: got.grant === true };
}

/** When the buyer's paid orders at the shop were paid (R6, R7). */
export function paidOrdersRead(db: Db, shopId: string, buyerId: string): Read<readonly number[]> {
  return {
    key: `paid:${shopId}:${buyerId}`,
    load: () => paidOrderTimes(db, shopId, buyerId),
    query: () => db.all(paidOrdersSql(shopId, buyerId)),
    map: (rows) => paidTimes(rows as Record<string, unknown>[]),
  };
}

function followsRead(db: Db, shopId: string, buyerId: string): Read<BuyerFacts["follows"]> {
  const query = () =>
    db.all<{ target: "shop" | "live"; followed_at: number }>(sql`SELECT target, followed_at FROM follows
      WHERE shop_id = ${shopId} AND buyer_id = ${buyerId} AND deleted_at IS NULL ORDER BY target`);
  const map = (rows: unknown) =>
    (rows as { target: "shop" | "live"; followed_at: number }[]).map((r) => ({ target: r.target, followed_at: Number(r.followed_at) }));
  return { key: `follows:${shopId}:${buyerId}`, load: async () => map(await query()), query, map };
}

function grantRead(db: Db, shopId: string, buyerId: string): Read<boolean> {
  const query = () =>
    db.all<{ one: number }>(sql`SELECT 1 AS one FROM follower_grants WHERE shop_id = ${shopId} AND buyer_id = ${buyerId}`);
  const map = (rows: unknown) => (rows as unknown[]).length > 0;
  return { key: `grant:${shopId}:${buyerId}`, load: async () => map(await query()), query, map };
}

/** When each of the buyer's paid orders at the shop was paid (R6, R7: what the customer segments derive from). */
export async function paidOrderTimes(db: Db, shopId: string, buyerId: string): Promise<number[]> {
  const rs = await db.$client.execute({ sql: PAID_ORDERS, args: [shopId, buyerId] });
  return paidTimes(rs.rows);
}

const PAID_ORDERS = "SELECT paid_at FROM orders WHERE shop_id = ? AND buyer_id = ? AND paid_at IS NOT NULL ORDER BY paid_at";

/** `paidOrderTimes`'s statement, to ride in a batch (its rows read by `paidTimes`). */
export const paidOrdersSql = (shopId: string, buyerId: string) => fixedSql(PAID_ORDERS, [shopId, buyerId]);

export const paidTimes = (rows: readonly Record<string, unknown>[]): number[] => rows.map((r) => Number(r.paid_at));

/**
 * R6, R7 as a condition of a guarded write, the engine's `matchesCustomerAudience` in SQL: the coupon
 * (alias `c`) has no customer audience, or the buyer is in its segment now — `new`: no paid order at
 * the shop; `existing`: one; `repeat`: two paid at most 90 days apart. Checked by the write itself, so an
 * `order.paid` committed just before a claim or reservation is seen by it, whatever the reads said.
 * `buyer` is a trusted SQL expression naming the buyer (a column such as `k.buyer_id`), never input.
 */
export function customerAudienceHoldsSql(buyer: string): string {
  const paid = (alias: string) =>
    `SELECT 1 FROM orders ${alias} WHERE ${alias}.shop_id = c.shop_id AND ${alias}.buyer_id = ${buyer} AND ${alias}.paid_at IS NOT NULL`;
  return `(c.audience IS NULL OR c.audience NOT IN ('new', 'existing', 'repeat')
    OR (c.audience = 'new' AND NOT EXISTS (${paid("o")}))
    OR (c.audience = 'existing' AND EXISTS (${paid("o")}))
    OR (c.audience = 'repeat' AND EXISTS (${paid("o")} AND EXISTS (SELECT 1 FROM orders p WHERE p.shop_id = o.shop_id
      AND p.buyer_id = o.buyer_id AND p.order_id <> o.order_id AND p.paid_at IS NOT NULL
      AND p.paid_at BETWEEN o.paid_at AND o.paid_at + ${REPEAT_WINDOW_MS}))))`;
}

/**
 * The fact writes of `POST /v1/events`, each one statement that only runs while `guard` holds (the
 * event's own batch, see store/events.ts). `at` is the event's `occurred_at`: it orders facts that
 * arrive out of order and measures gaps (R6's 90 days, R10's window start).
 */
export const factSql = {
  /** The first payment of an order is kept; an order belongs to the buyer who first reported it. */
  orderPaid: (shopId: string, buyerId: string, orderId: string, totalMinor: number, at: number, guard: SQL) =>
    sql`INSERT INTO orders (shop_id, order_id, buyer_id, total_minor, paid_at)
      SELECT ${shopId}, ${orderId}, ${buyerId}, ${totalMinor}, ${at} WHERE ${guard}
      ON CONFLICT (shop_id, order_id) DO UPDATE SET
        paid_at = COALESCE(orders.paid_at, excluded.paid_at),
        total_minor = COALESCE(orders.total_minor, excluded.total_minor)
      WHERE orders.buyer_id = excluded.buyer_id`,
  /** R7: a refund is recorded but the payment stays (the buyer is not new again). Unknown order: no-op. */
  orderRefunded: (shopId: string, buyerId: string, orderId: string, at: number, guard: SQL) =>
    sql`UPDATE orders SET refunded_at = COALESCE(refunded_at, ${at})
      WHERE shop_id = ${shopId} AND order_id = ${orderId} AND buyer_id = ${buyerId} AND ${guard}`,
  orderCancelled: (shopId: string, buyerId: string, orderId: string, at: number, guard: SQL) =>
    sql`UPDATE orders SET cancelled_at = COALESCE(cancelled_at, ${at})
      WHERE shop_id = ${shopId} AND order_id = ${orderId} AND buyer_id = ${buyerId} AND ${guard}`,
  /**
   * A follow begins at `at` unless the buyer already follows (then the earlier start stands) or an
   * unfollow that happened later than `at` is already known (an out-of-order delivery).
   */
  followCreated: (shopId: string, buyerId: string, target: string, at: number, guard: SQL) =>
    sql`INSERT INTO follows (shop_id, buyer_id, target, followed_at, deleted_at)
      SELECT ${shopId}, ${buyerId}, ${target}, ${at}, NULL WHERE ${guard}
      ON CONFLICT (shop_id, buyer_id, target) DO UPDATE SET
        followed_at = CASE WHEN follows.deleted_at IS NULL THEN MIN(follows.followed_at, excluded.followed_at) ELSE excluded.followed_at END,
        deleted_at = NULL
      WHERE follows.deleted_at IS NULL OR follows.deleted_at <= excluded.followed_at`,
  /**
   * An unfollow ends a follow that began at or before `at`. For an unknown follow it leaves an ended row,
   * so a follow.created that happened earlier but arrives later does not revive it.
   */
  followDeleted: (shopId: string, buyerId: string, target: string, at: number, guard: SQL) =>
    sql`INSERT INTO follows (shop_id, buyer_id, target, followed_at, deleted_at)
      SELECT ${shopId}, ${buyerId}, ${target}, ${at}, ${at} WHERE ${guard}
      ON CONFLICT (shop_id, buyer_id, target) DO UPDATE SET deleted_at = excluded.deleted_at
      WHERE follows.deleted_at IS NULL AND follows.followed_at <= excluded.deleted_at`,
};

export type OrderOwner = { buyer_id: string; paid_at: number | null };

/** The buyer an order belongs to, if the shop has reported it (an order id names one buyer's order): a read for a batch. */
export function orderOwnerRead(db: Db, shopId: string, orderId: string): Read<OrderOwner | undefined> {
  const query = () => db.all<OrderOwner>(sql`SELECT buyer_id, paid_at FROM orders WHERE shop_id = ${shopId} AND order_id = ${orderId}`);
  return queryRead(query, (rows) => rows[0]);
}

/**
 * SQL condition: no other buyer has reported this order. An order belongs to the buyer who first reported
 * it and never changes hands (`factSql.orderPaid` keeps its buyer), so once false it stays false.
 */
export const orderNotAnotherBuyers = (shopId: string, orderId: string, buyerId: string): SQL =>
  sql`NOT EXISTS (SELECT 1 FROM orders WHERE shop_id = ${shopId} AND order_id = ${orderId} AND buyer_id <> ${buyerId})`;
