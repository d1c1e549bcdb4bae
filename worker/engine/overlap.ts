/**
 * Window overlap for the "one at a time" rules: one new-customer coupon per period (R8) and one
 * review coupon at a time (R15). Windows are half-open, so one may start exactly when another ends.
 */
import type { TimeWindow } from "./types";

export function windowsOverlap(a: TimeWindow, b: TimeWindow): boolean {
  const aStart = a.starts_at ?? Number.NEGATIVE_INFINITY;
  const aEnd = a.ends_at ?? Number.POSITIVE_INFINITY;
  const bStart = b.starts_at ?? Number.NEGATIVE_INFINITY;
  const bEnd = b.ends_at ?? Number.POSITIVE_INFINITY;
  // An empty window (end <= start) holds no instant and overlaps nothing.
  if (aEnd <= aStart || bEnd <= bStart) return false;
  return aStart < bEnd && bStart < aEnd;
}
