/** Property tests over random carts and coupons (R23, R25, determinism, purity). */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeDiscount, lineValue } from "../../worker/engine/discount";
import { evaluateQuote } from "../../worker/engine/quote";
import type { Cart, Claim, Coupon, Discount, QuoteInput, Scope } from "../../worker/engine/types";
import { coupon, DAY, T0 } from "./fixtures";

const PRODUCTS = ["p0", "p1", "p2", "p3", "p4", "p5"];

const lineArb = fc.record({
  product_id: fc.constantFrom(...PRODUCTS),
  quantity: fc.integer({ min: 0, max: 5 }),
  unit_price_minor: fc.integer({ min: 0, max: 200_000 }),
  product_discount_minor: fc.integer({ min: 0, max: 300_000 }),
});
const cartArb: fc.Arbitrary<Cart> = fc.record({
  lines: fc.array(lineArb, { maxLength: 20 }).map((ls) => ls.map((l, i) => ({ line_id: `l${i}`, ...l }))),
  shipping_minor: fc.integer({ min: 0, max: 5000 }),
  shipping_discount_minor: fc.integer({ min: 0, max: 6000 }),
  currency: fc.constantFrom("USD", "USD", "USD", "EUR"),
});
const discountArb: fc.Arbitrary<Discount> = fc.oneof(
  fc.record({ kind: fc.constant("fixed" as const), amount_minor: fc.integer({ min: 1, max: 500_000 }) }),
  fc.record({
    kind: fc.constant("percent" as const),
    percent_off: fc.integer({ min: 1, max: 99 }),
    max_discount_minor: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
  }),
);
const scopeArb: fc.Arbitrary<Scope> = fc.oneof(
  fc.constant({ kind: "shop" as const }),
  fc.subarray(PRODUCTS, { minLength: 1 }).map((product_ids) => ({ kind: "products" as const, product_ids })),
);
const termsArb = fc.record({ discount: discountArb, min_spend_minor: fc.integer({ min: 0, max: 300_000 }), scope: scopeArb });

const walletArb = fc
  .array(
    fc.record({
      terms: termsArb,
      type: fc.constantFrom("regular" as const, "follower" as const, "chat" as const, "review" as const),
      deactivated: fc.boolean(),
      state: fc.constantFrom("available" as const, "available" as const, "reserved" as const, "used" as const, "void" as const),
      from: fc.integer({ min: -5, max: 2 }),
      until: fc.integer({ min: -1, max: 20 }),
      couponIdx: fc.integer({ min: 0, max: 9 }),
    }),
    { maxLength: 10 },
  )
  .map((entries) =>
    entries.map((e, i): { claim: Claim; coupon: Coupon } => {
      const id = `c${e.couponIdx}`;
      return {
        coupon: coupon({ id, type: e.type, ...e.terms, deactivated_at: e.deactivated ? T0 - 1 : null }),
        claim: {
          id: `k${i}`,
          coupon_id: id,
          buyer_id: "b1",
          state: e.state,
          valid_from: T0 + e.from * DAY,
          valid_until: T0 + e.until * DAY,
        },
      };
    }),
  );

