/**
 * A coupon's numbers (R31): the totals `GET /v1/coupons/{id}/performance` answers, refunds and the budget
 * left among them, and the daily series over [from, to).
 */
import { z } from "@hono/zod-openapi";
import { DayOrTime } from "./common.js";

export const PerformanceTotalsSchema = z.object({
  claims: z.int(),
  redemptions: z.int(),
  buyers: z.int(),
  orders: z.int(),
  discount_minor: z.int(),
  gmv_minor: z.int(),
  remaining: z.int(),
  /** Committed uses whose order was refunded afterwards (`order.refunded`), and their discount. */
  refunds: z.int(),
  refunded_discount_minor: z.int(),
  /** The budget less the discount reserved and committed (refunds given back excluded); null without a budget. */
  remaining_budget_minor: z.int().nullable(),
});
export type PerformanceTotals = z.infer<typeof PerformanceTotalsSchema>;

/** One UTC day of a coupon's numbers: claims issued, and the committed uses of that day. */
export const PerformanceDaySchema = z
  .object({
    date: z.iso.date().openapi({ description: "The UTC day, `YYYY-MM-DD`", example: "2026-12-01" }),
    claims: z.int(),
    redemptions: z.int(),
    buyers: z.int().openapi({ description: "Distinct buyers among that day's committed uses" }),
    discount_minor: z.int(),
    gmv_minor: z.int(),
  })
  .openapi("PerformanceDay");
export type PerformanceDay = z.infer<typeof PerformanceDaySchema>;

export const PerformanceSchema = PerformanceTotalsSchema.extend({
  from: z.iso.date().openapi({ description: "The first day of `series`" }),
  to: z.iso.date().openapi({ description: "The day after the last day of `series` (exclusive)" }),
  series: z.array(PerformanceDaySchema).openapi({ description: "One entry per UTC day in [from, to), zero days included" }),
}).openapi("Performance");
export type Performance = z.infer<typeof PerformanceSchema>;

export const PerformanceQuery = z.strictObject({ from: DayOrTime.optional(), to: DayOrTime.optional() });
export type PerformanceInput = z.infer<typeof PerformanceQuery>;
