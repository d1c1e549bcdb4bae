/**
 * What a typed promo code shows its caller. To a publishable-key caller an unknown, ended, deactivated or
 * not-yet-started code are all the same `code_not_found`, so the public API cannot be used to map a
 * shop's codes; a secret-key caller sees the true status. (Failed look-ups are limited: code-guessing.ts.)
 */
import { couponStatus } from "../engine/status.js";
import type { LoadedCoupon } from "../store/quote-reads.js";

/**
 * The promo code this caller may see, of the shop's latest coupon with the code (whatever its status): a
 * secret key sees it whatever its status, a publishable key only an ongoing one (else it was not found).
 */
export function visibleCode(found: LoadedCoupon | null, kind: "secret" | "publishable", now: number): LoadedCoupon | null {
  if (found?.row.type !== "promo_code") return null;
  if (kind === "publishable" && couponStatus(found.coupon, now) !== "ongoing") return null;
  return found;
}
