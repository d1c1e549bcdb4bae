/**
 * R31 by day: `GET /v1/coupons/{id}/performance` adds `series`, one entry per UTC day in [from, to), zero
 * days included — claims by the day they were issued, committed uses (count, buyers, discount, sales)
 * by the day they were committed — while the totals stay what they were.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  at,
  cart,
  claimableBody,
  DAY,
  expectStatus,
  HOUR,
  makeTestApp,
  MINUTE,
  promoBody,
  type ShopKeys,
  type TestApp,
} from "../support/app.js";
import { calls, type CouponJson, type RedemptionJson } from "../support/api.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

const T0 = Date.UTC(2032, 2, 1); // 2032-03-01T00:00Z, a Monday
const setClock = (s: ShopKeys, ms: number) => expectStatus(calls(t, s.sk).setClock({ now: new Date(ms).toISOString() }), 200);
const perf = (s: ShopKeys, id: string, query: { from?: string; to?: string } = {}) => calls(t, s.sk).performance(id, query);
async function create(s: ShopKeys, body: CouponJson) {
  return (await expectStatus(calls(t, s.sk).createCoupon(body), 201)).coupon;
}
async function use(
  s: ShopKeys,
  what: { coupon_id: string } | { code: string },
  buyer: string,
  order: string,
  price: number,
  commit = true,
) {
  const body: RedemptionJson = { ...what, buyer_id: buyer, order_id: order, cart: cart([{ unit_price_minor: price }]) };
  const { redemption } = await expectStatus(calls(t, s.sk).redeem(body), 201);
  if (commit) await expectStatus(calls(t, s.sk).commit(redemption.id), 200);
}
const zero = (date: string) => ({ date, claims: 0, redemptions: 0, buyers: 0, discount_minor: 0, gmv_minor: 0 });

describe("the daily series", () => {
  it("R31: claims by the UTC day they were issued, committed uses by the day they were committed; zero days included", async () => {
    const s = await t.shop({ name: "Series" });
    await setClock(s, T0);
    const c = await create(
      s,
      claimableBody("regular", {
        quantity: 100,
        per_customer_limit: 3,
        discount: { kind: "fixed", amount_minor: 500 },
        claim_starts_at: at(0, T0),
        claim_ends_at: at(30 * DAY, T0),
        validity: { kind: "days_after_claim", days: 5 },
      }),
    );
    const claim = (buyer: string) => expectStatus(calls(t, s.sk).claim(c.id, { buyer_id: buyer }), 201);
    // Day 1 (March 2): two claims, one late in the day (23:59 UTC), and ann's use.
    await setClock(s, T0 + DAY + HOUR);
    await claim("ann");
    await setClock(s, T0 + 2 * DAY - MINUTE);
    await claim("bob");
    await use(s, { coupon_id: c.id }, "ann", "o1", 3000);
    // Day 3 (March 4): bob uses his, ann claims again and uses it, a reservation left uncommitted does not count.
    await setClock(s, T0 + 3 * DAY + 10 * HOUR);
    await use(s, { coupon_id: c.id }, "bob", "o2", 2000);
    await claim("ann");
    await use(s, { coupon_id: c.id }, "ann", "o3", 4000);
    await claim("cat");
    await use(s, { coupon_id: c.id }, "cat", "o4", 9000, false);

    const body = await expectStatus(perf(s, c.id, { from: "2032-03-01", to: "2032-03-06" }), 200);
    expect(body).toMatchObject({ claims: 4, redemptions: 3, buyers: 2, orders: 3, discount_minor: 1500, gmv_minor: 7500, remaining: 96 });
    expect(body.from).toBe("2032-03-01");
    expect(body.to).toBe("2032-03-06");
    expect(body.series).toEqual([
      zero("2032-03-01"),
      { date: "2032-03-02", claims: 2, redemptions: 1, buyers: 1, discount_minor: 500, gmv_minor: 2500 },
      zero("2032-03-03"),
      { date: "2032-03-04", claims: 2, redemptions: 2, buyers: 2, discount_minor: 1000, gmv_minor: 5000 },
      zero("2032-03-05"),
    ]);

    // Without bounds: the coupon's window, from its start to the last day a claim can be used (30 + 5 days).
    const whole = await expectStatus(perf(s, c.id), 200);
    expect([whole.from, whole.to, whole.series.length]).toEqual(["2032-03-01", "2032-04-05", 35]);
    expect(whole.series.reduce((n, d) => n + d.claims, 0)).toBe(4);
    expect(whole.series.reduce((n, d) => n + d.redemptions, 0)).toBe(3);
    // RFC 3339 times: `from` counts from its day, `to` includes the day it falls in.
    const times = await expectStatus(perf(s, c.id, { from: "2032-03-02T13:00:00Z", to: "2032-03-04T00:00:01+00:00" }), 200);
    expect(times.series.map((d) => d.date)).toEqual(["2032-03-02", "2032-03-03", "2032-03-04"]);
    // Only `from`: to the window's end.
    expect((await expectStatus(perf(s, c.id, { from: "2032-04-01" }), 200)).series.map((d) => d.date)).toEqual([
      "2032-04-01",
      "2032-04-02",
      "2032-04-03",
      "2032-04-04",
    ]);
  });

  it("R31, R28: a promo code's series is its active window, cut at deactivation; claims stay 0", async () => {
    const s = await t.shop({ name: "Coded" });
    await setClock(s, T0 + 12 * HOUR);
    const c = await create(s, promoBody({ code: "DAYS", active_starts_at: at(0, T0 + 12 * HOUR), active_ends_at: at(10 * DAY, T0) }));
    await use(s, { code: c.code! }, "zed", "p1", 1500);
    const body = await expectStatus(perf(s, c.id), 200);
    expect(body.series).toHaveLength(10);
    expect(body.series[0]).toEqual({ date: "2032-03-01", claims: 0, redemptions: 1, buyers: 1, discount_minor: 500, gmv_minor: 1000 });
    await setClock(s, T0 + 3 * DAY + HOUR);
    await expectStatus(calls(t, s.sk).deactivate(c.id), 200);
    expect((await expectStatus(perf(s, c.id), 200)).series.map((d) => d.date)).toEqual([
      "2032-03-01",
      "2032-03-02",
      "2032-03-03",
      "2032-03-04",
    ]);
  });

  it("R31: at most 366 days a call (a leap year fits); bad bounds are 422; another shop's coupon is 404", async () => {
    const s = await t.shop({ name: "Bounds" });
    await setClock(s, T0);
    const c = await create(s, claimableBody("regular", { claim_starts_at: at(0, T0), claim_ends_at: at(30 * DAY, T0) }));
    const leap = await expectStatus(perf(s, c.id, { from: "2032-01-01", to: "2033-01-01" }), 200);
    expect(leap.series).toHaveLength(366);
    expect(leap.series[59].date).toBe("2032-02-29");
    for (const query of [
      { from: "2032-01-01", to: "2033-01-02" }, // 367 days
      { from: "2032-03-05", to: "2032-03-05" },
      { from: "2032-03-05", to: "2032-03-01" },
      { from: "2032-02-30" },
      { to: "March 5" },
      { from: "2032-03-01T24:00:00Z" },
    ] as Record<string, string>[]) {
      expect((await expectStatus(perf(s, c.id, query), 422)).code, JSON.stringify(query)).toBe("validation_failed");
    }
    const other = await t.shop({ name: "Peeker" });
    expect((await expectStatus(perf(other, c.id), 404)).code).toBe("not_found");
  });
});
