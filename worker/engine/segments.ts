/**
 * Buyer segments (R6, R7, R10, R12), derived from facts at the moment of asking: nothing is
 * snapshotted, so a buyer who just paid or just followed is judged by the new facts at once.
 */
import type { Audience, BuyerFacts, CustomerFacts, Millis } from "./types";

/** R6 repeat: two paid orders at most 90 days apart (inclusive). */
export const REPEAT_WINDOW_MS = 90 * 86_400_000;

/** R7: "new" = never paid an order here; refunds do not undo a payment, so they are not consulted. */
export function isNewCustomer(f: Pick<CustomerFacts, "paid_order_times">): boolean {
  return f.paid_order_times.length === 0;
}

export function isExistingCustomer(f: Pick<CustomerFacts, "paid_order_times">): boolean {
  return f.paid_order_times.length > 0;
}

/** Any two paid orders at most 90 days apart: checking neighbours in time order is enough. */
export function isRepeatCustomer(f: Pick<CustomerFacts, "paid_order_times">): boolean {
  const n = f.paid_order_times.length;
  if (n < 2) return false;
  const t = f.paid_order_times.slice().sort((a, b) => a - b); // copy: facts are not ours to reorder
  for (let i = 1; i < n; i++) if (t[i] - t[i - 1] <= REPEAT_WINDOW_MS) return true;
  return false;
}

export function isFollower(f: BuyerFacts): boolean {
  return f.follows.length > 0;
}

/** R10: a current follow (shop or LIVE) that began at or after the claim window opened. */
export function isNewFollower(f: BuyerFacts, windowStart: Millis | null): boolean {
  for (const fl of f.follows) if (windowStart == null || fl.followed_at >= windowStart) return true;
  return false;
}

export type CustomerAudience = "new" | "existing" | "repeat";

/**
 * R6's customer segments, the audiences judged again whenever a claim is used (not only when claimed):
 * a buyer who paid an order since claiming a new-customer coupon is no longer new (R7).
 */
export function isCustomerAudience(a: Audience | null): a is CustomerAudience {
  return a === "new" || a === "existing" || a === "repeat";
}

export function matchesCustomerAudience(audience: CustomerAudience, f: Pick<CustomerFacts, "paid_order_times">): boolean {
  if (audience === "new") return isNewCustomer(f);
  if (audience === "existing") return isExistingCustomer(f);
  return isRepeatCustomer(f);
}

/** Does the buyer belong to the audience? `null` audience (types without one) matches everyone. */
export function matchesAudience(audience: Audience | null, facts: BuyerFacts, windowStart: Millis | null): boolean {
  switch (audience) {
    case null:
    case "all":
      return true;
    case "new":
    case "existing":
    case "repeat":
      return matchesCustomerAudience(audience, facts);
    case "all_followers":
      return isFollower(facts);
    case "new_followers":
      return isNewFollower(facts, windowStart);
  }
}
