/**
 * Events are idempotent by id per shop. The event row, the facts it writes and its stored answer go in
 * ONE batch: the row is inserted with a marker only this request knows, every fact statement runs only
 * while that marker is in place (so a concurrent delivery of the same id writes nothing twice), and the
 * last statement swaps the marker for the answer. No half-processed event is ever visible. The same batch
 * reads the event row back, so the answer (this delivery's, or the first one's) needs no read after it.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { randomString } from "../lib/ids.js";
import { queryRead, writeBatch, type Read, type WritePlan } from "./batch.js";
import { orderNotAnotherBuyers } from "./buyer-facts.js";
import { keyGuard, type KeyCheck } from "./key-check.js";

export interface StoredEvent {
  id: string;
  type: string;
  body_hash: string;
  result: unknown;
}

export interface EventClaim {
  shopId: string;
  id: string;
  type: string;
  bodyHash: string;
  now: number;
  /** Unique to this delivery; stored as the result until the batch replaces it. */
  marker: string;
}

export function newEventClaim(shopId: string, id: string, type: string, bodyHash: string, now: number): EventClaim {
  return { shopId, id, type, bodyHash, now, marker: `pending:${randomString(24)}` };
}

/**
 * The event row with this delivery's marker: the batch's driving statement, inserted only while the
 * caller's key holds (store/key-check.ts) and, for a fact about an order, while no other buyer has
 * reported that order (an order id names one buyer's order).
 */
export function insertEventSql(e: EventClaim, check: KeyCheck | null, order?: { orderId: string; buyerId: string }): SQL {
  const buyer = order ? sql` AND ${orderNotAnotherBuyers(e.shopId, order.orderId, order.buyerId)}` : sql``;
  return sql`INSERT INTO events (shop_id, id, type, body_hash, result, created_at)
    SELECT ${e.shopId}, ${e.id}, ${e.type}, ${e.bodyHash}, ${JSON.stringify(e.marker)}, ${e.now} WHERE ${keyGuard(check)}${buyer}
    ON CONFLICT (shop_id, id) DO NOTHING`;
}

/**
 * SQL condition for what settles an event's order: the caller's key holds and the event is recorded with
 * this body, by this delivery or an earlier one (a redelivery settles again; a body reused under the id
 * is refused and settles nothing).
 */
export function settlesOrder(e: EventClaim, check: KeyCheck | null): SQL {
  return sql`${keyGuard(check)} AND EXISTS (SELECT 1 FROM events WHERE shop_id = ${e.shopId} AND id = ${e.id} AND body_hash = ${e.bodyHash})`;
}

/** SQL condition: this delivery inserted the event row (fact statements are guarded by it). */
export function ownsEvent(e: EventClaim): SQL {
  return sql`EXISTS (SELECT 1 FROM events WHERE shop_id = ${e.shopId} AND id = ${e.id} AND result = ${JSON.stringify(e.marker)})`;
}

/** The final statement of the batch: the stored answer, an SQL expression yielding JSON text. */
export function finishEventSql(e: EventClaim, result: SQL): SQL {
  return sql`UPDATE events SET result = (${result}) WHERE shop_id = ${e.shopId} AND id = ${e.id} AND result = ${JSON.stringify(e.marker)}`;
}

type EventRow = { id: string; type: string; body_hash: string; result: string | null };

// `all`, not `get`: Drizzle's `get` of raw SQL fails on zero rows.
const eventQuery = (db: Db, shopId: string, id: string) =>
  db.all<EventRow>(sql`SELECT id, type, body_hash, result FROM events WHERE shop_id = ${shopId} AND id = ${id}`);

function storedEvent(rows: EventRow[]): StoredEvent | undefined {
  const row = rows[0];
  if (!row) return undefined;
  return { id: row.id, type: row.type, body_hash: row.body_hash, result: row.result == null ? null : JSON.parse(row.result) };
}

/** The event as stored, if the shop has received its id: a read for a route's batch (store/batch.ts), never cached. */
export function eventRead(db: Db, shopId: string, id: string): Read<StoredEvent | undefined> {
  const query = () => eventQuery(db, shopId, id);
  return queryRead(query, storedEvent);
}

/**
 * An event's batch (its row, facts, answer, and what settles its order), with the caller's key check first
 * where one is planned (store/batch.ts), and the event row as it is afterwards, read in the same batch.
 */
export async function runEventBatch(db: Db, plan: WritePlan, e: EventClaim, statements: SQL[]): Promise<StoredEvent | undefined> {
  const results = await writeBatch(db, plan, [...statements.map((s) => db.run(s)), eventQuery(db, e.shopId, e.id)]);
  return storedEvent(results[results.length - 1] as EventRow[]);
}
