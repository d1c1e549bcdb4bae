/**
 * The guessing limit on codes (README "Security and durability"): failed look-ups are counted per shop (and
 * per key kind, so public guessing cannot lock out the seller's own server), and past
 * `failedLookupsPerMinute` in a minute the shop's look-ups answer 429 with `Retry-After`. A look-up that
 * finds nothing counts (code-lookup.ts); so does a seller tool answering `promo_code_taken` (preview,
 * availability, and the writes that refuse a taken code), since that answer tells another shop's code
 * exists: counted, a seller cannot map a region's codes through it.
 */
import type { ShopCaller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { ApiError } from "../lib/problem.js";

type Asker = Pick<ShopCaller, "shop" | "kind">;

/** The shop's bucket of failed look-ups for this kind of key. */
export const shopLookupBucket = (caller: Asker) => `shop:${caller.shop.id}:${caller.kind}`;

export const tooManyLookups = (waitSeconds: number) =>
  new ApiError(429, "rate_limited", "Too many codes that do not exist were tried; wait and try again.", undefined, {
    "Retry-After": String(waitSeconds),
  });

/** 429 while the shop's bucket is full; counts nothing (call before looking a code up). */
export async function refuseWhileLimited(deps: Deps, caller: Asker): Promise<void> {
  const wait = await deps.limiter.peek(shopLookupBucket(caller), deps.config.failedLookupsPerMinute, deps.clock());
  if (wait > 0) throw tooManyLookups(wait);
}

/** Counts one failed look-up against the shop (a code not found, or another's code found taken). */
export async function countFailedLookup(deps: Deps, caller: Asker): Promise<void> {
  await deps.limiter.take(shopLookupBucket(caller), deps.config.failedLookupsPerMinute, deps.clock());
}
