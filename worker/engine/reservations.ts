/**
 * Reservations (R27): a redemption reserves a unit for an order; the unit counts while the reservation is
 * live and comes back if it is not committed within its time. Pure: `now` is the shop clock.
 */
import type { Coupon, Millis } from "./types";

/** A buyer's use of a promo code as stored: reserved (until `expires_at`) or committed. */
export interface CodeUse {
  state: "reserved" | "committed";
  expires_at: Millis;
}

/** R27: a reservation not committed by its expiry (shop clock) gives its unit back; half-open like every window. */
export function reservationLapsed(expiresAt: Millis, now: Millis): boolean {
  return expiresAt <= now;
}

/** R22: the uses that count against a per-customer limit: committed ones and reservations still live. */
export function countedUses(uses: readonly CodeUse[], now: Millis): number {
  let n = 0;
  for (const u of uses) if (u.state === "committed" || !reservationLapsed(u.expires_at, now)) n++;
  return n;
}

/**
 * A promo code that looks used up while some of its units are reserved: if one of those reservations has
 * lapsed, releasing it gives a unit back, so its availability must be judged after the release (R27).
 */
export function usedUpWhileReserved(c: Pick<Coupon, "type" | "quantity" | "reserved_count" | "used_count">): boolean {
  return c.type === "promo_code" && c.reserved_count > 0 && c.reserved_count + c.used_count >= c.quantity;
}
