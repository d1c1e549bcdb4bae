/** The benchmark's table rows: number formats, an HTTP row against the baseline, and the engine's two rows. */
import { CANDIDATES, type benchEngine } from "./engine.js";
import type { LoadResult } from "./http.js";
import type { Row } from "./report.js";

export const log = (s: string) => console.error(`[bench] ${s}`);
export const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
export const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
export const pct = (r: number) => `${(r * 100).toFixed(1)} %`;

export function httpRow(n: string, what: string, r: LoadResult, base: LoadResult, target: string): Row {
  const odd = Object.entries(r.statuses).filter(([c]) => !c.startsWith("2"));
  const note = odd.length ? ` (non-2xx: ${odd.map(([c, k]) => `${k}×${c}`).join(", ")})` : "";
  return {
    n,
    what,
    value: `${fmt(r.rps)} req/s${note}`,
    p50: `${r.p50} ms`,
    p99: `${r.p99} ms`,
    ratio: `${(r.rps / base.rps).toFixed(2)}×`,
    target,
    met: "n/a",
  };
}

/**
 * The issue asks for "≥ 1,000,000 evaluations per second of a 20-line cart against 10 candidate coupons",
 * which reads two ways: one evaluation = one quote (the cart against all 10 coupons), or one evaluation =
 * one coupon judged against the cart (a quote is 10 of them). Both are reported; each row's Met says
 * which reading it judges.
 */
export function engineRows(e: ReturnType<typeof benchEngine>): Row[] {
  const perQuote = e.quotesPerSecond;
  const perCoupon = e.couponEvaluationsPerSecond;
  return [
    {
      n: "5a",
      what: `Engine in process: \`evaluateQuote\` quotes/s (20 lines × ${CANDIDATES} candidates per quote)`,
      value: `${fmt(perQuote)} quotes/s`,
      p50: `${((1 / perQuote) * 1e6).toFixed(1)} µs/quote`,
      p99: "—",
      ratio: `${pct(perQuote / e.plainLoopPerSecond)} of a plain loop (${fmt(e.plainLoopPerSecond)}/s)`,
      target: "≥ 1,000,000/s",
      met: `${perQuote >= 1_000_000 ? "yes" : "no"} (reading: 1 evaluation = 1 quote)`,
    },
    {
      n: "5b",
      what: `Engine in process: coupon evaluations/s (= 5a × ${CANDIDATES} candidates, each against the 20-line cart)`,
      value: `${fmt(perCoupon)} evaluations/s`,
      p50: `${((1 / perCoupon) * 1e6).toFixed(2)} µs/evaluation`,
      p99: "—",
      ratio: "—",
      target: "≥ 1,000,000/s",
      met: `${perCoupon >= 1_000_000 ? "yes" : "no"} (reading: 1 evaluation = 1 coupon)`,
    },
  ];
}
