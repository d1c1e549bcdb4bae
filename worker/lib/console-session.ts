/**
 * Console sessions as a credential (README "Seller console"): a request without `Authorization` that
 * carries the console's session cookie acts as the secret key the session was opened with, on `/v1`
 * routes, and only when it comes from the API's own origin (CSRF: a foreign or missing same-origin
 * signal is 403, whatever the cookie). The cookie holds a random token; the database only its SHA-256.
 *
 * Where the database is far (Workers), a route that checks its caller in its own first batch
 * (lib/planned-caller.ts) does not resolve a session this isolate has seen before: it plans with the
 * session's key and shop as last seen, and its batch checks the session live (not idle past its expiry,
 * not signed out, its key not revoked) and its shop as planned, so the request costs the route's round
 * trips alone; the sliding refresh, due once a minute, is one write after the route.
 */
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { findConsoleSession, touchConsoleSession } from "../store/console-sessions.js";
import type { Caller } from "./caller.js";
import type { AppEnv } from "./context.js";
import { sha256Hex } from "./crypto.js";
import { checksKeyInBatch, sessionEnded } from "./planned-caller.js";
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
  const config = c.get("config");
  const now = config.now(); // sessions keep real time, never a shop's test clock
  const cache = config.oneRoundTrip ? config.callerCache : undefined;
  // Kept beside the bearer keys: a cookie's token never has a key's shape, so the two cannot meet.
  const cached = `session:${token}`;
  const epoch = cache?.epoch() ?? 0;
  const planned = checksKeyInBatch(c) ? cache?.plan(cached) : undefined;
  if (planned) {
    // The route's batch checks the session and tells its last use; `slidePlannedSession` follows the route.
    const session: { now: number; lastUsedAt?: number } = { now };
    c.set("pendingKey", { token: cached, hash: planned.hash, planned: planned.caller, confirmed: false, epoch, session });
    return planned.caller;
  }
  const hash = await sha256Hex(token);
  const found = await findConsoleSession(db, hash, now);
  if (!found) throw sessionEnded();
  if (now - found.session.last_used_at >= SESSION_TOUCH_MS) await slide(c, hash, token, now);
  const caller = { kind: "secret" as const, keyId: found.session.key_id, shop: found.shop };
  cache?.set(cached, hash, caller, now, epoch);
  return caller;
}

/** After the route: a planned session's sliding refresh, when the route's batch found the session live and due. */
export async function slidePlannedSession(c: Context<AppEnv>): Promise<void> {
  const pending = c.get("pendingKey");
  const session = pending?.session;
  if (!pending || !session || session.lastUsedAt === undefined || session.now - session.lastUsedAt < SESSION_TOUCH_MS) return;
  const token = sessionToken(c);
  if (token !== undefined) await slide(c, pending.hash, token, session.now);
}

/** The session's idle expiry moved forward, in the database and in the browser's cookie. */
async function slide(c: Context<AppEnv>, hash: string, token: string, now: number): Promise<void> {
  await touchConsoleSession(c.get("db"), hash, now, now + SESSION_IDLE_MS);
  writeSessionCookie(c, token, SESSION_IDLE_MS);
}
