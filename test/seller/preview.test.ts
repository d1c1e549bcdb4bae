/**
 * `POST /v1/coupons/preview`: the create body answered as `POST /v1/coupons` would make it — the same
 * coupon and addons (R32), the estimated spend (R31), the same 422 and 409 answers (R8, R15, R19, R20,
 * names) — and nothing written.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { couponBodies } from "../security/openapi-walk.js";
import {
  answer,
  at,
  claimableBody,
  DAY,
  expectStatus,
  makeTestApp,
  MINUTE,
  promoBody,
  type ShopKeys,
  type TestApp,
} from "../support/app.js";
import { calls, type CouponJson } from "../support/api.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

const preview = (s: ShopKeys, body: CouponJson) => calls(t, s.sk).preview(body);
const create = (s: ShopKeys, body: CouponJson) => calls(t, s.sk).createCoupon(body);
/** Rows of every table a create writes. */
async function written() {
  const count = async (table: string) => Number((await t.db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)))!.n);
  return {
    coupons: await count("coupons"),
    audit: await count("audit_entries"),
    codes: await count("live_codes"),
    campaignCodes: await count("campaign_codes"),
  };
}
/** A frozen shop clock, so a preview and the create after it happen at the same instant. */
async function frozenShop(over: Parameters<TestApp["shop"]>[0] = {}) {
  const s = await t.shop(over);
  await expectStatus(calls(t, s.sk).setClock({ now: new Date().toISOString() }), 200);
  return s;
}

