/**
 * A shop's API keys: create (the secret shown once), list, revoke. Keys are credentials, so their times
 * are real time, never the shop's test clock. A revocation also makes this process forget the keys it
 * resolved for the shop (lib/caller-cache.ts), so the revoked key stops working here at once. Each route
 * is one round trip where the database is far: its read or guarded write carries the key check.
 */
import { serializeKey, type ApiKey, type CreateKeyInput, type KeyListInput } from "../contract/keys.js";
import type { Seller } from "../lib/caller.js";
import { decodeCursor, encodeCursor } from "../lib/cursor.js";
import type { Deps } from "../lib/deps.js";
import { ApiError, notFound } from "../lib/problem.js";
import { createApiKey, keyPageRead, revokeApiKey } from "../store/api-keys.js";
import { readAll } from "../store/batch.js";

export async function createKey(deps: Deps, seller: Seller, input: CreateKeyInput): Promise<{ key: ApiKey; secret: string }> {
  const { row, secret } = await createApiKey(deps.db, seller.shop, input.kind, seller.keyId, deps.clock(), deps);
  return { key: serializeKey(row), secret };
}

export async function listKeys(deps: Deps, seller: Seller, q: KeyListInput): Promise<{ data: ApiKey[]; next_cursor: string | null }> {
  const { rows } = await readAll(deps.db, deps.reads(), deps, {
    rows: keyPageRead(deps.db, seller.shop.id, q.limit + 1, decodeCursor(q.cursor)),
  });
  const page = rows.slice(0, q.limit);
  return { data: page.map(serializeKey), next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].pos) : null };
}

/** Revoking a revoked key answers it unchanged; the shop's last active secret key is never revoked (409). */
export async function revokeKey(deps: Deps, seller: Seller, id: string): Promise<{ key: ApiKey }> {
  const out = await revokeApiKey(deps.db, seller.shop.id, id, seller.keyId, deps.clock(), deps);
  deps.forgetShop(seller.shop.id);
  if (out.ok || out.why === "already_revoked") return { key: serializeKey(out.row!) };
  if (out.why === "last_secret_key")
    throw new ApiError(409, "last_secret_key", "This is the shop's only active secret key; create another before revoking it.");
  throw notFound("key");
}
