/** Seller console sessions: rows keyed by the SHA-256 of the cookie's token (never the token itself). */
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { apiKeys, consoleSessions, shops } from "../../db/schema.js";
import type { ShopRow } from "../lib/caller.js";

export type ConsoleSessionRow = typeof consoleSessions.$inferSelect;

/**
 * Opens a session for the secret key with this hash, in one batch (one round trip at the edge): sessions
 * that expired long ago are tidied, the session is inserted only if the key is an active secret key (the
 * `INSERT … SELECT` is the check, so a key revoked meanwhile opens nothing), and the key's shop is read
 * back. Undefined, with nothing written, when the key is not an active secret key.
 */
export async function openConsoleSession(
  db: Db,
  keyHash: string,
  session: Pick<ConsoleSessionRow, "token_hash" | "created_at" | "last_used_at" | "expires_at">,
): Promise<{ keyId: string; shop: ShopRow } | undefined> {
  const [, , found] = await db.batch([
    db.delete(consoleSessions).where(lt(consoleSessions.expires_at, session.created_at)),
    db.run(sql`INSERT INTO console_sessions (token_hash, shop_id, key_id, created_at, last_used_at, expires_at)
      SELECT ${session.token_hash}, k.shop_id, k.id, ${session.created_at}, ${session.last_used_at}, ${session.expires_at}
      FROM api_keys k WHERE k.key_hash = ${keyHash} AND k.kind = 'secret' AND k.revoked_at IS NULL`),
    secretKeyQuery(db, keyHash),
  ]);
  return found[0];
}

/**
 * The live session for a token hash with its shop, or undefined when it is unknown, expired, or the
 * secret key it was opened with has been revoked since.
 */
export async function findConsoleSession(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<{ session: ConsoleSessionRow; shop: ShopRow } | undefined> {
  const rows = await db
    .select({ session: consoleSessions, shop: shops })
    .from(consoleSessions)
    .innerJoin(shops, eq(shops.id, consoleSessions.shop_id))
    .innerJoin(apiKeys, and(eq(apiKeys.id, consoleSessions.key_id), eq(apiKeys.kind, "secret"), isNull(apiKeys.revoked_at)))
    .where(and(eq(consoleSessions.token_hash, tokenHash), gt(consoleSessions.expires_at, now)))
    .limit(1);
  return rows[0];
}

/**
 * A live session's check as a route's batch carries it (store/key-check.ts), shaped as a key check's
 * answer: the secret key it acts as and its shop, with the session's last use (for its sliding refresh).
 * Live as `findConsoleSession` judges it: not expired at `now`, its secret key not revoked.
 */
export function activeSessionQuery(db: Db, tokenHash: string, now: number) {
  return db
    .select({ keyId: apiKeys.id, kind: apiKeys.kind, shop: shops, lastUsedAt: consoleSessions.last_used_at })
    .from(consoleSessions)
    .innerJoin(shops, eq(shops.id, consoleSessions.shop_id))
    .innerJoin(apiKeys, and(eq(apiKeys.id, consoleSessions.key_id), eq(apiKeys.kind, "secret"), isNull(apiKeys.revoked_at)))
    .where(and(eq(consoleSessions.token_hash, tokenHash), gt(consoleSessions.expires_at, now)))
    .limit(1);
}

/** Slides a live session's idle expiry forward; a session that expired meanwhile stays expired. */
export async function touchConsoleSession(db: Db, tokenHash: string, now: number, expiresAt: number): Promise<void> {
  await db
    .update(consoleSessions)
    .set({ last_used_at: now, expires_at: expiresAt })
    .where(and(eq(consoleSessions.token_hash, tokenHash), gt(consoleSessions.expires_at, now)));
}

export async function deleteConsoleSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(consoleSessions).where(eq(consoleSessions.token_hash, tokenHash));
}

/** The active secret key with this hash, and its shop (signing in). */
/** The active secret key with this hash and its shop (at most one row). */
function secretKeyQuery(db: Db, keyHash: string) {
  return db
    .select({ keyId: apiKeys.id, shop: shops })
    .from(apiKeys)
    .innerJoin(shops, eq(shops.id, apiKeys.shop_id))
    .where(and(eq(apiKeys.key_hash, keyHash), eq(apiKeys.kind, "secret"), isNull(apiKeys.revoked_at)))
    .limit(1);
}