describe("a preview is what create makes", () => {
  it("R31, R32: each type's coupon, with addons, as the create right after it answers (ids aside); nothing written", async () => {
    const s = await frozenShop({ name: "Preview", addon_coupons: true });
    const bodies = {
      ...couponBodies,
      percent: () => claimableBody("regular", { discount: { kind: "percent", percent_off: 15, max_discount_minor: 700 }, quantity: 40 }),
      unbounded: () => promoBody({ code: "OPEN", discount: { kind: "percent", percent_off: 10 } }),
      promo_code: () => promoBody({ code: "FIXED", quantity: 20, discount: { kind: "fixed", amount_minor: 250 } }),
      campaign: () =>
        promoBody({ quantity: undefined, unique_codes: { count: 30, length: 6 }, budget_minor: 4000, refund_policy: "return_unit" }),
    };
    for (const [type, make] of Object.entries(bodies)) {
      const body = make() as CouponJson;
      const before = await written();
      const p = await expectStatus(preview(s, body), 200);
      expect(await written(), type).toEqual(before);
      const c = await expectStatus(create(s, body), 201);
      const unwritten = <X extends object>(x: X) => ({ ...x, id: null, parent_id: null });
      expect(p.coupon, type).toEqual(unwritten(c.coupon));
      expect(p.addons, type).toEqual(c.addons.map(unwritten));
      const spends = [c.coupon, ...c.addons].map((x) => x.estimated_spend_minor);
      expect(p.estimated_spend_minor, type).toBe(spends.includes(null) ? null : (spends as number[]).reduce((a, b) => a + b, 0));
    }
  });

  it("R31: the estimated spend is quantity × amount, or × cap, and null without a cap; R32 adds the addon's", async () => {
    const s = await frozenShop({ name: "Spend", addon_coupons: true });
    const fixed = await expectStatus(
      preview(s, claimableBody("regular", { discount: { kind: "fixed", amount_minor: 500 }, quantity: 10 })),
      200,
    );
    // The addon is a follower coupon (the shop has none), at least $3 (R3): 10 × 500 + 10 × 500.
    expect(fixed.coupon.estimated_spend_minor).toBe(5000);
    expect(fixed.addons).toHaveLength(1);
    expect(fixed.addons[0]).toMatchObject({ type: "follower", origin: "addon", id: null, status: expect.any(String) });
    expect(fixed.addons[0].name).toMatch(/addon/);
    expect(fixed.estimated_spend_minor).toBe(10_000);
    const capped = await expectStatus(
      preview(s, promoBody({ discount: { kind: "percent", percent_off: 20, max_discount_minor: 1500 }, quantity: 7 })),
      200,
    );
    expect(capped).toMatchObject({ addons: [], estimated_spend_minor: 10_500, coupon: { estimated_spend_minor: 10_500 } });
    const open = await expectStatus(preview(s, promoBody({ discount: { kind: "percent", percent_off: 20 }, quantity: 7 })), 200);
    expect(open).toMatchObject({ estimated_spend_minor: null, coupon: { estimated_spend_minor: null } });
  });

  it("R18: a promo code without `code` gets a generated suggestion in the shop's prefix, free at the time", async () => {
    const s = await frozenShop({ name: "Suggest" });
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const p = await expectStatus(preview(s, promoBody()), 200);
      const code = p.coupon.code ?? "";
      expect(code).toMatch(/^SUGG[CDFGHJKMNPRTVWXY34679]{6}$/);
      seen.add(code);
      expect(await expectStatus(calls(t, s.sk).availability(code.slice(4)), 200)).toEqual({ code, available: true });
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe("a preview of a campaign (unique_codes)", () => {
  it("answers the campaign as create makes it without drawing or writing one of its codes", async () => {
    const s = await frozenShop({ name: "Campaign Preview" });
    const before = await written();
    const body = promoBody({
      quantity: undefined,
      unique_codes: { count: 100_000, length: 8 },
      discount: { kind: "fixed", amount_minor: 500 },
      budget_minor: 2_000_000,
    });
    const p = await expectStatus(preview(s, body), 200);
    expect(p.coupon).toMatchObject({
      id: null,
      type: "promo_code",
      code: null,
      quantity: 100_000,
      unique_codes: { count: 100_000, length: 8 },
      per_customer_limit: null,
    });
    // R31 with a budget: min(quantity × amount, budget).
    expect(p.estimated_spend_minor).toBe(2_000_000);
    expect(await written()).toEqual(before);
    // Refused as create refuses it: a campaign takes no code of its own, and its quantity is its count.
    for (const bad of [
      promoBody({ code: "MINE", unique_codes: { count: 10, length: 6 } }),
      promoBody({ quantity: 9, unique_codes: { count: 10, length: 6 } }),
    ]) {
      const refused = await expectStatus(preview(s, bad), 422);
      expect({ ...refused, request_id: null }).toEqual({ ...(await expectStatus(create(s, bad), 422)), request_id: null });
    }
    expect(await written()).toEqual(before);
  });
});

describe("a preview is refused as create is", () => {
  it("422 for the rules (R3, R4, R21), with the same errors as create", async () => {
    const s = await frozenShop({ name: "Rules" });
    for (const body of [
      claimableBody("follower", { discount: { kind: "fixed", amount_minor: 200 } }), // R3: at least $3
      claimableBody("regular", { claim_ends_at: at(10 * DAY) }), // R4: at least 30 days
      promoBody({ active_ends_at: at(5 * MINUTE) }), // R21: longer than 10 minutes
      { ...claimableBody("chat"), audience: "all" } as CouponJson, // a field not listed for the type
    ]) {
      const p = await expectStatus(preview(s, body), 422);
      const c = await expectStatus(create(s, body), 422);
      expect({ ...p, request_id: null }, JSON.stringify(body)).toEqual({ ...c, request_id: null });
    }
  });

  it("409 name_taken, R8 new_customer_coupon_overlap, R15 review_coupon_overlap, R19 promo_code_taken, R20 code_not_allowed", async () => {
    const s = await frozenShop({ name: "Clash" });
    const elsewhere = await t.shop({ name: "Clash Too" }); // the same region: CLAS is both shops' prefix
    expect(elsewhere.code_prefix).toBe(s.code_prefix);
    const first = (await expectStatus(create(s, claimableBody("regular", { name: "Summer" })), 201)).coupon;
    await expectStatus(create(s, claimableBody("regular", { audience: "new" })), 201);
    await expectStatus(create(s, couponBodies.review() as CouponJson), 201);
    await expectStatus(create(elsewhere, promoBody({ code: "TAKEN" })), 201);
    const cases: [string, CouponJson][] = [
      ["name_taken", claimableBody("regular", { name: "summer" })],
      ["new_customer_coupon_overlap", claimableBody("regular", { audience: "new" })],
      ["review_coupon_overlap", couponBodies.review() as CouponJson],
      ["promo_code_taken", promoBody({ code: "taken" })],
      ["code_not_allowed", promoBody({ code: "CRAP1" })],
    ];
    for (const [code, body] of cases) {
      const before = await written();
      expect((await expectStatus(preview(s, body), 409)).code).toBe(code);
      expect(await written()).toEqual(before);
      expect((await expectStatus(create(s, body), 409)).code).toBe(code);
    }
    // Once the coupon holding the name is deactivated, the name is free again, for both.
    await expectStatus(calls(t, s.sk).deactivate(first.id), 200);
    await expectStatus(preview(s, claimableBody("regular", { name: "Summer" })), 200);
  });
});

describe("guessing codes through the preview and the availability check", () => {
  const LIMIT = 3;
  let g: TestApp;
  let realNow = Date.now();
  beforeAll(async () => {
    g = await makeTestApp({ env: { RATE_LIMIT_FAILED_LOOKUPS: String(LIMIT) } });
    g.config.now = () => realNow; // rate limits use real time: a settable clock ends a window without waiting
  });

  it("a promo_code_taken answer counts as a failed look-up: past the limit 429 with Retry-After, for the asking shop only", async () => {
    const holder = await g.shop({ name: "Mapp" });
    const seeker = await g.shop({ name: "Mapper" });
    const [asHolder, asSeeker] = [calls(g, holder.sk), calls(g, seeker.sk)];
    await expectStatus(asHolder.createCoupon(promoBody({ code: "SECRET" })), 201);
    const ask = {
      preview: (code: string) => answer(asSeeker.preview(promoBody({ code }))),
      availability: (code: string) => answer(asSeeker.availability(code)),
    };
    // Free codes and blocked words never count, however many are asked.
    for (let i = 0; i < LIMIT + 2; i++) {
      expect((await expectStatus(asSeeker.availability(`FREE${i}`), 200)).available).toBe(true);
      await expectStatus(asSeeker.preview(promoBody({ code: `FREE${i}` })), 200);
      expect((await expectStatus(asSeeker.availability(`CRAP${i}`), 200)).reason).toBe("code_not_allowed");
    }
    const [p1, a1, p2] = [await ask.preview("SECRET"), await ask.availability("SECRET"), await ask.preview("secret")];
    expect([p1.status, a1.status, p2.status]).toEqual([409, 200, 409]);
    expect([p1.body.code, a1.body.code, p2.body.code]).toEqual(["promo_code_taken", "MAPPSECRET", "promo_code_taken"]);
    expect(a1.body).toEqual({ code: "MAPPSECRET", available: false, reason: "promo_code_taken" });

    for (const res of [await ask.availability("SECRET"), await ask.preview("OTHER"), await ask.availability("OTHER")]) {
      expect(res.status).toBe(429);
      expect(res.body.code).toBe("rate_limited");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
    // The same budget as the seller's server-side look-ups of unknown codes (the shop's secret-key bucket) …
    await expectStatus(asSeeker.lookup("MAPPNOPE"), 429);
    // … while previews without a code to look up (a campaign's codes are not the seller's guesses), and other shops, go on.
    await expectStatus(asSeeker.preview(claimableBody("regular")), 200);
    await expectStatus(asSeeker.preview(promoBody({ quantity: undefined, unique_codes: { count: 50, length: 6 } })), 200);
    expect((await expectStatus(asHolder.availability("SECRET"), 200)).reason).toBe("promo_code_taken");

    realNow += 61_000;
    expect((await ask.availability("SECRET")).status).toBe(200);
  });
});
