/**
 * A shop's API keys after creation: list, add, revoke. Revoking is one conditional UPDATE, so "a shop
 * keeps at least one active secret key" holds even when two revocations race (SQLite runs the statement,
 * its sub-select included, under the one write lock). The audit entry rides in the same batch, and so
 * does the caller's key check where the database is far (README "A request at the edge"): the write is
 * guarded by it (store/key-check.ts), so a key revoked meanwhile adds or revokes nothing.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { apiKeys, shops } from "../../db/schema.js";
import type { ShopRow } from "../lib/caller.js";
import { auditInsertSql } from "./audit.js";
import { UNCHECKED, writeBatch, type WritePlan } from "./batch.js";
import { keyGuard } from "./key-check.js";
import { shopRowsByRowid } from "./rowid-pages.js";
import { apiKeyRow, newApiKey } from "./shops.js";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function createApiKey(
  db: Db,
  shop: { id: string; mode: "test" | "live" },
  kind: "secret" | "publishable",
  actor: string,
  now: number,
  plan: WritePlan = UNCHECKED,
): Promise<{ row: ApiKeyRow; secret: string }> {
  const secret = newApiKey(kind, shop.mode);
  const row = await apiKeyRow(shop.id, kind, secret, now);
  const written = sql`EXISTS (SELECT 1 FROM api_keys WHERE id = ${row.id})`;
  const [inserted] = (await writeBatch(db, plan, [
    db.run(sql`INSERT INTO api_keys (id, shop_id, kind, key_hash, key_hint, created_at, revoked_at)
      SELECT ${row.id}, ${row.shop_id}, ${row.kind}, ${row.key_hash}, ${row.key_hint}, ${row.created_at}, NULL
      WHERE ${keyGuard(plan.keyCheck)}`),
    db.run(
      auditInsertSql(
        { shop_id: shop.id, coupon_id: null, action: "key_created", actor, at: now, changes: { key_id: row.id, kind } },
        written,
      ),
    ),
  ])) as { rowsAffected: number }[];
  // A refused guard has already been answered by `confirmKey` (401, or the request planned again).
  if (inserted.rowsAffected !== 1) throw new Error("the key was not written although its guard passed");
  // No column has a database default: the row written is exactly `row`.
  return { row, secret };
}

/** A page of the shop's keys, newest first (store/rowid-pages.ts). */
export const keyPageRead = (db: Db, shopId: string, limit: number, before: number | null) =>
  shopRowsByRowid(db, apiKeys, shopId, limit, before);

export async function getApiKey(db: Db, shopId: string, id: string): Promise<ApiKeyRow | undefined> {
  return (
    await db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.shop_id, shopId), eq(apiKeys.id, id)))
      .limit(1)
  )[0];
}

export type RevokeOutcome =
  | { ok: true; row: ApiKeyRow }
  | { ok: false; why: "not_found" | "last_secret_key" | "already_revoked"; row?: ApiKeyRow };

export async function revokeApiKey(
  db: Db,
  shopId: string,
  id: string,
  actor: string,
  now: number,
  plan: WritePlan = UNCHECKED,
): Promise<RevokeOutcome> {
  // The guard: a secret key is revoked only while another active secret key of the shop remains (and,
  // with a key check planned, while the caller's key is active and its shop as planned).
  const guard = sql`${apiKeys.shop_id} = ${shopId} AND ${apiKeys.id} = ${id} AND ${apiKeys.revoked_at} IS NULL
    AND (${apiKeys.kind} <> 'secret' OR (SELECT COUNT(*) FROM api_keys k2
      WHERE k2.shop_id = ${shopId} AND k2.kind = 'secret' AND k2.revoked_at IS NULL) > 1) AND ${keyGuard(plan.keyCheck)}`;
  const [updated] = (await writeBatch(db, plan, [
    db.update(apiKeys).set({ revoked_at: now }).where(guard).returning(),
    db.run(
      auditInsertSql(
        { shop_id: shopId, coupon_id: null, action: "key_revoked", actor, at: now, changes: { key_id: id } },
        sql`changes() = 1`,
      ),
    ),
  ])) as [ApiKeyRow[], unknown];
  if (updated[0]) return { ok: true, row: updated[0] };
  const row = await getApiKey(db, shopId, id);
  if (!row) return { ok: false, why: "not_found" };
  if (row.revoked_at != null) return { ok: false, why: "already_revoked", row };
  return { ok: false, why: "last_secret_key", row };
}

/** An active (not revoked) key: its id, kind and shop. */
export interface ActiveKey {
  keyId: string;
  kind: ApiKeyRow["kind"];
  shop: ShopRow;
  /** When the check was a console session's (store/console-sessions.ts): the session's last use. */
  lastUsedAt?: number;
}

/** The shop and kind of an active (not revoked) key, by the SHA-256 of the key. */
export async function findActiveKey(db: Db, keyHash: string): Promise<ActiveKey | undefined> {
  return (await activeKeyQuery(db, keyHash))[0];
}

/** The query behind `findActiveKey`, to ride in a route's batch (README "A request at the edge"). */
export function activeKeyQuery(db: Db, keyHash: string) {
  return db
    .select({ keyId: apiKeys.id, kind: apiKeys.kind, shop: shops })
    .from(apiKeys)
    .innerJoin(shops, eq(shops.id, apiKeys.shop_id))
    .where(and(eq(apiKeys.key_hash, keyHash), isNull(apiKeys.revoked_at)))
    .limit(1);
}
