/**
 * At the API boundary, over random carts and promo codes: a redemption reserves exactly what the quote
 * of the same body applies (R26: the checkout explains what it charges), the discount is never negative
 * nor above the in-scope value after product-level discounts, respects the cap, and its spread over the
 * lines sums exactly (R25).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { answer, at, DAY, expectStatus, makeTestApp, MINUTE, type ShopKeys, type TestApp } from "../support/app.js";

let t: TestApp;
let s: ShopKeys;
beforeAll(async () => {
  t = await makeTestApp();
  s = await t.shop({ name: "Props" });
});

const PRODUCTS = ["p0", "p1", "p2", "p3"];
const lineArb = fc
  .record({
    product_id: fc.constantFrom(...PRODUCTS),
    quantity: fc.integer({ min: 1, max: 4 }),
    unit_price_minor: fc.integer({ min: 0, max: 50_000 }),
    discount_share: fc.integer({ min: 0, max: 100 }),
  })
  .map(({ discount_share, ...l }) => ({
    ...l,
    product_discount_minor: Math.floor((l.quantity * l.unit_price_minor * discount_share) / 200),
  }));
const cartArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 5 }),
  shipping_minor: fc.integer({ min: 0, max: 2000 }),
});
const couponArb = fc.record({
  discount: fc.oneof(
    fc.record({ kind: fc.constant("fixed" as const), amount_minor: fc.integer({ min: 50, max: 100_000 }) }),
    fc.record({
      kind: fc.constant("percent" as const),
      percent_off: fc.integer({ min: 1, max: 99 }),
      max_discount_minor: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: undefined }),
    }),
  ),
  scope: fc.oneof(
    fc.constant({ kind: "shop" as const }),
    fc.subarray(PRODUCTS, { minLength: 1 }).map((product_ids) => ({ kind: "products" as const, product_ids })),
  ),
  min_spend_minor: fc.constantFrom(0, 0, 1000, 20_000),
});

let n = 0;
describe("R25, R26: a redemption reserves what the quote applies", () => {
  it("same discount and allocations as the quote; never negative, never above the in-scope value, capped, spread exactly", async () => {
    await fc.assert(
      fc.asyncProperty(cartArb, couponArb, async (c, terms) => {
        n++;
        const v1 = t.api(s.sk).v1;
        const created = await expectStatus(
          v1.coupons.$post({
            json: {
              type: "promo_code",
              name: `Prop ${n}`,
              code: `P${n}`,
              ...terms,
              quantity: 1000,
              per_customer_limit: null,
              active_starts_at: at(-MINUTE),
              active_ends_at: at(DAY),
            },
          }),
          201,
        );
        const code = created.coupon.code!;
        const cart = {
          currency: "USD",
          lines: c.lines.map((l, i) => ({ line_id: `l${i}`, ...l })),
          shipping_minor: c.shipping_minor,
          shipping_discount_minor: 0,
        };
        const quote = await expectStatus(v1.checkout.quote.$post({ json: { code, cart } }), 200);
        const red = await answer(v1.checkout.redemptions.$post({ json: { code, cart, order_id: `o${n}` }, header: {} }));

        const inScope = cart.lines.filter(
          (l) => terms.scope.kind === "shop" || (terms.scope as { product_ids: string[] }).product_ids.includes(l.product_id),
        );
        const value = (l: (typeof cart.lines)[number]) => l.quantity * l.unit_price_minor - l.product_discount_minor;
        const inScopeValue = inScope.reduce((sum, l) => sum + value(l), 0);
        const applied = quote.applied;
        if (!applied) {
          expect(red.status).toBe(409);
          expect(red.body.code).toBe(quote.candidates[0].reasons[0].code);
          return;
        }
        expect(red.status, JSON.stringify(red.body)).toBe(201);
        expect(red.body.redemption?.discount_minor).toBe(applied.discount_minor);
        expect(red.body.redemption?.allocations).toEqual(applied.allocations);
        expect(red.body.redemption?.subtotal_minor).toBe(quote.subtotal_minor);
        expect(applied.discount_minor).toBeGreaterThanOrEqual(0);
        expect(applied.discount_minor).toBeLessThanOrEqual(inScopeValue);
        if (terms.discount.kind === "percent" && terms.discount.max_discount_minor !== undefined)
          expect(applied.discount_minor).toBeLessThanOrEqual(terms.discount.max_discount_minor);
        expect(applied.allocations.reduce((sum, a) => sum + a.discount_minor, 0)).toBe(applied.discount_minor);
        for (const a of applied.allocations) {
          const l = cart.lines.find((x) => x.line_id === a.line_id)!;
          expect(inScope).toContain(l);
          expect(a.discount_minor).toBeLessThanOrEqual(value(l));
        }
        expect(quote.total_minor).toBe(quote.subtotal_minor - applied.discount_minor + cart.shipping_minor);
      }),
      { numRuns: 80 },
    );
  });
});
