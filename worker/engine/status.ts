/**
 * A coupon's lifecycle status from its window and the shop clock. Windows are half-open
 * [start, end): at `end` exactly the coupon has ended.
 */
import type { Coupon, CouponStatus, Millis, TimeWindow } from "./types";

/** The window that drives status: the active window for promo codes, the claim window otherwise. */
export function couponWindow(
  c: Pick<Coupon, "type" | "active_starts_at" | "active_ends_at" | "claim_starts_at" | "claim_ends_at">,
): TimeWindow {
  return c.type === "promo_code"
    ? { starts_at: c.active_starts_at, ends_at: c.active_ends_at }
    : { starts_at: c.claim_starts_at, ends_at: c.claim_ends_at };
}

/** R28: deactivation wins over the window, whenever it happened (it takes effect at once). */
export function couponStatus(c: Coupon, now: Millis): CouponStatus {
  if (c.deactivated_at != null) return "deactivated";
  return windowStatus(couponWindow(c), now);
}

/** upcoming / ongoing / ended for a half-open window; a null side is unbounded. */
export function windowStatus(w: TimeWindow, now: Millis): "upcoming" | "ongoing" | "ended" {
  if (w.starts_at != null && now < w.starts_at) return "upcoming";
  if (w.ends_at != null && now >= w.ends_at) return "ended";
  return "ongoing";
}
