import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN, answer, at, DAY, HOUR, makeTestApp, type ShopKeys, type TestApp } from "../support/app.js";
import { calls, type CouponJson } from "../support/api.js";
import { bodies } from "./coupon-bodies.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

/** This suite sends invalid bodies on purpose: any object goes in (as the contract's type), the answer is typed. */
const post = (s: ShopKeys, body: object) => answer(calls(t, s.sk).createCoupon(body as CouponJson));

describe("R1, R2: the five types through one schema", () => {
  it("R1: regular, follower, review, chat and promo_code are created with their fields", async () => {
    const s = await t.shop();
    for (const [type, make] of Object.entries(bodies)) {
      const res = await post(s, make());
      expect(res.status, `${type} ${JSON.stringify(res.body)}`).toBe(201);
      const c = res.body.coupon;
      expect(c).toMatchObject({ type, origin: "manual", parent_id: null, version: 1, status: "ongoing", currency: "USD" });
      expect(res.body.addons).toEqual([]);
      if (type === "promo_code") expect(c!.claim_starts_at).toBeNull();
      else expect(c!.code).toBeNull();
    }
  });

  it("R6: regular audiences all, new, existing, repeat; follower audiences all or new followers", async () => {
    const s = await t.shop();
    for (const audience of ["all", "new", "existing", "repeat"]) {
      const res = await post(s, bodies.regular({ audience, ...(audience === "new" ? { claim_starts_at: at(-HOUR) } : {}) }));
      expect(res.status, audience).toBe(201);
      expect(res.body.coupon!.audience).toBe(audience);
    }
    expect((await post(s, bodies.regular())).body.coupon!.audience).toBe("all");
    for (const audience of ["all_followers", "new_followers"]) expect((await post(s, bodies.follower({ audience }))).status).toBe(201);
    expect((await post(s, bodies.regular({ audience: "new_followers" }))).status).toBe(422);
    expect((await post(s, bodies.follower({ audience: "repeat" }))).status).toBe(422);
    for (const type of ["review", "chat", "promo_code"] as const)
      expect((await post(s, bodies[type]({ audience: "all" }))).status, type).toBe(422);
  });

  it("R2: name 1-50, scope 1-2,000 distinct products, quantity 1-1,000,000, min spend >= 0", async () => {
    const s = await t.shop();
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);
    const bad = [
      { name: "" },
      { name: "x".repeat(51) },
      { quantity: 0 },
      { quantity: 1_000_001 },
      { min_spend_minor: -1 },
      { scope: { kind: "products", product_ids: [] } },
      { scope: { kind: "products", product_ids: ids(2001) } },
      { scope: { kind: "products", product_ids: ["a", "a"] } },
      { type: "coupon" },
    ];
    for (const o of bad) expect((await post(s, bodies.regular(o))).status, JSON.stringify(o).slice(0, 80)).toBe(422);
    const good = await post(
      s,
      bodies.regular({
        name: "x".repeat(50),
        quantity: 1_000_000,
        min_spend_minor: 2500,
        scope: { kind: "products", product_ids: ids(2000) },
      }),
    );
    expect(good.status).toBe(201);
    expect((good.body.coupon!.scope as { product_ids: string[] }).product_ids).toHaveLength(2000);
  });

  it("R31: estimated spend = quantity x amount, or x cap; null when a percent has no cap", async () => {
    const s = await t.shop();
    expect(
      (await post(s, bodies.regular({ quantity: 40, discount: { kind: "fixed", amount_minor: 250 } }))).body.coupon!.estimated_spend_minor,
    ).toBe(10_000);
    expect(
      (await post(s, bodies.regular({ quantity: 40, discount: { kind: "percent", percent_off: 20, max_discount_minor: 700 } }))).body
        .coupon!.estimated_spend_minor,
    ).toBe(28_000);
    expect(
      (await post(s, bodies.regular({ discount: { kind: "percent", percent_off: 20 } }))).body.coupon!.estimated_spend_minor,
    ).toBeNull();
  });
});

