import { deleteCookie } from "hono/cookie";
import { requireSecret } from "../../lib/auth.js";
import {
  requireOwnOrigin,
  SESSION_COOKIE,
  SESSION_IDLE_MS,
  sessionToken,
  writeSessionCookie,
} from "../../lib/console-session.js";
import { sha256Hex } from "../../lib/crypto.js";
import { randomString } from "../../lib/ids.js";
import { ApiError } from "../../lib/problem.js";
import type { AppRouter } from "../../lib/router.js";
import { deleteConsoleSession, findSecretKey, insertConsoleSession } from "../../store/console-sessions.js";
import { serializeShop } from "../shops/shops.handlers.js";
import * as routes from "./console-sessions.routes.js";

/** Failed sign-ins allowed per client address and minute (a secret key has ~190 random bits; this is hygiene). */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

export function registerConsoleSessionRoutes(app: AppRouter) {
  app.openapi(routes.signIn, async (c) => {
    requireOwnOrigin(c);
    const config = c.get("config");
    const now = config.now();
    const limitKey = `console-sign-in:${config.clientAddress?.(c) ?? "unknown"}`;
    const wait = await config.rateLimiter.take(limitKey, SIGN_IN_ATTEMPTS_PER_MINUTE, now);
    if (wait > 0)
      throw new ApiError(429, "rate_limited", "Too many failed sign-in attempts; wait and try again.", undefined, { "Retry-After": String(wait) });
    const { secret_key } = c.req.valid("json");
    if (/^pk_/.test(secret_key))
      throw new ApiError(422, "validation_failed", "Sign in with a secret key (sk_…), not a publishable key.", [
        { path: "secret_key", code: "not_a_secret_key", message: "This is a publishable key (pk_…); the console needs a secret key (sk_…)." },
      ]);
    const found = await findSecretKey(c.get("db"), await sha256Hex(secret_key));
    if (!found) throw new ApiError(401, "unauthorized", "Unknown or revoked secret key.");
    await config.rateLimiter.refund(limitKey, now); // only failures count
    const token = randomString(43); // ~256 bits
    await insertConsoleSession(c.get("db"), {
      token_hash: await sha256Hex(token),
      shop_id: found.shop.id,
      key_id: found.keyId,
      created_at: now,
      last_used_at: now,
      expires_at: now + SESSION_IDLE_MS,
    });
    writeSessionCookie(c, token, SESSION_IDLE_MS);
    return c.json({ shop: serializeShop(found.shop) }, 201);
  });

  app.openapi(routes.currentSession, (c) => {
    const { shop } = requireSecret(c);
    return c.json({ shop: serializeShop(shop) }, 200);
  });

  app.openapi(routes.signOut, async (c) => {
    requireOwnOrigin(c);
    const token = sessionToken(c);
    if (token !== undefined) await deleteConsoleSession(c.get("db"), await sha256Hex(token));
    deleteCookie(c, SESSION_COOKIE, { path: "/v1", httpOnly: true, sameSite: "Strict" });
    return c.body(null, 204);
  });
}
