/**
 * `GET /v1/promo-codes/{code}`: is this code live, and on which terms. Unknown codes are an answer, not
 * an error (`valid: false, reason: "code_not_found"`); failed look-ups count against the guessing limits
 * (code-guessing.ts).
 */
import { toIso } from "../contract/common.js";
import { discountOut } from "../contract/coupons.js";
import type { PromoCodeLookup } from "../contract/promo-codes.js";
import { promoCodeAvailability } from "../engine/promo-code-availability.js";
import { usedUpWhileReserved } from "../engine/reservations.js";
import { normalizeCode } from "../engine/promo-code.js";
import type { ShopCaller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { readAll } from "../store/batch.js";
import { codeCouponRead, type LoadedCoupon } from "../store/quote-reads.js";
import { releaseExpiredInShop } from "../store/redemptions.js";
import { watchGuessing } from "./code-guessing.js";
import { visibleCode } from "./code-lookup.js";

export async function lookupPromoCode(deps: Deps, caller: ShopCaller, typed: string): Promise<PromoCodeLookup> {
  const { shop, now } = caller;
  const code = normalizeCode(typed);
  // The guessing limiter is asked beside the read (a found code never waits on its counter).
  const watch = watchGuessing(deps, caller, null);
  let found: LoadedCoupon | null = await readCode(deps, caller, code);
  await watch.settle(found !== null);
  // R27: a code that looks used up may get a unit back from a lapsed reservation; judge it after the release.
  const reserved = found && (usedUpWhileReserved(found.coupon) || found.campaignCode?.state === "reserved");
  if (reserved && (await releaseExpiredInShop(deps.db, shop.id, now)) > 0) found = await readCode(deps, caller, code);
  if (!found) return { valid: false, reason: "code_not_found" };
  const { row, coupon } = found;
  // The first reason the code cannot be used now, as the quote would tell it (the engine's one rule).
  const reason = promoCodeAvailability(coupon, now, found.campaignCode?.state)[0]?.code;
  // Only the terms the answer shows, as serializeCoupon writes them (not the whole coupon, then picked).
  return {
    valid: reason === undefined,
    ...(reason ? { reason } : {}),
    coupon: {
      name: row.name,
      discount: discountOut(coupon.discount),
      min_spend_minor: row.min_spend_minor,
      active_ends_at: toIso(row.active_ends_at ?? 0),
      scope: coupon.scope,
    },
  };
}

/** The code's coupon as the caller may see it (a function, not a closure made per look-up: bench/notes.md). */
async function readCode(deps: Deps, caller: ShopCaller, code: string): Promise<LoadedCoupon | null> {
  const { coupon } = await readAll(deps.db, deps.reads(), deps, { coupon: codeCouponRead(deps.db, caller.shop.id, code) });
  return visibleCode(coupon, caller.kind, caller.now);
}