describe("R3: discount thresholds per type and currency", () => {
  it("R3: fixed at least 50 (regular, chat, promo code) or 300 (follower, review) in USD; percent 1-99", async () => {
    const s = await t.shop();
    for (const type of ["regular", "chat", "promo_code"] as const) {
      expect((await post(s, bodies[type]({ discount: { kind: "fixed", amount_minor: 49 } }))).status, type).toBe(422);
      expect((await post(s, bodies[type]({ discount: { kind: "fixed", amount_minor: 50 } }))).status, type).toBe(201);
    }
    for (const type of ["follower", "review"] as const) {
      const low = await post(s, bodies[type]({ discount: { kind: "fixed", amount_minor: 299 } }));
      expect(low.status, type).toBe(422);
      expect(low.body.errors![0]).toMatchObject({ path: "discount.amount_minor", code: "amount_too_small" });
      // One review coupon at a time (R15): the later window does not overlap the first.
      const o = type === "review" ? { claim_starts_at: at(-HOUR) } : {};
      expect((await post(s, bodies[type]({ discount: { kind: "fixed", amount_minor: 300 }, ...o }))).status, type).toBe(201);
    }
    for (const percent_off of [0, 100, 12.5])
      expect((await post(s, bodies.regular({ discount: { kind: "percent", percent_off } }))).status).toBe(422);
    for (const percent_off of [1, 99])
      expect((await post(s, bodies.regular({ discount: { kind: "percent", percent_off } }))).status).toBe(201);
  });

  it("R3: other currencies use the shop's table (JPY: 75 / 450 yen)", async () => {
    const s = await t.shop({ currency: "JPY" });
    expect((await post(s, bodies.regular({ discount: { kind: "fixed", amount_minor: 74 } }))).status).toBe(422);
    expect((await post(s, bodies.regular({ discount: { kind: "fixed", amount_minor: 75 } }))).body.coupon!.currency).toBe("JPY");
    expect((await post(s, bodies.follower({ discount: { kind: "fixed", amount_minor: 449 } }))).status).toBe(422);
    expect((await post(s, bodies.follower({ discount: { kind: "fixed", amount_minor: 450 } }))).status).toBe(201);
  });

  it("R3: a shop sets its own thresholds for its currency; null returns to the defaults", async () => {
    const own = { regular: 1000, follower: 5000, review: 5000, chat: 1000, promo_code: 1000 };
    const s = await t.shop({ currency: "SEK", min_fixed_minor: own });
    expect(s.shop.min_fixed_minor).toEqual(own);
    expect((await post(s, bodies.regular({ discount: { kind: "fixed", amount_minor: 999 } }))).status).toBe(422);
    expect((await post(s, bodies.regular({ discount: { kind: "fixed", amount_minor: 1000 } }))).status).toBe(201);
    expect((await post(s, bodies.follower({ discount: { kind: "fixed", amount_minor: 4999 } }))).status).toBe(422);
    const reset = await answer(calls(t, ADMIN).patchShop(s.id, { min_fixed_minor: null }));
    expect(reset.body.shop!.min_fixed_minor).toEqual({ regular: 50, follower: 300, review: 300, chat: 50, promo_code: 50 });
    expect((await post(s, bodies.regular({ discount: { kind: "fixed", amount_minor: 999 } }))).status).toBe(201);
    const partial = await answer(
      calls(t, ADMIN).patchShop(s.id, { min_fixed_minor: { regular: 10 } as never }) /* incomplete on purpose */,
    );
    expect(partial.status).toBe(422);
  });
});

describe("R4, R5: windows and validity", () => {
  it("R4: a claim window lasts 30 to 180 days, measured from the given start; its end lies ahead", async () => {
    const s = await t.shop();
    const start = Date.now() + DAY;
    const w = (days: number, base = start) => ({ claim_starts_at: at(0, base), claim_ends_at: at(days * DAY, base) });
    for (const type of ["regular", "follower", "chat"] as const) {
      expect((await post(s, bodies[type](w(29.9)))).status, type).toBe(422);
      expect((await post(s, bodies[type](w(181)))).status, type).toBe(422);
      expect((await post(s, bodies[type](w(30)))).status, type).toBe(201);
      expect((await post(s, bodies[type](w(180)))).status, type).toBe(201);
    }
    // A start already past starts at once, but the length counts from it.
    const past = await post(s, bodies.regular(w(40, Date.now() - 20 * DAY)));
    expect(past.status).toBe(201);
    expect(past.body.coupon!.status).toBe("ongoing");
    expect((await post(s, bodies.regular(w(185, Date.now() - 20 * DAY)))).status).toBe(422);
    expect((await post(s, bodies.regular(w(30, Date.now() - 31 * DAY)))).status).toBe(422);
    expect((await post(s, bodies.regular({ claim_starts_at: at(DAY), claim_ends_at: at(-DAY) }))).status).toBe(422);
  });

  it("R5: validity N days after the claim (1-365), or a fixed range for regular and chat only", async () => {
    const s = await t.shop();
    const fixed = { kind: "fixed", starts_at: at(0), ends_at: at(50 * DAY) };
    for (const days of [0, 366]) expect((await post(s, bodies.regular({ validity: { kind: "days_after_claim", days } }))).status).toBe(422);
    expect((await post(s, bodies.regular({ validity: { kind: "days_after_claim", days: 365 } }))).status).toBe(201);
    expect((await post(s, bodies.regular({ validity: fixed }))).body.coupon!.validity).toMatchObject({ kind: "fixed" });
    expect((await post(s, bodies.chat({ validity: fixed }))).status).toBe(201);
    expect((await post(s, bodies.follower({ validity: fixed }))).status).toBe(422);
    expect((await post(s, bodies.review({ validity: fixed }))).status).toBe(422);
    expect((await post(s, bodies.regular({ validity: undefined }))).status).toBe(422);
  });

  it("R21: a promo code's active window is longer than 10 minutes and shorter than 30 days", async () => {
    const s = await t.shop();
    const start = Date.now() + HOUR;
    expect((await post(s, bodies.promo_code({ active_starts_at: at(0, start), active_ends_at: at(10 * 60_000, start) }))).status).toBe(422);
    expect((await post(s, bodies.promo_code({ active_starts_at: at(0, start), active_ends_at: at(30 * DAY, start) }))).status).toBe(422);
    expect(
      (await post(s, bodies.promo_code({ active_starts_at: at(0, start), active_ends_at: at(10 * 60_000 + 1000, start) }))).status,
    ).toBe(201);
  });

  it("R9, R22: per_customer_limit for regular and chat (default 1); promo codes 1 or null; others none", async () => {
    const s = await t.shop();
    expect((await post(s, bodies.regular())).body.coupon!.per_customer_limit).toBe(1);
    expect((await post(s, bodies.chat({ per_customer_limit: 3 }))).body.coupon!.per_customer_limit).toBe(3);
    expect((await post(s, bodies.promo_code({ per_customer_limit: null }))).body.coupon!.per_customer_limit).toBeNull();
    expect((await post(s, bodies.promo_code({ per_customer_limit: 2 }))).status).toBe(422);
    expect((await post(s, bodies.follower({ per_customer_limit: 1 }))).status).toBe(422);
    expect((await post(s, bodies.regular({ code: "ABC" }))).status).toBe(422);
    expect((await post(s, bodies.promo_code({ validity: { kind: "days_after_claim", days: 3 } }))).status).toBe(422);
  });
});
