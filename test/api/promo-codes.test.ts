import { beforeAll, describe, expect, it } from "vitest";
import { at, cart, DAY, makeTestApp, MINUTE, promoBody, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

describe("promo codes", () => {
  it("R18: the full code is the shop prefix plus the seller's suffix, case-insensitive", async () => {
    const s = await t.shop({ name: "Mugs & More" });
    const res = await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ code: "winter5" }) });
    expect(res.status).toBe(201);
    expect(res.body.coupon.code).toBe("MUGSWINTER5");
    expect(res.body.coupon.status).toBe("ongoing");
    expect(res.body.addons).toEqual([]);
    const lookup = await t.call("GET", "/v1/promo-codes/mugsWinter5", { key: s.pk });
    expect(lookup.body.valid).toBe(true);
    const quote = await t.call("POST", "/v1/checkout/quote", { key: s.sk, body: { code: "mugswinter5", cart: cart([{ unit_price_minor: 2000 }]) } });
    expect(quote.body.applied).toMatchObject({ code: "MUGSWINTER5", discount_minor: 500 });
  });

  it("R18: a suffix is 2 to 8 letters or digits", async () => {
    const s = await t.shop();
    for (const code of ["A", "ABCDEFGHI", "AB-C", "ÄBC"]) {
      const res = await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ code }) });
      expect(res.status, code).toBe(422);
      expect(res.body.errors[0].path).toBe("code");
    }
    for (const code of ["AB", "ABCDEFGH", "a1b2"]) {
      const res = await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ code }) });
      expect(res.status, code).toBe(201);
    }
  });

  it("R18: an omitted suffix is generated without look-alike characters", async () => {
    const s = await t.shop({ name: "Gen Shop" });
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const res = await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody() });
      expect(res.status).toBe(201);
      const code: string = res.body.coupon.code;
      expect(code.startsWith("GENS")).toBe(true);
      const suffix = code.slice(4);
      expect(suffix).toMatch(/^[A-Z0-9]{2,8}$/);
      expect(suffix).not.toMatch(/[0O1IL5S2Z8B]/);
      codes.add(code);
    }
    expect(codes.size).toBe(20);
  });

  it("R19: a full code is unique among upcoming and ongoing codes of every shop in the region", async () => {
    const a = await t.shop({ name: "Same Prefix A", region: "EU" });
    const b = await t.shop({ name: "Same Prefix B", region: "EU" });
    const c = await t.shop({ name: "Same Prefix C", region: "JP" });
    expect(a.code_prefix).toBe(b.code_prefix);
    expect((await t.call("POST", "/v1/coupons", { key: a.sk, body: promoBody({ code: "DUP1" }) })).status).toBe(201);
    const taken = await t.call("POST", "/v1/coupons", { key: b.sk, body: promoBody({ code: "dup1" }) });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe("promo_code_taken");
    // An upcoming code holds the name too.
    expect(
      (await t.call("POST", "/v1/coupons", { key: a.sk, body: promoBody({ code: "LATER", active_starts_at: at(DAY), active_ends_at: at(3 * DAY) }) })).status,
    ).toBe(201);
    expect((await t.call("POST", "/v1/coupons", { key: b.sk, body: promoBody({ code: "LATER" }) })).body.code).toBe("promo_code_taken");
    // Another region is another namespace.
    expect((await t.call("POST", "/v1/coupons", { key: c.sk, body: promoBody({ code: "DUP1" }) })).status).toBe(201);
  });

  it("R19: once a code has ended it may be used again", async () => {
    const s = await t.shop({ name: "Reuse Shop" });
    const start = Date.parse("2031-01-01T00:00:00Z");
    await t.call("POST", "/v1/test-clock", { key: s.sk, body: { now: new Date(start).toISOString() } });
    const first = await t.call("POST", "/v1/coupons", {
      key: s.sk,
      body: promoBody({ code: "AGAIN", active_starts_at: at(0, start), active_ends_at: at(HOURS(2), start) }),
    });
    expect(first.status).toBe(201);
    await t.call("POST", "/v1/test-clock", { key: s.sk, body: { now: new Date(start + HOURS(3)).toISOString() } });
    const second = await t.call("POST", "/v1/coupons", {
      key: s.sk,
      body: promoBody({ code: "AGAIN", active_starts_at: at(HOURS(3), start), active_ends_at: at(DAY, start) }),
    });
    expect(second.status).toBe(201);
    // The shop's latest coupon with the code is the one that answers.
    const lookup = await t.call("GET", "/v1/promo-codes/REUSAGAIN", { key: s.sk });
    expect(lookup.body.valid).toBe(true);
  });

  it("R20: a code with a blocked word is refused with code_not_allowed", async () => {
    const s = await t.shop();
    const res = await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ code: "fuckoff" }) });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("code_not_allowed");
  });

  it("R20: the blocked-word list is configurable", async () => {
    const custom = await makeTestApp({ env: { BLOCKED_WORDS: "rival" } });
    const s = await custom.shop();
    const res = await custom.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ code: "RIVAL1" }) });
    expect(res.body.code).toBe("code_not_allowed");
  });

  it("R21: the active window is longer than 10 minutes and shorter than 30 days", async () => {
    const s = await t.shop();
    const now = Date.now() + MINUTE;
    const cases: [number, number][] = [
      [10 * MINUTE, 422],
      [10 * MINUTE + 1000, 201],
      [30 * DAY, 422],
      [30 * DAY - 1000, 201],
    ];
    for (const [len, status] of cases) {
      const res = await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ active_starts_at: at(0, now), active_ends_at: at(len, now) }) });
      expect(res.status, `length ${len}`).toBe(status);
    }
    const past = await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ active_starts_at: at(-2 * DAY), active_ends_at: at(-DAY) }) });
    expect(past.status).toBe(422);
  });

  it("R22: per customer one use or unlimited, optional minimum purchase, total quantity", async () => {
    const s = await t.shop();
    const bad = await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ per_customer_limit: 2 }) });
    expect(bad.status).toBe(422);
    const unlimited = await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ per_customer_limit: null }) });
    expect(unlimited.status).toBe(201);
    expect(unlimited.body.coupon.per_customer_limit).toBeNull();
    const min = await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ code: "MIN20", min_spend_minor: 2000, quantity: 7 }) });
    expect(min.body.coupon).toMatchObject({ min_spend_minor: 2000, quantity: 7, estimated_spend_minor: 3500 });
    const tooMany = await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ quantity: 1_000_001 }) });
    expect(tooMany.status).toBe(422);
  });

  it("looks codes up: unknown is 200 code_not_found, live shows its terms", async () => {
    const s = await t.shop({ name: "Look Shop" });
    await t.call("POST", "/v1/coupons", {
      key: s.sk,
      body: promoBody({ code: "TEN", discount: { kind: "percent", percent_off: 10, max_discount_minor: 1000 }, min_spend_minor: 1500 }),
    });
    const unknown = await t.call("GET", "/v1/promo-codes/NOPE123", { key: s.pk });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({ valid: false, reason: "code_not_found" });
    const live = await t.call("GET", "/v1/promo-codes/lookten", { key: s.pk });
    expect(live.body).toMatchObject({
      valid: true,
      coupon: { discount: { kind: "percent", percent_off: 10, max_discount_minor: 1000 }, min_spend_minor: 1500, scope: { kind: "shop" } },
    });
  });

  it("lists promo codes newest first in cursor pages, and reads one; another shop's is 404", async () => {
    const s = await t.shop();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody() })).body.coupon.id);
    const p1 = await t.call("GET", "/v1/coupons?type=promo_code&limit=2", { key: s.sk });
    expect(p1.body.data.map((c: { id: string }) => c.id)).toEqual([ids[4], ids[3]]);
    const p2 = await t.call("GET", `/v1/coupons?type=promo_code&limit=2&cursor=${p1.body.next_cursor}`, { key: s.sk });
    expect(p2.body.data.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    const p3 = await t.call("GET", `/v1/coupons?type=promo_code&limit=2&cursor=${p2.body.next_cursor}`, { key: s.sk });
    expect(p3.body.data.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(p3.body.next_cursor).toBeNull();
    const one = await t.call("GET", `/v1/coupons/${ids[0]}`, { key: s.sk });
    expect(one.body.coupon.id).toBe(ids[0]);
    const other = await t.shop();
    expect((await t.call("GET", `/v1/coupons/${ids[0]}`, { key: other.sk })).status).toBe(404);
    expect((await t.call("GET", "/v1/coupons?cursor=garbage!", { key: s.sk })).status).toBe(422);
  });
});

function HOURS(n: number) {
  return n * 60 * MINUTE;
}
