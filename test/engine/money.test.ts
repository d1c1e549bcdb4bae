import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatMoney, mulDivFloor, spreadDiscount } from "../../worker/engine/money";

const L = (...values: number[]) => values.map((value, i) => ({ line_id: `l${i}`, value }));
const parts = (total: number, values: number[]) => spreadDiscount(total, L(...values)).map((a) => a.discount_minor);

describe("spreadDiscount", () => {
  it.each([
    // [total, values, expected parts]
    [100, [100], [100]],
    [10, [10, 10, 10], [4, 3, 3]], // leftover to the first line on a tie
    [7, [3, 3, 3], [3, 2, 2]],
    [2, [1, 1, 1], [1, 1, 0]],
    [7, [100, 0, 100], [4, 0, 3]], // value-0 line gets 0
    [0, [5, 7], [0, 0]],
    [99, [1000, 2000, 7000], [10, 20, 69]], // 9.9, 19.8, 69.3 -> floors 9,19,69 + 2 by largest remainder
    [1, [1, 2], [0, 1]], // remainders 1/3 vs 2/3
    [5, [5, 5, 0], [3, 2, 0]],
    [1000, [333, 333, 334], [333, 333, 334]],
  ])("R25: spread of %i over %j sums exactly and follows largest remainder", (total, values, expected) => {
    const got = parts(total, values);
    expect(got).toEqual(expected);
    expect(got.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("R25: keeps line ids and order", () => {
    expect(
      spreadDiscount(3, [
        { line_id: "b", value: 1 },
        { line_id: "a", value: 2 },
      ]),
    ).toEqual([
      { line_id: "b", discount_minor: 1 },
      { line_id: "a", discount_minor: 2 },
    ]);
  });

  it("R25: refuses to spread more than the lines are worth, or non-integers", () => {
    expect(() => spreadDiscount(11, L(5, 5))).toThrow(RangeError);
    expect(() => spreadDiscount(1.5, L(5))).toThrow(RangeError);
    expect(() => spreadDiscount(1, L(-1, 5))).toThrow(RangeError);
  });

  it("R25: exact with amounts whose products exceed 2^53", () => {
    const big = 9_000_000_000_000; // 9e12 * 9e12 is far beyond safe integers
    const got = parts(big - 1, [big / 3, big / 3, big / 3]);
    expect(got.reduce((a, b) => a + b, 0)).toBe(big - 1);
    // each share is 3e12 - 1/3: floors 3e12 - 1, the 2 leftover units go to the first two lines (tie)
    expect(got).toEqual([3_000_000_000_000, 3_000_000_000_000, 2_999_999_999_999]);
  });

  it("R25 property: parts sum to total, each within its line value, zero-value lines get 0, proportional within 1", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, frac) => {
          const sum = values.reduce((a, b) => a + b, 0);
          const total = Math.floor(sum * frac);
          const got = parts(total, values);
          expect(got.reduce((a, b) => a + b, 0)).toBe(total);
          got.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(values[i]);
            if (values[i] === 0) expect(p).toBe(0);
            // floor share <= p <= floor share + 1
            const exact = sum === 0 ? 0 : (total * values[i]) / sum;
            expect(p).toBeGreaterThanOrEqual(Math.floor(exact));
            expect(p).toBeLessThanOrEqual(Math.floor(exact) + 1);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("mulDivFloor", () => {
  it("is exact where float division would round", () => {
    expect(mulDivFloor(9007199254740991, 1, 2)).toEqual({ q: 4503599627370495, r: 1 });
    expect(mulDivFloor(123456789, 99, 100)).toEqual({ q: 122222221, r: 11 });
  });
});

describe("formatMoney", () => {
  it.each([
    [2000, "USD", "20.00 USD"],
    [5, "eur", "0.05 EUR"],
    [-1234, "USD", "-12.34 USD"],
    [1500, "JPY", "1500 JPY"],
    [1500, "KRW", "1500 KRW"],
    [1234, "KWD", "1.234 KWD"],
    [0, "GBP", "0.00 GBP"],
  ])("formats %i %s as %s", (minor, cur, want) => {
    expect(formatMoney(minor, cur)).toBe(want);
  });
});
