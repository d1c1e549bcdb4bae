/**
 * The caller's key checked inside a route's own batch (README "A request at the edge"). Where the
 * database is far (Workers), a route plans with the key's shop as this isolate last saw it and sends the
 * key check with its reads, or as the guard of its write: a write statement guarded by `keyGuard` runs
 * only while the key is active and its shop is still as planned (its settings and test clock), so a
 * request whose key was revoked meanwhile writes nothing, and one planned on old settings writes nothing
 * and is planned again. A console session (README "Seller console") is checked the same way: its row
 * live at the request's time, the secret key it acts as active, its shop as planned.
 */
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { InStatement, Row } from "@libsql/client";
import { shops } from "../../db/schema.js";
import type { Db } from "../../db/client.js";
import type { ShopRow } from "../lib/caller.js";
import { activeKeyQuery, type ActiveKey } from "./api-keys.js";
import { activeSessionQuery } from "./console-sessions.js";
import { fixedSql } from "./statement.js";

/** What a route's batch checks: the SHA-256 of the caller's key, and its shop as the route planned with it. */
export interface KeyCheck {
  hash: string;
  shop: Pick<ShopRow, "updated_at" | "test_clock_now">;
  /** The caller is a console session: `hash` is its token's, and the session must be live at `now` (real time). */
  session?: { now: number };
}

/** The check as a batch item (Drizzle): one row, the caller's key and shop, when it passes. */
export function keyCheckQuery(db: Db, check: KeyCheck) {
  return check.session ? activeSessionQuery(db, check.hash, check.session.now) : activeKeyQuery(db, check.hash);
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

/** A session's guard: the session live at the request's time, its secret key active, its shop as planned. */
const SESSION_GUARD = `EXISTS (SELECT 1 FROM console_sessions gcs JOIN api_keys gk ON gk.id = gcs.key_id JOIN shops gs ON gs.id = gcs.shop_id
  WHERE gcs.token_hash = ? AND gcs.expires_at > ? AND gk.kind = 'secret' AND gk.revoked_at IS NULL
  AND gs.updated_at = ? AND gs.test_clock_now IS ?)`;

/** The guard's one text and its arguments, for both forms below. */
function guardOf(check: KeyCheck): { text: string; args: (string | number | null)[] } {
  const shop = [check.shop.updated_at, check.shop.test_clock_now];
  return check.session
    ? { text: SESSION_GUARD, args: [check.hash, check.session.now, ...shop] }
    : { text: GUARD, args: [check.hash, ...shop] };
}

/** The guard of a write statement (Drizzle SQL), or plain truth when there is no key check. */
export function keyGuard(check: KeyCheck | null): SQL {
  if (!check) return sql`1`;
  const { text, args } = guardOf(check);
  return fixedSql(text, args);
}

/** The same guard as text and arguments, for statements written as fixed texts: ` AND EXISTS (…)`, or nothing. */
export function keyGuardText(check: KeyCheck | null): { sql: string; args: (string | number | null)[] } {
  if (!check) return { sql: "", args: [] };
  const { text, args } = guardOf(check);
  return { sql: ` AND ${text}`, args };
}

/** The key check as a fixed-text statement (first in a write batch), read back by `activeKeyFromRows`. */
export function activeKeyStatement(check: KeyCheck): InStatement {
  if (check.session)
    return {
      sql: `SELECT k.id AS key_id, k.kind AS key_kind, cs.last_used_at AS session_last_used_at, s.* FROM console_sessions cs
        JOIN api_keys k ON k.id = cs.key_id AND k.kind = 'secret' AND k.revoked_at IS NULL JOIN shops s ON s.id = cs.shop_id
        WHERE cs.token_hash = ? AND cs.expires_at > ? LIMIT 1`,
      args: [check.hash, check.session.now],
    };
  return {
    sql: `SELECT k.id AS key_id, k.kind AS key_kind, s.* FROM api_keys k JOIN shops s ON s.id = k.shop_id
      WHERE k.key_hash = ? AND k.revoked_at IS NULL LIMIT 1`,
    args: [check.hash],
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
  const found: ActiveKey = { keyId: String(r.key_id), kind: r.key_kind as ActiveKey["kind"], shop: shop as ShopRow };
  if (r.session_last_used_at != null) found.lastUsedAt = Number(r.session_last_used_at);
  return found;
}
