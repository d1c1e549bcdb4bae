import { beforeAll, describe, expect, it } from "vitest";
import { cart, expectStatus, makeTestApp, promoBody, type ShopKeys, type TestApp } from "../support/app.js";

let t: TestApp;
let s: ShopKeys;
beforeAll(async () => {
  t = await makeTestApp();
  s = await t.shop({ name: "Quote Shop" });
});

type QuoteJson = Parameters<ReturnType<TestApp["api"]>["v1"]["checkout"]["quote"]["$post"]>[0]["json"];

async function code(body: Parameters<typeof promoBody>[0]) {
  return (await expectStatus(t.api(s.sk).v1.coupons.$post({ json: promoBody(body) }), 201)).coupon;
}
/** The quote of `body` for buyer b1, typed; a priced cart is always a 200. */
const quote = (body: QuoteJson) => expectStatus(t.api(s.sk).v1.checkout.quote.$post({ json: { buyer_id: "b1", ...body } }), 200);

describe("checkout quote with a promo code", () => {
  it("R24: minimum spend compares with in-scope value after product-level discounts, met at >=", async () => {
    await code({ code: "MIN30", min_spend_minor: 3000 });
    const lines = [{ unit_price_minor: 2000, quantity: 2, product_discount_minor: 1000 }];
    const exact = await quote({ code: "QUOTMIN30", cart: cart(lines) });
    expect(exact.subtotal_minor).toBe(3000);
    expect(exact.applied?.discount_minor).toBe(500);
    const short = await quote({ code: "QUOTMIN30", cart: cart([{ unit_price_minor: 2000, quantity: 2, product_discount_minor: 1001 }]) });
    expect(short.applied).toBeNull();
    expect(short.candidates[0].reasons.map((r) => r.code)).toEqual(["min_spend_not_met"]);
    expect(short.candidates[0].reasons[0].message).toMatch(/30\.00/);
  });

  it("R24: stacks with shipping discounts: total = subtotal − coupon + shipping − shipping discount", async () => {
    await code({ code: "SHIP" });
    const c = { ...cart([{ unit_price_minor: 4000 }]), shipping_minor: 700, shipping_discount_minor: 200 };
    const res = await quote({ code: "QUOTSHIP", cart: c });
    expect(res).toMatchObject({ subtotal_minor: 4000, total_minor: 4000 - 500 + 700 - 200 });
  });

  it("R25: a percent discount is floored and respects its cap", async () => {
    await code({ code: "P15", discount: { kind: "percent", percent_off: 15, max_discount_minor: 1000 } });
    const small = await quote({ code: "QUOTP15", cart: cart([{ unit_price_minor: 3333 }]) });
    expect(small.applied?.discount_minor).toBe(499); // floor(3333 × 15 / 100)
    const big = await quote({ code: "QUOTP15", cart: cart([{ unit_price_minor: 100000 }]) });
    expect(big.applied?.discount_minor).toBe(1000);
  });

  it("R25: a fixed discount never exceeds the in-scope value, and only in-scope lines count", async () => {
    await code({ code: "MUGS", discount: { kind: "fixed", amount_minor: 5000 }, scope: { kind: "products", product_ids: ["mug"] } });
    const res = await quote({
      code: "QUOTMUGS",
      cart: cart([
        { product_id: "mug", unit_price_minor: 1200, quantity: 2 },
        { product_id: "tee", unit_price_minor: 9900 },
      ]),
    });
    expect(res.applied?.discount_minor).toBe(2400);
    expect(res.applied?.allocations).toEqual([{ line_id: "l1", discount_minor: 2400 }]);
    const none = await quote({ code: "QUOTMUGS", cart: cart([{ product_id: "tee", unit_price_minor: 9900 }]) });
    expect(none.candidates[0].reasons[0].code).toBe("no_items_in_scope");
  });

  it("R25: the spread over lines is proportional, floored, leftovers by largest remainder, and sums exactly", async () => {
    await code({ code: "SPREAD", discount: { kind: "fixed", amount_minor: 100 } });
    const res = await quote({
      code: "QUOTSPREAD",
      cart: cart(
        [{ unit_price_minor: 1 }, { unit_price_minor: 1 }, { unit_price_minor: 1 }].map((l) => ({ ...l, unit_price_minor: 1000 })),
      ),
    });
    const allocs = res.applied?.allocations ?? [];
    expect(allocs).toEqual([
      { line_id: "l1", discount_minor: 34 },
      { line_id: "l2", discount_minor: 33 },
      { line_id: "l3", discount_minor: 33 },
    ]);
    expect(allocs.reduce((a, x) => a + x.discount_minor, 0)).toBe(100);
  });

  it("an unknown code is a candidate with code_not_found, never an error", async () => {
    const res = await quote({ code: "nothing", cart: cart([{ unit_price_minor: 1000 }]) });
    expect(res.applied).toBeNull();
    expect(res.candidates).toEqual([
      {
        coupon_id: null,
        code: "NOTHING",
        applicable: false,
        discount_minor: 0,
        reasons: [expect.objectContaining({ code: "code_not_found" })],
      },
    ]);
  });

  it("a cart in another currency is currency_mismatch", async () => {
    await code({ code: "CUR" });
    const res = await quote({ code: "QUOTCUR", cart: cart([{ unit_price_minor: 1000 }], "EUR") });
    expect(res.candidates[0].reasons.map((r) => r.code)).toContain("currency_mismatch");
  });

  it("explain: true adds a trace and changes nothing else", async () => {
    await code({ code: "EXPL", discount: { kind: "percent", percent_off: 10 } });
    const body = { code: "QUOTEXPL", cart: cart([{ unit_price_minor: 2500 }, { unit_price_minor: 1500 }]) };
    const plain = await quote(body);
    const explained = await quote({ ...body, explain: true });
    const { trace, ...rest } = explained;
    expect(rest).toEqual(plain);
    expect(Array.isArray(trace)).toBe(true);
    expect(trace?.length).toBeGreaterThan(0);
  });

  it("refuses invalid carts with 422", async () => {
    const bad = [
      { code: "X", cart: { currency: "USD", lines: [] } },
      { cart: cart([{ unit_price_minor: -1 }]) },
      { cart: cart([{ unit_price_minor: 100, quantity: 1.5 }]) },
      { cart: cart([{ unit_price_minor: 100, product_discount_minor: 101 }]) },
      { cart: { ...cart([{ unit_price_minor: 100 }]), shipping_minor: 10, shipping_discount_minor: 11 } },
      { cart: cart([{ unit_price_minor: 100 }]), surprise: true },
    ];
    // Invalid on purpose, so outside the typed contract: sent raw.
    for (const b of bad) {
      const res = await t.call("POST", "/v1/checkout/quote", { key: s.sk, body: { buyer_id: "b1", ...b } });
      expect(res.status, JSON.stringify(b)).toBe(422);
    }
  });
});
