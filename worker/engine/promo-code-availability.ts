/**
 * Whether a promo code can be used at all right now, before any buyer or cart is looked at: not
 * deactivated (R28), inside its active window (half-open, R21), with a use left (R27). One place for
 * the quote's candidates and the public look-up (`GET /v1/promo-codes/{code}`), so both say the same.
 */
import { reason } from "./reasons";
import { windowStatus } from "./status";
import type { Coupon, Millis, Reason } from "./types";

/** The reasons, in the order they are told: deactivated or outside its window, then no use left. */
export function promoCodeAvailability(coupon: Coupon, now: Millis): Reason[] {
  const reasons: Reason[] = [];
  if (coupon.deactivated_at != null) reasons.push(reason("deactivated"));
  else {
    const st = windowStatus({ starts_at: coupon.active_starts_at, ends_at: coupon.active_ends_at }, now);
    if (st === "upcoming") reasons.push(reason("not_started", { at: coupon.active_starts_at }));
    else if (st === "ended") reasons.push(reason("expired", { at: coupon.active_ends_at }));
  }
  if (coupon.reserved_count + coupon.used_count >= coupon.quantity) reasons.push(reason("quantity_exhausted"));
  return reasons;
}
