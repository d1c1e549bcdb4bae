/**
 * Counters never break reads. An attack once pushed a coupon's committed discounts past 2^53 with huge
 * carts, and every read of that coupon (get, list, look-up, quote, performance) answered 500. Two things
 * hold now, and are tested here:
 * - carts are bounded (subtotal ≤ 9,007,199,254 minor units), so 1,000,000 uses can never sum past 2^53;
 * - whatever is stored — extreme values written straight into the database, as a row from before the
 *   bound or written by hand — every route that shows it still answers, never a 5xx.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_ORDER_MINOR } from "../../worker/engine/coupon-rules.js";
import { QuoteSchema } from "../../worker/contract/checkout.js";
import type { CouponOut } from "../../worker/contract/coupons.js";
import { PerformanceSchema } from "../../worker/contract/performance.js";
import type { RedemptionOut } from "../../worker/contract/redemptions.js";
import { bodyAs, cart, makeTestApp, problemOf, type ShopKeys, type TestApp } from "../support/app.js";
import { expectWellFormed, operations, seedShop, type Schema, type Seeded } from "./openapi-walk.js";

let t: TestApp;
let s: ShopKeys;
let seeded: Seeded;
let doc: Schema;
beforeAll(async () => {
  t = await makeTestApp();
  s = await t.shop({ name: "Extremes" });
  seeded = await seedShop(t, s);
  doc = (await t.call("GET", "/openapi.json")).body as Schema;
});

const quote = (c: unknown, extra: Record<string, unknown> = {}) =>
  t.call("POST", "/v1/checkout/quote", { key: s.sk, body: { cart: c, ...extra } });

describe("carts are bounded so no coupon's sums can pass 2^53", () => {
  it("a subtotal of 9,007,199,254 minor units is quoted; one unit more is 422, on quote and redemption alike", async () => {
    expect(MAX_ORDER_MINOR * 1_000_000).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    // 10,000 × 900,719 = 9,007,190,000, plus a line of 9,254: exactly the bound.
    const atBound = cart([{ quantity: 10_000, unit_price_minor: 900_719 }, { unit_price_minor: 9_254 }]);
    const ok = await quote(atBound, { code: seeded.code });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(bodyAs(ok, QuoteSchema).subtotal_minor).toBe(MAX_ORDER_MINOR);
    const over = cart([{ quantity: 10_000, unit_price_minor: 900_719 }, { unit_price_minor: 9_255 }]);
    const refused = await quote(over, { code: seeded.code });
    expect(refused.status).toBe(422);
    expect(problemOf(refused).code).toBe("validation_failed");
    expect(problemOf(refused).errors?.map((e) => e.path)).toContain("cart.lines");
    const redemption = await t.call("POST", "/v1/checkout/redemptions", {
      key: s.sk,
      body: { code: seeded.code, order_id: "too-big", cart: over },
    });
    expect(redemption.status).toBe(422);
    // A product discount brings a large cart back under the bound: the subtotal is after product discounts.
    const discounted = cart([{ quantity: 10_000, unit_price_minor: 900_719, product_discount_minor: 1 }, { unit_price_minor: 9_255 }]);
    expect((await quote(discounted)).status).toBe(200);
  });

  it("the OpenAPI document states the bound", async () => {
    for (const path of ["/v1/checkout/quote", "/v1/checkout/redemptions"])
      expect(doc.paths[path].post.requestBody.content["application/json"].schema.properties.cart.description).toContain("9,007,199,254");
  });
});

describe("no read answers 5xx on stored data", () => {
  it("counters, sums and amounts far past 2^53 written into the database: every route still answers", async () => {
    const big = 2n ** 62n;
    const { coupons: ids, code } = seeded;
    // The promo code: counters and money past the safe range (SQLite keeps them as 64-bit integers).
    for (const id of Object.values(ids))
      await t.db.run(sql`UPDATE coupons SET discount_total_minor = ${big}, gmv_minor = ${big}, claimed_count = ${big},
        max_discount_minor = ${big}, min_spend_minor = ${big}, quantity = ${big} WHERE id = ${id}`);
    await t.db.run(sql`UPDATE coupons SET amount_minor = ${big} WHERE id = ${ids.regular}`);
    // Three committed uses of 2^62 each: their sum passes even SQLite's 64-bit integers.
    for (let i = 0; i < 3; i++)
      await t.db.run(sql`INSERT INTO redemptions (id, shop_id, coupon_id, claim_id, buyer_id, order_id, code, state, discount_minor,
          subtotal_minor, allocations, reserved_at, expires_at, committed_at, released_at, release_reason)
        VALUES (${`red_big_${i}`}, ${s.id}, ${ids.promo_code}, NULL, 'big-buyer', ${`big-order-${i}`}, ${code}, 'committed', ${big},
          ${2n ** 63n - 1n}, '[{"line_id":"l1","discount_minor":4611686018427387904}]', ${Date.now()}, ${Date.now() + 60_000}, ${Date.now()}, NULL, NULL)`);

    const seen: string[] = [];
    const check = async (method: string, path: string, opts: { key?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
      const res = await t.call(method, path, { key: s.sk, ...opts });
      expectWellFormed(res, `${method} ${path}`);
      seen.push(`${method} ${path} ${res.status}`);
      return res;
    };

    // Every GET of the document, with the seeded objects' ids (and with the publishable key where it may call).
    const fill = (path: string) =>
      path
        .replace("{code}", code)
        .replace(/\/v1\/redemptions\/\{id\}/, `/v1/redemptions/red_big_0`)
        .replace(/\/v1\/keys\/\{id\}/, `/v1/keys/${seeded.keyId}`);
    for (const o of operations(doc).filter((op) => op.method === "GET" && op.path.startsWith("/v1/"))) {
      const paths = o.path.includes("/v1/coupons/{id}") ? Object.values(ids).map((id) => o.path.replace("{id}", id)) : [fill(o.path)];
      for (const p of paths) {
        const query = o.params.some((q: Schema) => q.name === "buyer_id") ? "?buyer_id=buyer-a" : "";
        await check("GET", p + query);
      }
    }
    await check("GET", `/v1/promo-codes/${code}`, { key: s.pk });
    await check("GET", "/v1/storefront/coupons", { key: s.pk });

    // The figures read back saturated at 2^53 − 1, not wrapped or rounded into nonsense.
    const perf = await check("GET", `/v1/coupons/${ids.promo_code}/performance`);
    expect(perf.status).toBe(200);
    expect(bodyAs(perf, PerformanceSchema).discount_minor).toBe(Number.MAX_SAFE_INTEGER);
    expect(bodyAs(perf, PerformanceSchema).gmv_minor).toBe(Number.MAX_SAFE_INTEGER);
    const one = await check("GET", `/v1/coupons/${ids.regular}`);
    expect(one.status).toBe(200);
    // Typed, not parsed: the stored amount is past what the contract lets a seller set (1e9), on purpose.
    const coupon = (one.body as { coupon: CouponOut }).coupon;
    expect(Number.isSafeInteger(coupon.estimated_spend_minor)).toBe(true);
    expect(coupon.discount).toMatchObject({ amount_minor: Number.MAX_SAFE_INTEGER });
    const red = await check("GET", "/v1/redemptions/red_big_0");
    // Typed, not parsed: the stored allocations are not saturated (only the discount is), so the body does
    // not pass the Redemption schema's safe-integer check.
    expect((red.body as { redemption: RedemptionOut }).redemption.discount_minor).toBe(Number.MAX_SAFE_INTEGER);

    // Quotes and writes that read these coupons answer too (whatever they decide).
    const c = cart([{ unit_price_minor: 5000 }]);
    await check("POST", "/v1/checkout/quote", { body: { cart: c, code, buyer_id: "buyer-a", explain: true } });
    await check("POST", "/v1/checkout/quote", { body: { cart: c, coupon_id: ids.regular, buyer_id: "buyer-a" } });
    await check("POST", "/v1/checkout/quote", { key: s.pk, body: { cart: c, code } });
    await check("POST", "/v1/checkout/redemptions", { body: { cart: c, code, buyer_id: "buyer-c", order_id: "after-extremes" } });
    await check("PATCH", `/v1/coupons/${ids.promo_code}`, { body: { name: "Renamed after extremes" } });
    await check("POST", `/v1/coupons/${ids.chat}/send`, { body: { buyer_id: "buyer-z" } });
    await check("POST", `/v1/storefront/coupons/${ids.regular}/claim`, { body: { buyer_id: "buyer-y" } });
    expect(seen.length).toBeGreaterThan(15);
  });
});
