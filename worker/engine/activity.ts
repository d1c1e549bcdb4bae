/**
 * When a coupon can bring numbers (R31's daily series): from its window's start until the last moment a
 * claim of it can still be used — the claim window's end plus a days-after-claim validity, or a fixed
 * validity's end (R5); a promo code's active window — cut short by deactivation (R28: unused claims stop
 * working at once).
 */
import { DAY_MS } from "./claim-eligibility";
import { couponWindow } from "./status";
import type { Coupon, Millis } from "./types";

export function activitySpan(
  c: Pick<Coupon, "type" | "active_starts_at" | "active_ends_at" | "claim_starts_at" | "claim_ends_at" | "validity" | "deactivated_at">,
): {
  starts_at: Millis;
  ends_at: Millis;
} {
  const w = couponWindow(c);
  const starts_at = w.starts_at ?? 0;
  let ends_at = w.ends_at ?? starts_at;
  if (c.type !== "promo_code" && c.validity) {
    const lastUse = c.validity.kind === "days_after_claim" ? ends_at + c.validity.days * DAY_MS : c.validity.ends_at;
    ends_at = Math.max(ends_at, lastUse);
  }
  if (c.deactivated_at != null) ends_at = Math.min(ends_at, c.deactivated_at);
  return { starts_at, ends_at: Math.max(starts_at, ends_at) };
}

/** The UTC day (days since 1970-01-01) a time falls in. */
export const utcDay = (t: Millis): number => Math.floor(t / DAY_MS);
