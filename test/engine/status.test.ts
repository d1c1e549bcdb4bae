import { describe, expect, it } from "vitest";
import { couponStatus, couponWindow } from "../../worker/engine/status";
import { windowsOverlap } from "../../worker/engine/overlap";
import { coupon, promo, DAY, T0 } from "./fixtures";

describe("couponStatus", () => {
  const c = coupon({ claim_starts_at: T0, claim_ends_at: T0 + 30 * DAY });
  it("half-open claim window: upcoming before start, ongoing at start, ended at end", () => {
    expect(couponStatus(c, T0 - 1)).toBe("upcoming");
    expect(couponStatus(c, T0)).toBe("ongoing");
    expect(couponStatus(c, T0 + 30 * DAY - 1)).toBe("ongoing");
    expect(couponStatus(c, T0 + 30 * DAY)).toBe("ended");
  });
  it("R28: deactivated wins over any window, upcoming or ongoing", () => {
    expect(couponStatus({ ...c, deactivated_at: T0 - 5 }, T0 - 10)).toBe("deactivated");
    expect(couponStatus({ ...c, deactivated_at: T0 + 1 }, T0 + 2)).toBe("deactivated");
  });
  it("promo codes use the active window, others the claim window", () => {
    const p = promo({ active_starts_at: T0 + DAY, active_ends_at: T0 + 2 * DAY, claim_starts_at: T0 - DAY, claim_ends_at: T0 + DAY });
    expect(couponWindow(p)).toEqual({ starts_at: T0 + DAY, ends_at: T0 + 2 * DAY });
    expect(couponStatus(p, T0)).toBe("upcoming");
    expect(couponWindow(c)).toEqual({ starts_at: T0, ends_at: T0 + 30 * DAY });
  });
});

describe("windowsOverlap (R8, R15)", () => {
  const w = (s: number, e: number) => ({ starts_at: s, ends_at: e });
  it.each([
    [w(0, 10), w(10, 20), false], // back to back: half-open, allowed
    [w(0, 10), w(9, 20), true],
    [w(5, 6), w(0, 20), true], // contained
    [w(0, 20), w(5, 6), true],
    [w(10, 20), w(0, 10), false],
    [w(0, 10), w(20, 30), false],
    [w(5, 5), w(0, 10), false], // empty window
  ])("R8/R15: %j vs %j overlap=%s", (a, b, want) => {
    expect(windowsOverlap(a, b)).toBe(want);
    expect(windowsOverlap(b, a)).toBe(want);
  });
  it("R15: an open-ended window overlaps everything after its start", () => {
    expect(windowsOverlap({ starts_at: 0, ends_at: null }, w(100, 200))).toBe(true);
    expect(windowsOverlap({ starts_at: 300, ends_at: null }, w(100, 200))).toBe(false);
  });
});
