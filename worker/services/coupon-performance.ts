/**
 * R31: a coupon's performance, read from its counter and its rows (the `Performance` schema of the
 * OpenAPI document): `claims` = claims ever issued (0 for promo codes), `redemptions` = committed uses,
 * `buyers` and `orders` = distinct buyers and orders among committed uses, `discount_minor` = the
 * discount they gave, `gmv_minor` = what those orders' items sold for after product discounts and the
 * coupon (Σ subtotal − discount), `remaining` = quantity − claims, or for promo codes quantity − reserved −
 * committed uses (less those a refund gave back). Refunds are counted apart: `refunds` and
 * `refunded_discount_minor` are the committed uses whose order was refunded afterwards (they stay in
 * `redemptions` and `discount_minor`), and `remaining_budget_minor` is the budget less what is reserved
 * and committed and not given back. `series` spreads the uses over UTC days: claims by the day they were
 * issued, uses by the day they were committed.
 */
import { dayDate, dayOrTimeMillis } from "../contract/common.js";
import type { Performance, PerformanceDay, PerformanceInput, PerformanceTotals } from "../contract/performance.js";
import { activitySpan, utcDay } from "../engine/activity.js";
import { DAY_MS } from "../engine/claim-eligibility.js";
import { ApiError } from "../lib/problem.js";
import type { DayClaims, DayUses } from "../store/coupon-series.js";
import { rowToCoupon, type CouponRow } from "../store/coupons.js";
import type { totalsOf } from "../store/redemptions.js";

/** The longest series one call answers: a year, leap day included. */
export const MAX_SERIES_DAYS = 366;

/** The answer from what was read: the coupon, its redemption totals, and its activity over the days `range`. */
export function couponPerformance(
  coupon: CouponRow,
  totals: RedemptionTotals,
  days: { claims: DayClaims[]; uses: DayUses[] },
  range: { from: number; to: number },
): Performance {
  const { from, to } = range;
  const claims = new Map(days.claims.map((d) => [d.day, d.claims]));
  const uses = new Map(days.uses.map((d) => [d.day, d]));
  const series: PerformanceDay[] = [];
  for (let day = from; day < to; day++) {
    const u = uses.get(day);
    series.push({
      date: dayDate(day),
      claims: claims.get(day) ?? 0,
      redemptions: u?.redemptions ?? 0,
      buyers: u?.buyers ?? 0,
      discount_minor: u?.discount ?? 0,
      gmv_minor: u?.gmv ?? 0,
    });
  }
  return { ...couponTotals(coupon, totals), from: dayDate(from), to: dayDate(to), series };
}

type RedemptionTotals = ReturnType<typeof totalsOf>;

function couponTotals(coupon: CouponRow, r: RedemptionTotals): PerformanceTotals {
  const isCode = coupon.type === "promo_code";
  const claims = isCode ? 0 : coupon.claimed_count;
  const used = isCode ? r.reserved + r.redemptions - r.returned : claims;
  return {
    claims,
    redemptions: r.redemptions,
    buyers: r.buyers,
    orders: r.orders,
    discount_minor: r.discount,
    gmv_minor: r.gmv,
    remaining: Math.max(0, coupon.quantity - used),
    refunds: r.refunds,
    refunded_discount_minor: r.refundedDiscount,
    remaining_budget_minor: coupon.budget_minor == null ? null : Math.max(0, coupon.budget_minor - coupon.budget_spent_minor),
  };
}

/**
 * The days a series would cover, planned before the coupon is read: from a copy of it (perhaps old), or
 * from the query alone when it gives both bounds; null when they cannot be planned (or the query is refused,
 * which `seriesDays` says once the coupon is read).
 */
export function plannedDays(copy: CouponRow | null, q: PerformanceInput): { from: number; to: number } | null {
  try {
    return copy ? seriesDays(copy, q) : q.from !== undefined && q.to !== undefined ? seriesDays(null, q) : null;
  } catch {
    return null;
  }
}

const tooLong = () =>
  new ApiError(422, "validation_failed", `A series covers at most ${MAX_SERIES_DAYS} days.`, [
    { path: "to", code: "range_too_long", message: `at most ${MAX_SERIES_DAYS} days after \`from\`` },
  ]);

/**
 * The series' days [from, to) as UTC day numbers. A bound given is the day it falls in (`to` exclusive:
 * a time inside a day includes that day); a bound not given is the coupon's activity span's, fitted to
 * at most 366 days. Both given and longer than that is 422, as is `to` not after `from`.
 */
export function seriesDays(coupon: CouponRow | null, q: PerformanceInput): { from: number; to: number } {
  const from = q.from !== undefined ? utcDay(dayOrTimeMillis(q.from)) : undefined;
  const to = q.to !== undefined ? Math.ceil(dayOrTimeMillis(q.to) / DAY_MS) : undefined;
  if (from !== undefined && to !== undefined) {
    if (to <= from)
      throw new ApiError(422, "validation_failed", "`to` must come after `from`.", [
        { path: "to", code: "range_empty", message: "must come after `from`" },
      ]);
    if (to - from > MAX_SERIES_DAYS) throw tooLong();
    return { from, to };
  }
  if (!coupon) throw new Error("seriesDays: a bound not given needs the coupon");
  const span = activitySpan(rowToCoupon(coupon));
  const spanFrom = utcDay(span.starts_at);
  const spanTo = Math.max(spanFrom + 1, Math.ceil(span.ends_at / DAY_MS));
  if (from !== undefined) return { from, to: Math.max(from + 1, Math.min(spanTo, from + MAX_SERIES_DAYS)) };
  if (to !== undefined) return { from: Math.min(to - 1, Math.max(spanFrom, to - MAX_SERIES_DAYS)), to };
  return { from: spanFrom, to: Math.min(spanTo, spanFrom + MAX_SERIES_DAYS) };
}
