/**
 * The caller's key checked inside a route's own first batch (README "A request at the edge"). Where the
 * database is a network round trip away (Workers), a route whose handler is marked `keyCheckedInBatch`
 * does not resolve its key before it runs: it plans with the key's shop as this isolate last saw it
 * (`CallerCache.plan`), its first batch carries the key check (store/key-check.ts), and `confirmKey` hears
 * the answer before anything the key gated is used — 401 for a key no longer active, or the request
 * planned again when the shop changed (new settings, a new test clock). A request that fails before its
 * batch (validation, a bad buyer token, a known guesser) has its key checked by `onError` first, so an
 * unknown key is still answered 401 ahead of any other problem, as when the key is resolved up front.
 */
import type { Context } from "hono";
import { matchedRoutes } from "hono/route";
import { findActiveKey, type ActiveKey } from "../store/api-keys.js";
import type { Caller } from "./caller.js";
import type { AppEnv } from "./context.js";
import { ApiError } from "./problem.js";

type KeyCaller = Exclude<Caller, { kind: "admin" }>;

/** A key planned with but not yet checked by this request. */
export interface PendingKey {
  token: string;
  hash: string;
  planned: KeyCaller;
  confirmed: boolean;
  /** The cache's epoch when the request began (a shop dropped since must not be stored again). */
  epoch: number;
}

const marked = new WeakSet<object>();

/** Marks a handler whose service sends the caller's key check in its first batch (through `withCaller`). */
export function keyCheckedInBatch<H extends object>(handler: H): H {
  marked.add(handler);
  return handler;
}

/**
 * Whether the route that will answer this request is marked `keyCheckedInBatch`. Several routes may match
 * a path (`/v1/promo-codes/availability` also matches `/v1/promo-codes/{code}`): the one that answers is
 * the first handler in match order, told from the middleware (app-wide, and each route's validators) by
 * taking no `next` — a route's handler takes only the context.
 */
export function checksKeyInBatch(c: Context<AppEnv>): boolean {
  const answering = matchedRoutes(c).find((r) => r.handler.length < 2);
  return answering !== undefined && marked.has(answering.handler);
}

export const unknownKey = () => new ApiError(401, "unauthorized", "Unknown or revoked API key.");

/** Thrown by `confirmKey` when the key's shop changed since the request was planned: `withCaller` plans again. */
export class CallerChanged extends Error {}

/**
 * Whether the request may go on as planned. After a read, the whole shop row must be as planned; after a
 * write, what its guard compared (store/key-check.ts), since the write happened exactly when those held.
 */
function asPlanned(a: KeyCaller, b: KeyCaller, after: "read" | "write"): boolean {
  if (a.keyId !== b.keyId || a.kind !== b.kind) return false;
  if (after === "write") return a.shop.updated_at === b.shop.updated_at && a.shop.test_clock_now === b.shop.test_clock_now;
  return JSON.stringify(a.shop) === JSON.stringify(b.shop);
}

/** Hears what a batch found for the pending key (see the top of this file). */
export function confirmKey(c: Context<AppEnv>, found: ActiveKey | undefined, after: "read" | "write" = "read"): void {
  const pending = c.var.pendingKey;
  if (!pending) return;
  const cache = c.var.config.callerCache;
  if (!found) {
    cache?.forget(pending.token);
    c.set("caller", null);
    c.set("pendingKey", undefined);
    throw unknownKey();
  }
  const fresh: KeyCaller = { kind: found.kind, keyId: found.keyId, shop: found.shop };
  cache?.set(pending.token, pending.hash, fresh, c.var.config.now(), pending.epoch);
  c.set("caller", fresh);
  if (!asPlanned(pending.planned, fresh, after)) {
    pending.planned = fresh;
    pending.confirmed = false;
    throw new CallerChanged("the key's shop changed since the request was planned");
  }
  pending.confirmed = true;
}

/** The pending key, checked now (one round trip) unless a batch did: false when it is not active. */
export async function checkPendingKey(c: Context<AppEnv>): Promise<boolean> {
  const pending = c.var.pendingKey;
  if (!pending || pending.confirmed) return true;
  try {
    confirmKey(c, await findActiveKey(c.var.db, pending.hash));
  } catch (err) {
    if (err instanceof CallerChanged) {
      pending.confirmed = true;
      return true;
    }
    if (err instanceof ApiError && err.status === 401) return false;
    throw err;
  }
  return true;
}

/**
 * The pending key checked now (one round trip) and the plan dropped, so what follows runs as when the
 * key is resolved first: a CSV download, whose pages are read after the answer has begun, when a key
 * check failing in a later page could only cut the file short.
 */
export async function resolvePendingKey(c: Context<AppEnv>): Promise<void> {
  if (!(await checkPendingKey(c))) throw unknownKey();
  c.set("pendingKey", undefined);
}
