/**
 * Creates judged against the shop's other coupons: only one new-customer or review coupon at a time (R8, R15),
 * unique names, and the addon a regular coupon brings (R32). One coupon's own fields: coupons-create.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN, answer, at, DAY, makeTestApp, type ShopKeys, type TestApp } from "../support/app.js";
import { calls, type CouponJson } from "../support/api.js";
import { bodies, window } from "./coupon-bodies.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

/** This suite sends invalid bodies on purpose: any object goes in (as the contract's type), the answer is typed. */
const post = (s: ShopKeys, body: object) => answer(calls(t, s.sk).createCoupon(body as CouponJson));

describe("only one at a time and names", () => {
  it("R8: one new-customer coupon per period: overlapping windows are 409, touching ones are fine", async () => {
    const s = await t.shop();
    const a = { claim_starts_at: at(DAY), claim_ends_at: at(40 * DAY), audience: "new" };
    expect((await post(s, bodies.regular(a))).status).toBe(201);
    const clash = await post(s, bodies.regular({ ...a, claim_starts_at: at(20 * DAY), claim_ends_at: at(60 * DAY) }));
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe("new_customer_coupon_overlap");
    expect((await post(s, bodies.regular({ audience: "new", claim_starts_at: a.claim_ends_at, claim_ends_at: at(80 * DAY) }))).status).toBe(
      201,
    );
    // Other audiences are not limited.
    expect((await post(s, bodies.regular({ ...a, audience: "all" }))).status).toBe(201);
  });

  it("R8: a deactivated new-customer coupon no longer blocks its period", async () => {
    const s = await t.shop();
    const a = await post(s, bodies.regular({ audience: "new" }));
    await answer(calls(t, s.sk).deactivate(a.body.coupon!.id));
    expect((await post(s, bodies.regular({ audience: "new" }))).status).toBe(201);
  });

  it("R15: review coupons may not overlap in time", async () => {
    const s = await t.shop();
    expect((await post(s, bodies.review())).status).toBe(201);
    const clash = await post(s, bodies.review({ claim_starts_at: at(10 * DAY), claim_ends_at: at(50 * DAY) }));
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe("review_coupon_overlap");
    expect((await post(s, bodies.review({ claim_starts_at: window.claim_ends_at, claim_ends_at: at(90 * DAY) }))).status).toBe(201);
  });

  it("R8, R15: of concurrent creates in one period exactly one wins, the others are 409 (file database)", async () => {
    const f = await makeTestApp({ file: true });
    const s = await f.shop();
    const racers = (make: (o?: Record<string, unknown>) => Record<string, unknown>, extra: Record<string, unknown>) =>
      Promise.all(Array.from({ length: 6 }, () => answer(calls(f, s.sk).createCoupon(make(extra) as CouponJson))));
    const news = await racers(bodies.regular, { audience: "new" });
    expect(news.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(news.filter((r) => r.status === 409).every((r) => r.body.code === "new_customer_coupon_overlap")).toBe(true);
    const reviews = await racers(bodies.review, {});
    expect(reviews.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(reviews.filter((r) => r.status === 409).every((r) => r.body.code === "review_coupon_overlap")).toBe(true);
    const names = await racers(bodies.chat, { name: "Same name" });
    expect(names.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(names.filter((r) => r.status === 409).every((r) => r.body.code === "name_taken")).toBe(true);
  });

  it("names are unique among upcoming and ongoing coupons, case-insensitive; an ended one frees its name", async () => {
    const s = await t.shop();
    const start = Date.parse("2032-03-01T00:00:00Z");
    await answer(calls(t, s.sk).setClock({ now: new Date(start).toISOString() }));
    const first = await post(s, bodies.promo_code({ name: "Spring", active_starts_at: at(0, start), active_ends_at: at(DAY, start) }));
    expect(first.status).toBe(201);
    const dup = await post(s, bodies.regular({ name: "SPRING", claim_starts_at: at(0, start), claim_ends_at: at(40 * DAY, start) }));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe("name_taken");
    await answer(calls(t, s.sk).setClock({ now: new Date(start + 2 * DAY).toISOString() }));
    expect(
      (await post(s, bodies.regular({ name: "Spring", claim_starts_at: at(2 * DAY, start), claim_ends_at: at(40 * DAY, start) }))).status,
    ).toBe(201);
  });
});

describe("R32: addon coupons", () => {
  it("R32: a regular coupon brings a follower addon, then repurchase addons once a follower coupon exists", async () => {
    const s = await t.shop({ addon_coupons: true });
    const first = await post(
      s,
      bodies.regular({
        name: "Summer sale",
        discount: { kind: "fixed", amount_minor: 100 },
        validity: { kind: "fixed", starts_at: at(0), ends_at: at(50 * DAY) },
      }),
    );
    expect(first.status).toBe(201);
    expect(first.body.addons).toHaveLength(1);
    const addon = first.body.addons![0];
    expect(addon).toMatchObject({ type: "follower", audience: "all_followers", origin: "addon", parent_id: first.body.coupon!.id });
    expect(addon.name).toContain("addon");
    // Follower rules hold for the addon: at least 300 fixed, days-after-claim validity (R3, R5).
    expect(addon.discount).toEqual({ kind: "fixed", amount_minor: 300 });
    expect(addon.validity?.kind).toBe("days_after_claim");

    const second = await post(s, bodies.regular({ name: "Autumn sale" }));
    expect(second.body.addons).toHaveLength(1);
    expect(second.body.addons![0]).toMatchObject({
      type: "regular",
      audience: "repeat",
      origin: "addon",
      parent_id: second.body.coupon!.id,
    });
    expect(second.body.addons![0].name).toContain("addon");
  });

  it("R32: the addon is in the history, created by the same actor alongside its parent", async () => {
    const s = await t.shop({ addon_coupons: true });
    const res = await post(s, bodies.regular());
    const parent = res.body.coupon;
    const addon = res.body.addons![0];
    const ah = (await answer(calls(t, s.sk).history(addon.id))).body.data;
    const ph = (await answer(calls(t, s.sk).history(parent!.id))).body.data;
    expect(ah!.map((e) => e.action)).toEqual(["addon_created"]);
    expect(ph!.map((e) => e.action)).toEqual(["created", "addon_created"]);
    expect(ah![0].actor).toBe(ph![0].actor);
    expect(ph![1].changes.addon_id).toBe(addon.id);
  });

  it("R32: only regular coupons bring addons; two parents sharing a long name both get one", async () => {
    const s = await t.shop({ addon_coupons: true });
    for (const type of ["follower", "review", "chat", "promo_code"] as const)
      expect((await post(s, bodies[type]())).body.addons, type).toEqual([]);
    const long = "A very long coupon name that repeats its start";
    const a = await post(s, bodies.regular({ name: `${long} 1` }));
    const b = await post(s, bodies.regular({ name: `${long} 2` }));
    expect(a.body.addons).toHaveLength(1);
    expect(b.body.addons).toHaveLength(1);
    expect(b.body.addons![0].name).not.toBe(a.body.addons![0].name);
  });

  it("R32: the addon is written with its parent or not at all: a refused coupon leaves no addon behind", async () => {
    const s = await t.shop({ addon_coupons: true });
    const first = await post(s, bodies.regular({ name: "Only once" }));
    expect(first.body.addons).toHaveLength(1);
    const before = (await answer(calls(t, s.sk).listCoupons({ limit: "100" }))).body.data!.length;
    const refused = await post(s, bodies.regular({ name: "Only once" }));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("name_taken");
    expect((await answer(calls(t, s.sk).listCoupons({ limit: "100" }))).body.data!.length).toBe(before);
    const ah = (await answer(calls(t, s.sk).history(first.body.addons![0].id))).body.data;
    expect(ah![0].changes.parent_id).toBe(first.body.coupon!.id);
  });

  it("R32: the shop can turn the feature off (PATCH /v1/shops/{id} addon_coupons)", async () => {
    const s = await t.shop({ addon_coupons: true });
    const off = await answer(calls(t, ADMIN).patchShop(s.id, { addon_coupons: false }));
    expect(off.status).toBe(200);
    expect(off.body.shop!.addon_coupons).toBe(false);
    expect((await post(s, bodies.regular())).body.addons).toEqual([]);
  });
});
