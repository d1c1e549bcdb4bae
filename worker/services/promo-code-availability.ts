/**
 * `GET /v1/promo-codes/availability?code=`: could the seller's shop create a promo code with this suffix
 * now? Judged as create judges it: R20's blocked words first (`code_not_allowed`, about the words only),
 * then R19, whether a live coupon of any shop in the region holds the full code (`promo_code_taken`).
 * That second answer tells another shop's code exists, so it counts as a failed look-up toward the
 * shop's guessing limit, and past the limit the route answers 429 (code-guessing.ts).
 */
import type { Availability } from "../contract/promo-codes.js";
import { codeBlockedWord, fullCode } from "../engine/promo-code.js";
import type { Seller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { readAll } from "../store/batch.js";
import { codeTakenRead } from "../store/coupons.js";
import { writeContext } from "./create-coupon.js";

export async function codeAvailability(deps: Deps, seller: Seller, suffix: string): Promise<Availability> {
  const ctx = writeContext(deps, seller);
  const { shop } = ctx;
  const code = fullCode(shop.code_prefix, suffix);
  const blocked = codeBlockedWord(shop.code_prefix, suffix, ctx.blockedWords) !== null;
  if (!blocked) await ctx.codeGuessing?.refuseWhileLimited();
  // One read, which carries the caller's key check where the database is far (README "A request at the
  // edge"); made for a blocked word too, whose answer must not go out before that check.
  const where = { region: shop.region, code, shopId: shop.id, now: ctx.now, realNow: ctx.realNow };
  const { taken } = await readAll(deps.db, deps.reads(), deps, { taken: codeTakenRead(deps.db, where) });
  if (blocked) return { code, available: false, reason: "code_not_allowed" };
  if (taken) {
    await ctx.codeGuessing?.countTaken();
    return { code, available: false, reason: "promo_code_taken" };
  }
  return { code, available: true };
}