const inputArb: fc.Arbitrary<QuoteInput> = fc
  .record({
    cart: cartArb,
    wallet: walletArb,
    buyer: fc.boolean(),
    explain: fc.boolean(),
    typed: fc.option(
      fc.record({ terms: termsArb, limit: fc.constantFrom(1, null), uses: fc.integer({ min: 0, max: 2 }), known: fc.boolean() }),
      { nil: undefined },
    ),
  })
  .map(({ cart, wallet, buyer, explain, typed }) => ({
    now: T0,
    shop_currency: "USD",
    cart,
    buyer_id: buyer ? "b1" : null,
    explain,
    wallet,
    typed_code: typed && {
      code: "SHOPSAVE",
      buyer_uses: typed.uses,
      coupon: typed.known
        ? coupon({
            id: "promo",
            type: "promo_code",
            code: "SHOPSAVE",
            ...typed.terms,
            per_customer_limit: typed.limit,
            active_starts_at: T0 - DAY,
            active_ends_at: T0 + DAY,
          })
        : null,
    },
  }));

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe("computeDiscount properties", () => {
  it("R25: never negative, never above in-scope value, respects the cap and min spend, spread sums exactly", () => {
    fc.assert(
      fc.property(termsArb, cartArb, (terms, cart) => {
        const r = computeDiscount(terms, cart);
        const inScope = cart.lines.filter((l) => terms.scope.kind === "shop" || terms.scope.product_ids.includes(l.product_id));
        expect(r.in_scope_minor).toBe(inScope.reduce((s, l) => s + lineValue(l), 0));
        expect(r.discount_minor).toBeGreaterThanOrEqual(0);
        expect(r.discount_minor).toBeLessThanOrEqual(r.in_scope_minor);
        if (r.reasons.length > 0) {
          expect(r.discount_minor).toBe(0);
          return;
        }
        expect(r.in_scope_minor).toBeGreaterThanOrEqual(terms.min_spend_minor); // R24
        const d = terms.discount;
        const want =
          d.kind === "fixed"
            ? Math.min(d.amount_minor, r.in_scope_minor)
            : Math.min(Math.floor((r.in_scope_minor * d.percent_off) / 100), d.max_discount_minor ?? Infinity, r.in_scope_minor);
        expect(r.discount_minor).toBe(want);
        expect(r.allocations.map((a) => a.line_id)).toEqual(inScope.map((l) => l.line_id));
        expect(r.allocations.reduce((s, a) => s + a.discount_minor, 0)).toBe(r.discount_minor);
        r.allocations.forEach((a, i) => {
          expect(a.discount_minor).toBeGreaterThanOrEqual(0);
          expect(a.discount_minor).toBeLessThanOrEqual(lineValue(inScope[i]));
        });
      }),
      { numRuns: 1000 },
    );
  });
});

describe("evaluateQuote properties", () => {
  it("R23/R25: at most one coupon applies, it is within bounds and spread exactly; totals add up", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const q = evaluateQuote(input);
        const applicable = q.candidates.filter((c) => c.applicable);
        if (q.applied) expect(applicable.map((c) => c.coupon_id)).toEqual([q.applied.coupon_id]); // R23
        for (const c of q.candidates) {
          expect(c.discount_minor).toBeGreaterThanOrEqual(0);
          expect(c.discount_minor).toBeLessThanOrEqual(q.subtotal_minor);
          expect(c.applicable).toBe(c.reasons.length === 0);
        }
        if (q.applied) {
          const mine = q.candidates.find((c) => c.coupon_id === q.applied!.coupon_id)!;
          expect(mine.applicable).toBe(true);
          expect(mine.discount_minor).toBe(q.applied.discount_minor);
          expect(q.applied.allocations.reduce((s, a) => s + a.discount_minor, 0)).toBe(q.applied.discount_minor);
        }
        // Without a named code the best claim is the one applied.
        if (!input.typed_code) expect(q.applied?.coupon_id ?? null).toBe(q.best?.coupon_id ?? null);
        if (q.best && q.applied) expect(q.best.discount_minor).toBeGreaterThanOrEqual(q.applied.discount_minor);
        if (input.buyer_id == null) expect(q.candidates.length).toBeLessThanOrEqual(1);
        const ship = Math.min(input.cart.shipping_discount_minor, input.cart.shipping_minor);
        expect(q.total_minor).toBe(Math.max(0, q.subtotal_minor - (q.applied?.discount_minor ?? 0) + input.cart.shipping_minor - ship));
        if (input.cart.currency !== input.shop_currency) expect(q.applied).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it("same input, same answer; the input is not mutated; explain changes nothing but the trace", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const copy = structuredClone(input);
        const frozen = deepFreeze(structuredClone(input)); // mutation of a frozen input throws in strict mode
        const a = evaluateQuote(frozen);
        const b = evaluateQuote(input);
        expect(b).toEqual(a);
        expect(input).toEqual(copy);
        const { trace: _t1, ...x } = evaluateQuote({ ...input, explain: true });
        const { trace: _t2, ...y } = evaluateQuote({ ...input, explain: false });
        expect(x).toEqual(y);
      }),
      { numRuns: 300 },
    );
  });
});
