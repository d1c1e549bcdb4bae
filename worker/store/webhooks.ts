/**
 * Webhook endpoints and their delivery rows: the seller's routes (create, list, delete, deliveries,
 * retry). The rows themselves are written by the changes' batches (store/outbox.ts) and sent by the
 * delivery worker (store/webhook-leases.ts). Each route's reads are `Read`s for `readAll` and its write
 * one batch guarded by the caller's key check where the database is far (README "A request at the edge").
 */
import { and, desc, eq, inArray, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { webhookDeliveries, webhookEndpoints } from "../../db/schema.js";
import { auditInsertSql } from "./audit.js";
import { queryRead, rowsRead, UNCHECKED, writeBatch, type Read, type WritePlan } from "./batch.js";
import { keyGuard } from "./key-check.js";
import { shopRowsByRowid } from "./rowid-pages.js";

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/**
 * The endpoint and its subscriptions in one batch, only while the shop has fewer than `max` endpoints
 * (a conditional INSERT, so two creations racing for the last place cannot both win). False when full.
 * The other statements follow the INSERT (`written`), which also needs the caller's key check to pass.
 */
export async function insertEndpointGuarded(
  db: Db,
  row: EndpointRow,
  max: number,
  actor: string,
  plan: WritePlan = UNCHECKED,
): Promise<boolean> {
  const written = sql`EXISTS (SELECT 1 FROM webhook_endpoints WHERE id = ${row.id})`;
  const [inserted] = (await writeBatch(db, plan, [
    db.run(sql`INSERT INTO webhook_endpoints (id, shop_id, url, events, secret, created_at)
      SELECT ${row.id}, ${row.shop_id}, ${row.url}, ${JSON.stringify(row.events)}, ${row.secret}, ${row.created_at}
      WHERE (SELECT count(*) FROM webhook_endpoints WHERE shop_id = ${row.shop_id}) < ${max} AND ${keyGuard(plan.keyCheck)}`),
    db.run(sql`INSERT INTO webhook_subscriptions (shop_id, type, endpoint_id)
      SELECT ${row.shop_id}, value, ${row.id} FROM json_each(${JSON.stringify(row.events)}) WHERE ${written}`),
    db.run(
      auditInsertSql(
        {
          shop_id: row.shop_id,
          coupon_id: null,
          action: "webhook_endpoint_created",
          actor,
          at: row.created_at,
          changes: { endpoint_id: row.id, url: row.url, events: row.events },
        },
        written,
      ),
    ),
  ])) as { rowsAffected: number }[];
  return inserted.rowsAffected === 1;
}

/** A page of the shop's endpoints, newest first (store/rowid-pages.ts). */
export const endpointPageRead = (db: Db, shopId: string, limit: number, before: number | null) =>
  shopRowsByRowid(db, webhookEndpoints, shopId, limit, before);

/** One endpoint of the shop. */
export function endpointRead(db: Db, shopId: string, id: string): Read<EndpointRow | undefined> {
  return queryRead(
    () =>
      db
        .select()
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.shop_id, shopId), eq(webhookEndpoints.id, id)))
        .limit(1),
    (rows) => rows[0],
  );
}

/**
 * The endpoint, its subscriptions and its delivery rows go in one batch: from its COMMIT on, no change
 * records an event for it and the worker finds nothing of it to send (a delivery in flight then finds no
 * row to record its answer in). Returns the deleted endpoint, or undefined if there was none.
 * Every statement carries the caller's key check (`guard`): a refused one deletes nothing at all.
 */
export async function deleteEndpoint(
  db: Db,
  shopId: string,
  id: string,
  actor: string,
  now: number,
  plan: WritePlan = UNCHECKED,
): Promise<EndpointRow | undefined> {
  const guard = keyGuard(plan.keyCheck);
  const [, deleted] = (await writeBatch(db, plan, [
    db.run(
      auditInsertSql(
        { shop_id: shopId, coupon_id: null, action: "webhook_endpoint_deleted", actor, at: now, changes: { endpoint_id: id } },
        sql`EXISTS (SELECT 1 FROM webhook_endpoints WHERE shop_id = ${shopId} AND id = ${id}) AND ${guard}`,
      ),
    ),
    db
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.shop_id, shopId), eq(webhookEndpoints.id, id), guard))
      .returning(),
    db.run(sql`DELETE FROM webhook_subscriptions WHERE shop_id = ${shopId} AND endpoint_id = ${id} AND ${guard}`),
    db.run(sql`DELETE FROM webhook_deliveries WHERE shop_id = ${shopId} AND endpoint_id = ${id} AND ${guard}`),
  ])) as [unknown, EndpointRow[], ...unknown[]];
  return deleted[0];
}

/** A page of an endpoint's deliveries, newest first (by `seq`, the order the events were written in). */
export function deliveryPageRead(db: Db, shopId: string, endpointId: string, limit: number, before: number | null): Read<DeliveryRow[]> {
  const where = [eq(webhookDeliveries.shop_id, shopId), eq(webhookDeliveries.endpoint_id, endpointId)];
  if (before != null) where.push(lt(webhookDeliveries.seq, before));
  return rowsRead(() =>
    db
      .select()
      .from(webhookDeliveries)
      .where(and(...where))
      .orderBy(desc(webhookDeliveries.seq))
      .limit(limit),
  );
}

/**
 * A manual retry: the delivery is due at once (`now`, the shop clock), whatever its status. Its 24-hour
 * window does not start again: past it, a failed retry is `failed` at once. Undefined if there is no such
 * delivery in the shop. Both statements carry the caller's key check (`now` is its planned shop clock).
 */
export async function retryDeliveryRow(
  db: Db,
  shopId: string,
  id: string,
  now: number,
  plan: WritePlan = UNCHECKED,
): Promise<DeliveryRow | undefined> {
  const guard = keyGuard(plan.keyCheck);
  const [rows] = (await writeBatch(db, plan, [
    db
      .update(webhookDeliveries)
      .set({ status: "pending", next_attempt_at: now })
      .where(and(eq(webhookDeliveries.shop_id, shopId), eq(webhookDeliveries.id, id), guard))
      .returning(),
    // The seller asks for it now: the endpoint's rest after a failure does not hold it back.
    db.run(sql`UPDATE webhook_endpoints SET paused_until = NULL
      WHERE id = (SELECT endpoint_id FROM webhook_deliveries WHERE shop_id = ${shopId} AND id = ${id}) AND ${guard}`),
  ])) as [DeliveryRow[], unknown];
  return rows[0];
}

/**
 * Deletes up to `max` settled deliveries (succeeded or failed) whose delivery window ended before `before`,
 * oldest first; a pending one is never deleted. Answers how many went.
 */
export async function deleteSettledDeliveries(db: Db, before: number, max: number): Promise<number> {
  const old = db
    .select({ seq: webhookDeliveries.seq })
    .from(webhookDeliveries)
    .where(and(ne(webhookDeliveries.status, "pending"), lt(webhookDeliveries.expires_at, before)))
    .orderBy(webhookDeliveries.seq)
    .limit(max);
  const res = await db.delete(webhookDeliveries).where(inArray(webhookDeliveries.seq, old));
  return res.rowsAffected;
}
