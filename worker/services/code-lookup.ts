/**
 * Resolving a typed promo code, with guessing protection: failed look-ups are rate limited per shop and
 * per buyer or client address (429 with Retry-After); codes found never count. To a publishable-key
 * caller an unknown, ended, deactivated or not-yet-started code are all the same `code_not_found`, so
 * the public API cannot be used to map a shop's codes; a secret-key caller sees the true status.
 */
import type { Db } from "../../db/client.js";
import { normalizeCode } from "../engine/promo-code.js";
import { couponStatus } from "../engine/status.js";
import type { ShopCaller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { readCodeCoupon, type LoadedCoupon } from "../store/quote-reads.js";
import type { Reads } from "../store/read-cache.js";
import { countFailedLookup, refuseWhileLimited, shopLookupBucket, tooManyLookups } from "./code-guessing.js";

function clientKey(deps: Deps, buyerId: string | null): string {
  if (buyerId) return `buyer:${buyerId}`;
  // Only the host knows where a request came from (Node: the socket; Workers: `cf-connecting-ip`, set by
  // Cloudflare). A header read here would let a guesser on Node pick a fresh "address" per request.
  return `addr:${deps.clientAddress() ?? "unknown"}`;
}

/**
 * The typed code as the caller may see it, counted against the guessing limits when it is not found.
 * `latest`: the code's coupon as last read (see readCodeCoupon).
 */
export async function lookupCode(
  deps: Deps,
  caller: Pick<ShopCaller, "shop" | "kind" | "now">,
  typed: string,
  buyerId: string | null,
  reads: Reads,
  latest = false,
): Promise<{ code: string; found: LoadedCoupon | null }> {
  const { shop, kind, now } = caller;
  const { limiter: rateLimiter } = deps;
  const limit = deps.config.failedLookupsPerMinute;
  const real = deps.clock();
  // Public (publishable-key) guessing and the seller's own server count in separate shop buckets, so a
  // guesser who exhausts the public budget cannot also block the seller's server-side quotes and redemptions.
  const clientBucket = `${shopLookupBucket(caller)}:${clientKey(deps, buyerId)}`;
  // The shop's bucket counts failures only (counted below, after the look-up): were it taken before and
  // refunded after, a busy shop's many concurrent checkouts with a valid code would be refused while in
  // flight. A distributed burst can overshoot it by at most the look-ups in flight at that moment.
  await refuseWhileLimited(deps, caller);
  // The caller's own bucket is taken before the look-up (check and count in one step), so one client's
  // burst of concurrent guesses cannot all pass the check before any of them counted.
  const clientWait = await rateLimiter.take(clientBucket, limit, real);
  if (clientWait > 0) throw tooManyLookups(clientWait);
  const code = normalizeCode(typed);
  const found = await findVisibleCode(deps.db, reads, shop.id, kind, code, now, latest);
  // Found codes never count. (To a publishable key a code that is not ongoing was not found, and counts.)
  if (found) await rateLimiter.refund(clientBucket, real);
  else await countFailedLookup(deps, caller);
  return { code, found };
}

/**
 * The promo code this caller may see under a normalized code, without counting anything against the
 * guessing limits (`lookupCode` counts): a secret key sees the shop's latest coupon with the code
 * whatever its status, a publishable key only an ongoing one. `latest`: as last read (see readCodeCoupon).
 */
export async function findVisibleCode(
  db: Db,
  reads: Reads,
  shopId: string,
  kind: "secret" | "publishable",
  code: string,
  now: number,
  latest = false,
): Promise<LoadedCoupon | null> {
  const found = await readCodeCoupon(reads, db, shopId, code, latest);
  if (found?.row.type !== "promo_code") return null;
  if (kind === "publishable" && couponStatus(found.coupon, now) !== "ongoing") return null;
  return found;
}
