/**
 * The guessing limit on codes (README "Guessing codes"). Failed look-ups are
 * counted per client — a buyer known by token, else the client's address — and then against the shop's
 * ceiling, far above one client's limit, so one guesser is stopped without stopping the shop; public
 * (publishable-key) guessing and the seller's own server count apart, so a guesser who exhausts the public
 * budget cannot also block the seller's server-side quotes and redemptions. A found code never counts
 * and never waits on the counter (lib/rate-limit.ts). A seller tool answering `promo_code_taken`
 * (preview, availability, and the writes that refuse a taken code) counts as a failed look-up of the
 * asking shop too, since that answer tells another shop's code exists.
 */
import type { ShopCaller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { ApiError } from "../lib/problem.js";
import type { Bucket } from "../lib/rate-limit.js";

type Asker = Pick<ShopCaller, "shop" | "kind">;

function clientKey(deps: Deps, buyerId: string | null): string {
  if (buyerId) return `buyer:${buyerId}`;
  // Only the host knows where a request came from (Node: the socket; Workers: `cf-connecting-ip`, set by
  // Cloudflare). A header read here would let a guesser on Node pick a fresh "address" per request.
  return `addr:${deps.clientAddress() ?? "unknown"}`;
}

/** The counters a failed look-up of this asker counts in: its client's, then its shop's ceiling. */
export function guessBuckets(deps: Deps, caller: Asker, buyerId: string | null): Bucket[] {
  const shopKey = `shop:${caller.shop.id}:${caller.kind}`;
  return [
    { key: `${shopKey}:${clientKey(deps, buyerId)}`, limit: deps.config.failedLookupsPerMinute },
    { key: shopKey, limit: deps.config.shopFailedLookupsPerMinute },
  ];
}

export const tooManyLookups = (waitSeconds: number) =>
  new ApiError(429, "rate_limited", "Too many codes that do not exist were tried; wait and try again.", undefined, {
    "Retry-After": String(waitSeconds),
  });

/** A look-up being watched by the guessing limiter: start it before the read, settle it with what was found. */
export interface GuessWatch {
  /**
   * Throws 429 when the client or shop is known to be over its limit — also for a code that exists, or a
   * blocked guesser could tell hits from refusals — and, for a code not found, counts the failure and
   * throws 429 when that is one too many. A found code never waits on the counter.
   */
  settle(found: boolean): Promise<void>;
}

export function watchGuessing(deps: Deps, caller: Asker, buyerId: string | null): GuessWatch {
  const buckets = guessBuckets(deps, caller, buyerId);
  const real = deps.clock();
  const known = deps.limiter.known(buckets, real);
  return {
    async settle(found) {
      const wait = await known.wait();
      if (wait > 0) throw tooManyLookups(wait);
      if (found) return;
      const over = await deps.limiter.countFailure(buckets, real);
      if (over > 0) throw tooManyLookups(over);
    },
  };
}

/** 429 while the asker is known to be over a limit; counts nothing (call before trying a code the seller chose). */
export async function refuseWhileLimited(deps: Deps, caller: Asker): Promise<void> {
  const wait = await deps.limiter.known(guessBuckets(deps, caller, null), deps.clock()).wait();
  if (wait > 0) throw tooManyLookups(wait);
}

/** Counts one failed look-up of the asker (another shop's code found taken): the seconds to wait when one too many. */
export function countFailedLookup(deps: Deps, caller: Asker): Promise<number> {
  return deps.limiter.countFailure(guessBuckets(deps, caller, null), deps.clock());
}
