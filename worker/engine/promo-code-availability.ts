/**
 * Whether a promo code can be used at all right now, before any buyer or cart is looked at: not
 * deactivated (R28), inside its active window (half-open, R21), with a use left (R27), the typed
 * campaign code itself unused, and budget left for the smallest discount it could give. One place for
 * the quote's candidates and the public look-up (`GET /v1/promo-codes/{code}`), so both say the same.
 */
import { reason } from "./reasons";
import { windowStatus } from "./status";
import type { CampaignCodeState, Coupon, Millis, Reason } from "./types";

/**
 * The reasons, in the order they are told: deactivated or outside its window, then no use left, then
 * no budget left. `codeState`: the typed code's state when it is one of a campaign's single-use codes.
 */
export function promoCodeAvailability(coupon: Coupon, now: Millis, codeState?: CampaignCodeState | null): Reason[] {
  const reasons: Reason[] = [];
  if (coupon.deactivated_at != null) reasons.push(reason("deactivated"));
  else {
    const st = windowStatus({ starts_at: coupon.active_starts_at, ends_at: coupon.active_ends_at }, now);
    if (st === "upcoming") reasons.push(reason("not_started", { at: coupon.active_starts_at }));
    else if (st === "ended") reasons.push(reason("expired", { at: coupon.active_ends_at }));
  }
  if (codeState != null && codeState !== "available") reasons.push(reason("quantity_exhausted", { code_used: true }));
  else if (coupon.reserved_count + coupon.used_count >= coupon.quantity) reasons.push(reason("quantity_exhausted"));
  if (budgetLeft(coupon) < smallestDiscount(coupon)) reasons.push(reason("budget_exhausted"));
  return reasons;
}

/** The budget a coupon has left (Infinity without a budget). */
export function budgetLeft(c: Pick<Coupon, "budget_minor" | "budget_spent_minor">): number {
  return c.budget_minor == null ? Number.POSITIVE_INFINITY : c.budget_minor - c.budget_spent_minor;
}

/**
 * The least discount any cart could get: the in-scope value is at least the minimum spend (and at least
 * one minor unit), and a discount is the fixed amount or the percent of it, never more than that value.
 */
function smallestDiscount(c: Pick<Coupon, "discount" | "min_spend_minor">): number {
  const least = Math.max(1, c.min_spend_minor);
  const d = c.discount;
  if (d.kind === "fixed") return Math.min(d.amount_minor, least);
  const pct = Math.floor((least * d.percent_off) / 100);
  return Math.max(1, d.max_discount_minor != null ? Math.min(pct, d.max_discount_minor) : pct);
}

/** A discount the budget cannot cover: the quote says `budget_exhausted` and the reservation takes nothing. */
export function passesBudget(c: Pick<Coupon, "budget_minor" | "budget_spent_minor">, discount: number): boolean {
  return discount > budgetLeft(c);
}
