/**
 * Console sessions: a secret key opens one (a random token, of which only the SHA-256 is stored), a
 * session ends at sign-out, after 12 idle hours, or when its key is revoked (README "Seller console").
 * Sessions and their rate limit keep real time, never a shop's test clock.
 */
import type { SessionShop, SignInInput } from "../contract/console.js";
import type { Deps } from "../lib/deps.js";
import { SESSION_IDLE_MS } from "../lib/console-session.js";
import { sha256Hex } from "../lib/crypto.js";
import { randomString } from "../lib/ids.js";
import { ApiError } from "../lib/problem.js";
import { serializeShop } from "../contract/shops.js";
import { deleteConsoleSession, openConsoleSession } from "../store/console-sessions.js";

/** Failed sign-ins allowed per client address and minute (a secret key has ~190 random bits; this is hygiene). */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

/** Opens a session for a secret key: the shop, and the token for the cookie (never stored in clear). */
export async function openSession(deps: Deps, input: SignInInput): Promise<SessionShop & { token: string }> {
  const now = deps.clock();
  // Only failures count; a client over its limit is refused even with a right key (no oracle).
  const buckets = [{ key: `console-sign-in:${deps.clientAddress() ?? "unknown"}`, limit: SIGN_IN_ATTEMPTS_PER_MINUTE }];
  const tooMany = (wait: number) =>
    new ApiError(429, "rate_limited", "Too many failed sign-in attempts; wait and try again.", undefined, { "Retry-After": String(wait) });
  const wait = await deps.limiter.known(buckets, now).wait();
  if (wait > 0) throw tooMany(wait);
  if (/^pk_/.test(input.secret_key))
    throw new ApiError(422, "validation_failed", "Sign in with a secret key (sk_…), not a publishable key.", [
      { path: "secret_key", code: "not_a_secret_key", message: "This is a publishable key (pk_…); the console needs a secret key (sk_…)." },
    ]);
  const token = randomString(43); // ~256 bits
  // One batch: the session is written only if the key is an active secret key, and its shop read back.
  const found = await openConsoleSession(deps.db, await sha256Hex(input.secret_key), {
    token_hash: await sha256Hex(token),
    created_at: now,
    last_used_at: now,
    expires_at: now + SESSION_IDLE_MS,
  });
  if (!found) {
    const over = await deps.limiter.countFailure(buckets, now);
    if (over > 0) throw tooMany(over);
    throw new ApiError(401, "unauthorized", "Unknown or revoked secret key.");
  }
  return { shop: serializeShop(found.shop), token };
}

/** Ends the session of this token, if it is still known (signing out twice is fine). */
export async function endSession(deps: Deps, token: string | undefined): Promise<void> {
  if (token !== undefined) await deleteConsoleSession(deps.db, await sha256Hex(token));
}
