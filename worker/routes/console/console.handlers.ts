import { deleteCookie } from "hono/cookie";
import { requireSecret } from "../../lib/auth.js";
import { requireOwnOrigin, SESSION_COOKIE, SESSION_IDLE_MS, sessionToken, writeSessionCookie } from "../../lib/console-session.js";
import { requestDeps } from "../../lib/deps.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { endSession, openSession } from "../../services/console-sessions.js";
import { serializeShop } from "../../contract/shops.js";
import type * as routes from "./console.routes.js";

export const signIn: AppRouteHandler<typeof routes.signIn> = async (c) => {
  requireOwnOrigin(c);
  const { shop, token } = await openSession(requestDeps(c), c.req.valid("json"));
  writeSessionCookie(c, token, SESSION_IDLE_MS);
  return c.json({ shop }, 201);
};

export const current: AppRouteHandler<typeof routes.current> = (c) => {
  const seller = requireSecret(c);
  return c.json({ shop: serializeShop(seller.shop) }, 200);
};

export const signOut: AppRouteHandler<typeof routes.signOut> = async (c) => {
  const token = sessionToken(c);
  // Only a request that carries a session can end one, and only from our own origin (no forced sign-out).
  if (token !== undefined) requireOwnOrigin(c);
  await endSession(requestDeps(c), token);
  deleteCookie(c, SESSION_COOKIE, { path: "/v1", httpOnly: true, sameSite: "Strict" });
  return c.body(null, 204);
};
