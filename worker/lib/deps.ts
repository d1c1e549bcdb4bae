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
  return new RequestDeps(c);
}

/**
 * `Deps` for one request. Its functions are methods on the prototype, not closures made per request:
 * every route builds one, and under tsx (`npm start`) each closure made also pays esbuild's name-keeping
 * call (bench/notes.md). Invariant: nothing reads these methods off the object to call later unbound —
 * services call them as `deps.x()`, and store/batch.ts as `plan.confirmKey()`.
 */
class RequestDeps implements Deps {
  readonly db: Db;
  readonly batchReads: boolean;
  readonly keyCheck: Deps["keyCheck"];
  readonly limiter: GuessLimiter;
  readonly clock: () => number;
  readonly config: AppConfig;
  readonly sha256?: SyncSha256;
  readonly resolveHost?: (host: string) => Promise<string[]>;

  constructor(private readonly c: Context<AppEnv>) {
    const db = c.get("db");
    const config = c.get("config");
    const pendingKey = c.get("pendingKey");
    this.db = db;
    this.batchReads = config.oneRoundTrip === true;
    // A key this request has already checked is not checked again (a CSV download's later pages).
    this.keyCheck =
      pendingKey && !pendingKey.confirmed
        ? { hash: pendingKey.hash, shop: pendingKey.planned.shop, session: pendingKey.session && { now: pendingKey.session.now } }
        : null;
    this.limiter = config.rateLimiter;
    this.clock = config.now;
    this.config = config;
    this.sha256 = config.sha256Hex;
    this.resolveHost = config.resolveHost;
  }

  confirmKey(found: Parameters<Deps["confirmKey"]>[0], after?: "read" | "write"): void {
    confirmKey(this.c, found, after);
  }

  reads(): Reads {
    return this.config.readCache?.snapshot() ?? Reads.uncached;
  }

  clientAddress(): string | undefined {
    return this.config.clientAddress?.(this.c);
  }

  forgetShop(shopId: string): void {
    this.config.callerCache?.dropShop(shopId);
  }
}
