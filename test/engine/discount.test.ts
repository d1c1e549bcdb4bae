import { describe, expect, it } from "vitest";
import { cartSubtotal, computeDiscount } from "../../worker/engine/discount";
import { cart, line } from "./fixtures";

const fixed = (amount_minor: number) => ({ kind: "fixed" as const, amount_minor });
const pct = (percent_off: number, max_discount_minor?: number | null) => ({ kind: "percent" as const, percent_off, max_discount_minor });
const shop = { kind: "shop" as const };
const products = (...product_ids: string[]) => ({ kind: "products" as const, product_ids });

describe("computeDiscount", () => {
  it("R24: in-scope value is after product-level discounts (line total, not per unit)", () => {
    const r = computeDiscount({ discount: fixed(100), min_spend_minor: 0, scope: shop }, cart([line("a", "p1", 3, 1000, 500)]));
    expect(r.in_scope_minor).toBe(2500);
  });

  it("R24: minimum spend is met at exactly the amount, not below", () => {
    const c = cart([line("a", "p1", 2, 1000, 100)]); // worth 1900 after the product discount
    expect(computeDiscount({ discount: fixed(100), min_spend_minor: 1900, scope: shop }, c).reasons).toEqual([]);
    const miss = computeDiscount({ discount: fixed(100), min_spend_minor: 1901, scope: shop }, c);
    expect(miss.reasons.map((r) => r.code)).toEqual(["min_spend_not_met"]);
    expect(miss.reasons[0].message).toBe("Spend at least 19.01 USD on eligible items");
    expect(miss.discount_minor).toBe(0);
    expect(miss.allocations).toEqual([]);
  });

  it("R24: minimum spend counts only in-scope items", () => {
    const c = cart([line("a", "p1", 1, 1000), line("b", "p2", 1, 5000)]);
    const r = computeDiscount({ discount: fixed(100), min_spend_minor: 2000, scope: products("p1") }, c);
    expect(r.in_scope_minor).toBe(1000);
    expect(r.reasons.map((x) => x.code)).toEqual(["min_spend_not_met"]);
  });

  it("no in-scope lines gives no_items_in_scope", () => {
    const r = computeDiscount({ discount: fixed(100), min_spend_minor: 0, scope: products("zzz") }, cart([line("a", "p1", 1, 1000)]));
    expect(r.reasons.map((x) => x.code)).toEqual(["no_items_in_scope"]);
    expect(r.discount_minor).toBe(0);
  });

  it("R25: a fixed discount never exceeds the in-scope value", () => {
    const r = computeDiscount(
      { discount: fixed(5000), min_spend_minor: 0, scope: products("p1") },
      cart([line("a", "p1", 1, 1200), line("b", "p2", 1, 9000)]),
    );
    expect(r.discount_minor).toBe(1200);
    expect(r.allocations).toEqual([{ line_id: "a", discount_minor: 1200 }]);
  });

  it("R25: percent is floored, then capped", () => {
    const c = cart([line("a", "p1", 1, 999)]);
    expect(computeDiscount({ discount: pct(10), min_spend_minor: 0, scope: shop }, c).discount_minor).toBe(99);
    const capped = computeDiscount({ discount: pct(50, 300), min_spend_minor: 0, scope: shop }, c);
    expect(capped.discount_minor).toBe(300);
    expect(capped.raw_discount_minor).toBe(499);
    expect(capped.cap_minor).toBe(300);
    expect(computeDiscount({ discount: pct(50, 1000), min_spend_minor: 0, scope: shop }, c).discount_minor).toBe(499);
  });

  it("R25: allocations cover in-scope lines only and sum to the discount", () => {
    const c = cart([line("a", "p1", 1, 1000), line("b", "p2", 1, 3000), line("c", "p1", 2, 1000, 2000)]);
    const r = computeDiscount({ discount: fixed(101), min_spend_minor: 0, scope: products("p1", "p3") }, c);
    // line c is worth 0 after its product discount: in scope, gets 0
    expect(r.allocations).toEqual([
      { line_id: "a", discount_minor: 101 },
      { line_id: "c", discount_minor: 0 },
    ]);
  });

  it("a line whose product discount exceeds its price counts as 0, never negative", () => {
    const r = computeDiscount(
      { discount: fixed(100), min_spend_minor: 0, scope: shop },
      cart([line("a", "p1", 1, 500, 900), line("b", "p2", 1, 300)]),
    );
    expect(r.in_scope_minor).toBe(300);
    expect(r.discount_minor).toBe(100);
  });

  it("percent stays exact when in-scope value × percent passes 2^53", () => {
    const r = computeDiscount({ discount: pct(99), min_spend_minor: 0, scope: shop }, cart([line("a", "p", 1, 9_007_199_254_740_991)]));
    expect(r.discount_minor).toBe(Number((9_007_199_254_740_991n * 99n) / 100n));
  });

  it("rejects non-integer money instead of computing with floats", () => {
    expect(() => computeDiscount({ discount: fixed(100), min_spend_minor: 0, scope: shop }, cart([line("a", "p", 1, 10.5)]))).toThrow(
      RangeError,
    );
  });
});

describe("cartSubtotal", () => {
  it("is Σ quantity × unit price − product discounts", () => {
    expect(cartSubtotal(cart([line("a", "p1", 3, 1000, 500), line("b", "p2", 1, 250)]))).toBe(2750);
    expect(cartSubtotal(cart([]))).toBe(0);
  });
});
