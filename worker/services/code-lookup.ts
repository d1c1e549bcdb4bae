/**
 * Resolving a typed promo code, with guessing protection: failed look-ups are rate limited per buyer or
 * client address, under a shop-wide ceiling far above that (429 with Retry-After); codes found never count
 * and never wait on the counter (lib/rate-limit.ts). To a publishable-key
 * caller an unknown, ended, deactivated or not-yet-started code are all the same `code_not_found`, so
 * the public API cannot be used to map a shop's codes; a secret-key caller sees the true status.
 */
import type { Db } from "../../db/client.js";
import { normalizeCode } from "../engine/promo-code.js";
import { couponStatus } from "../engine/status.js";
import type { ShopCaller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { watchGuessing } from "./code-guessing.js";
import { readCodeCoupon, type LoadedCoupon } from "../store/quote-reads.js";
import type { Reads } from "../store/read-cache.js";

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
  const watch = watchGuessing(deps, caller, buyerId);
  const code = normalizeCode(typed);
  const found = await findVisibleCode(deps.db, reads, caller.shop.id, caller.kind, code, caller.now, latest);
  // Found codes never count. (To a publishable key a code that is not ongoing was not found, and counts.)
  await watch.settle(found !== null);
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
  if (!found || found.row.type !== "promo_code") return null;
  if (kind === "publishable" && couponStatus(found.coupon, now) !== "ongoing") return null;
  return found;
}
