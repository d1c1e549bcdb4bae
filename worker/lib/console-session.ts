/**
 * Console sessions as a credential (README "Seller console"): a request without `Authorization` that
 * carries the console's session cookie acts as the secret key the session was opened with, on `/v1`
 * routes, and only when it comes from the API's own origin (CSRF: a foreign or missing same-origin
 * signal is 403, whatever the cookie). The cookie holds a random token; the database only its SHA-256.
 */
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { findConsoleSession, touchConsoleSession } from "../store/console-sessions.js";
import type { Caller } from "./caller.js";
import type { AppEnv } from "./context.js";
import { sha256Hex } from "./crypto.js";
import { ApiError } from "./problem.js";

export const SESSION_COOKIE = "ec_console";
/** A session ends after this long without use. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** Uses closer together than this do not rewrite the row (nor the cookie): one write a minute at most. */
export const SESSION_TOUCH_MS = 60 * 1000;

/** The API's own origin as the browser sees it (a TLS-terminating proxy says so in X-Forwarded-Proto). */
export function ownOrigin(c: Context): { origin: string; https: boolean } {
  const url = new URL(c.req.url);
  const forwarded = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const scheme = forwarded === "https" || forwarded === "http" ? forwarded : url.protocol.replace(":", "");
  return { origin: `${scheme}://${url.host}`, https: scheme === "https" };
}

/**
 * Whether the browser says this request comes from a page of our own origin: its `Origin` header names
 * us, or (browsers send no `Origin` on same-origin GETs) `Sec-Fetch-Site` is `same-origin`. A forged
 * header can only come from a client that is not a browser, and such a client has no victim's cookie.
 */
export function fromOwnOrigin(c: Context): boolean {
  const origin = c.req.header("origin");
  if (origin !== undefined) return origin === ownOrigin(c).origin;
  return c.req.header("sec-fetch-site") === "same-origin";
}

export function requireOwnOrigin(c: Context): void {
  if (!fromOwnOrigin(c))
    throw new ApiError(403, "cross_origin_refused", "Console sessions are accepted only from pages of the API's own origin.");
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure over https, for the API's routes only. */
export function writeSessionCookie(c: Context, token: string, maxAgeMs: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: "/v1",
    httpOnly: true,
    sameSite: "Strict",
    secure: ownOrigin(c).https,
    maxAge: Math.max(0, Math.floor(maxAgeMs / 1000)),
  });
}

export const sessionToken = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE) || undefined;

const ownsSessionRoute = (method: string, path: string) =>
  (method === "POST" && path === "/v1/console/sessions") || (method === "DELETE" && path === "/v1/console/sessions/current");

/**
 * The caller a request without `Authorization` acts as: its console session's, or null when it carries no
 * session cookie (`identifyCaller` asks only then, so API calls with a key pay nothing for sessions).
 */
export async function sessionCaller(c: Context<AppEnv>): Promise<Caller | null> {
  const token = sessionToken(c);
  // Signing in takes a key in its body and ignores any old cookie; signing out works on an ended session too.
  if (token === undefined || ownsSessionRoute(c.req.method, c.req.path)) return null;
  requireOwnOrigin(c);
  const db = c.get("db");
  const now = c.get("config").now(); // sessions keep real time, never a shop's test clock
  const hash = await sha256Hex(token);
  const found = await findConsoleSession(db, hash, now);
  if (!found) throw new ApiError(401, "session_expired", "The console session has ended; sign in again.");
  if (now - found.session.last_used_at >= SESSION_TOUCH_MS) {
    await touchConsoleSession(db, hash, now, now + SESSION_IDLE_MS);
    writeSessionCookie(c, token, SESSION_IDLE_MS);
  }
  return { kind: "secret", keyId: found.session.key_id, shop: found.shop };
}
