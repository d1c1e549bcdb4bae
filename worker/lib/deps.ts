/**
 * What services run on: plain values and functions, never a Hono `Context` (README "Architecture").
 * A handler builds them once, with `requestDeps(c)`, from what the app was created with, and hands them
 * to the service it calls; only handlers call `requestDeps`.
 */
import type { Context } from "hono";
import type { Db } from "../../db/client.js";
import type { BatchPlan } from "../store/key-check.js";
import { Reads } from "../store/read-cache.js";
import type { AppConfig } from "./config.js";
import type { AppEnv } from "./context.js";
import type { SyncSha256 } from "./crypto.js";
import { confirmKey } from "./planned-caller.js";
import type { GuessLimiter } from "./rate-limit.js";

/**
 * `batchReads`, `keyCheck` and `confirmKey` (store/key-check.ts `BatchPlan`): how the service's reads and
 * writes go to the database, and the caller's key check they carry when the caller was planned.
 */
export interface Deps extends BatchPlan {
  db: Db;
  /**
   * A view of the database's hot reads as of now: through the host's read cache where it has one (Node's
   * local file), else straight to the database. Take a new one after a write that must be seen.
   */
  reads: () => Reads;
  /** Counts failed code look-ups (guessing protection). */
  limiter: GuessLimiter;
  /** Real time in milliseconds (tokens, keys, rate limits); a shop's own clock is the caller's `now`. */
  clock: () => number;
  config: Pick<AppConfig, "failedLookupsPerMinute" | "shopFailedLookupsPerMinute" | "blockedWords">;
  /** The host's synchronous SHA-256, if it has one (else WebCrypto's). */
  sha256?: SyncSha256;
  /** Where the request came from, as only the host knows it (Node: the socket; Workers: `cf-connecting-ip`). */
  clientAddress: () => string | undefined;
  /** Every address a host name resolves to, where the host can tell (Node); see AppConfig. */
  resolveHost?: (host: string) => Promise<string[]>;
  /** Call after any write to a shop's row or keys: this process forgets the keys it resolved for the shop. */
  forgetShop: (shopId: string) => void;
}

export function requestDeps(c: Context<AppEnv>): Deps {
  const { db, config, pendingKey } = c.var;
  return {
    db,
    batchReads: config.oneRoundTrip === true,
    keyCheck: pendingKey ? { hash: pendingKey.hash, shop: pendingKey.planned.shop } : null,
    confirmKey: (found, after) => confirmKey(c, found, after),
    reads: () => config.readCache?.snapshot() ?? Reads.uncached,
    limiter: config.rateLimiter,
    clock: config.now,
    config,
    sha256: config.sha256Hex,
    clientAddress: () => config.clientAddress?.(c),
    forgetShop: (shopId) => config.callerCache?.dropShop(shopId),
    resolveHost: config.resolveHost,
  };
}
