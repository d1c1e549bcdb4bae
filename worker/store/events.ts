/**
 * Events are idempotent by id per shop. The event row, the facts it writes and its stored answer go in
 * ONE batch: the row is inserted with a marker only this request knows, every fact statement runs only
 * while that marker is in place (so a concurrent delivery of the same id writes nothing twice), and the
 * last statement swaps the marker for the answer. No half-processed event is ever visible.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { randomString } from "../lib/ids.js";

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

export function insertEventSql(e: EventClaim): SQL {
  return sql`INSERT INTO events (shop_id, id, type, body_hash, result, created_at)
    VALUES (${e.shopId}, ${e.id}, ${e.type}, ${e.bodyHash}, ${JSON.stringify(e.marker)}, ${e.now})
    ON CONFLICT (shop_id, id) DO NOTHING`;
}

/** SQL condition: this delivery inserted the event row (fact statements are guarded by it). */
export function ownsEvent(e: EventClaim): SQL {
  return sql`EXISTS (SELECT 1 FROM events WHERE shop_id = ${e.shopId} AND id = ${e.id} AND result = ${JSON.stringify(e.marker)})`;
}

/** The final statement of the batch: the stored answer, an SQL expression yielding JSON text. */
export function finishEventSql(e: EventClaim, result: SQL): SQL {
  return sql`UPDATE events SET result = (${result}) WHERE shop_id = ${e.shopId} AND id = ${e.id} AND result = ${JSON.stringify(e.marker)}`;
}

export async function getEvent(db: Db, shopId: string, id: string): Promise<StoredEvent | undefined> {
  // `all`, not `get`: Drizzle's `get` of raw SQL fails on zero rows.
  const [row] = await db.all<{ id: string; type: string; body_hash: string; result: string | null }>(
    sql`SELECT id, type, body_hash, result FROM events WHERE shop_id = ${shopId} AND id = ${id}`,
  );
  if (!row) return undefined;
  return { id: row.id, type: row.type, body_hash: row.body_hash, result: row.result == null ? null : JSON.parse(row.result) };
}
