/**
 * The caller's key checked inside a route's own batch (README "A request at the edge"). Where the
 * database is far (Workers), a route plans with the key's shop as this isolate last saw it and sends the
 * key check with its reads, or as the guard of its write: a write statement guarded by `keyGuard` runs
 * only while the key is active and its shop is still as planned (its settings and test clock), so a
 * request whose key was revoked meanwhile writes nothing, and one planned on old settings writes nothing
 * and is planned again.
 */
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { InStatement, Row } from "@libsql/client";
import { shops } from "../../db/schema.js";
import type { ShopRow } from "../lib/caller.js";
import type { ActiveKey } from "./api-keys.js";

/** What a route's batch checks: the SHA-256 of the caller's key, and its shop as the route planned with it. */
export interface KeyCheck {
  hash: string;
  shop: Pick<ShopRow, "updated_at" | "test_clock_now">;
}

/**
 * How a route's database work is sent: `keyCheck` rides in its first batch (and guards its writes), and
 * `confirmKey` hears what it found (it throws 401 for a key no longer active, or a re-plan for a changed
 * shop). After a write batch (`wrote`) only what `keyGuard` compares can ask for a re-plan: the guard
 * passed exactly when those are as planned, so a write that happened is never made twice.
 * `batchReads`: reads go together in one batch (a remote database) rather than one by one.
 */
export interface BatchPlan {
  batchReads: boolean;
  keyCheck: KeyCheck | null;
  confirmKey(found: ActiveKey | undefined, after?: "read" | "write"): void;
}

const GUARD = `EXISTS (SELECT 1 FROM api_keys gk JOIN shops gs ON gs.id = gk.shop_id WHERE gk.key_hash = ? AND gk.revoked_at IS NULL
  AND gs.updated_at = ? AND gs.test_clock_now IS ?)`;

/** The guard of a write statement (Drizzle SQL), or plain truth when there is no key check. */
export function keyGuard(check: KeyCheck | null): SQL {
  if (!check) return sql`1`;
  return sql`EXISTS (SELECT 1 FROM api_keys gk JOIN shops gs ON gs.id = gk.shop_id WHERE gk.key_hash = ${check.hash}
    AND gk.revoked_at IS NULL AND gs.updated_at = ${check.shop.updated_at} AND gs.test_clock_now IS ${check.shop.test_clock_now})`;
}

/** The same guard as text and arguments, for statements written as fixed texts: ` AND EXISTS (…)`, or nothing. */
export function keyGuardText(check: KeyCheck | null): { sql: string; args: (string | number | null)[] } {
  if (!check) return { sql: "", args: [] };
  return { sql: ` AND ${GUARD}`, args: [check.hash, check.shop.updated_at, check.shop.test_clock_now] };
}

/** The key check as a fixed-text statement (first in a write batch), read back by `activeKeyFromRows`. */
export function activeKeyStatement(hash: string): InStatement {
  return {
    sql: `SELECT k.id AS key_id, k.kind AS key_kind, s.* FROM api_keys k JOIN shops s ON s.id = k.shop_id
      WHERE k.key_hash = ? AND k.revoked_at IS NULL LIMIT 1`,
    args: [hash],
  };
}

const shopColumns = Object.entries(getTableColumns(shops));

export function activeKeyFromRows(rows: Row[]): ActiveKey | undefined {
  const r = rows[0];
  if (!r) return undefined;
  const shop: Record<string, unknown> = {};
  for (const [field, col] of shopColumns) {
    const v = r[col.name];
    shop[field] = v == null ? null : col.mapFromDriverValue(v);
  }
  return { keyId: String(r.key_id), kind: r.key_kind as ActiveKey["kind"], shop: shop as ShopRow };
}
