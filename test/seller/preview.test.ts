/**
 * `POST /v1/coupons/preview`: the create body answered as `POST /v1/coupons` would make it — the same
 * coupon and addons (R32), the estimated spend (R31), the same 422 and 409 answers (R8, R15, R19, R20,
 * names) — and nothing written.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { couponBodies } from "../security/openapi-walk.js";
import { at, claimableBody, DAY, makeTestApp, MINUTE, promoBody, type ShopKeys, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

const preview = (s: ShopKeys, body: Record<string, unknown>) => t.call("POST", "/v1/coupons/preview", { key: s.sk, body });
const create = (s: ShopKeys, body: Record<string, unknown>) => t.call("POST", "/v1/coupons", { key: s.sk, body });
/** Rows of every table a create writes. */
async function written() {
  const count = async (table: string) => Number((await t.db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)))!.n);
  return { coupons: await count("coupons"), audit: await count("audit_entries"), codes: await count("live_codes") };
}
/** A frozen shop clock, so a preview and the create after it happen at the same instant. */
async function frozenShop(over: Parameters<TestApp["shop"]>[0] = {}) {
  const s = await t.shop(over);
  await t.call("POST", "/v1/test-clock", { key: s.sk, body: { now: new Date().toISOString() } });
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
    };
    for (const [type, make] of Object.entries(bodies)) {
      const body = make();
      const before = await written();
      const p = await preview(s, body);
      expect(p.status, `${type}: ${JSON.stringify(p.body)}`).toBe(200);
      expect(await written(), type).toEqual(before);
      const c = await create(s, body);
      expect(c.status, type).toBe(201);
      const unwritten = (x: Record<string, unknown>) => ({ ...x, id: null, parent_id: null });
      expect(p.body.coupon, type).toEqual(unwritten(c.body.coupon));
      expect(p.body.addons, type).toEqual(c.body.addons.map(unwritten));
      const spends = [c.body.coupon, ...c.body.addons].map((x: { estimated_spend_minor: number | null }) => x.estimated_spend_minor);
      expect(p.body.estimated_spend_minor, type).toBe(spends.includes(null) ? null : (spends as number[]).reduce((a, b) => a + b, 0));
    }
  });

  it("R31: the estimated spend is quantity × amount, or × cap, and null without a cap; R32 adds the addon's", async () => {
    const s = await frozenShop({ name: "Spend", addon_coupons: true });
    const fixed = await preview(s, claimableBody("regular", { discount: { kind: "fixed", amount_minor: 500 }, quantity: 10 }));
    // The addon is a follower coupon (the shop has none), at least $3 (R3): 10 × 500 + 10 × 500.
    expect(fixed.body.coupon.estimated_spend_minor).toBe(5000);
    expect(fixed.body.addons).toHaveLength(1);
    expect(fixed.body.addons[0]).toMatchObject({ type: "follower", origin: "addon", id: null, status: expect.any(String) });
    expect(fixed.body.addons[0].name).toMatch(/addon/);
    expect(fixed.body.estimated_spend_minor).toBe(10_000);
    const capped = await preview(s, promoBody({ discount: { kind: "percent", percent_off: 20, max_discount_minor: 1500 }, quantity: 7 }));
    expect(capped.body).toMatchObject({ addons: [], estimated_spend_minor: 10_500, coupon: { estimated_spend_minor: 10_500 } });
    const open = await preview(s, promoBody({ discount: { kind: "percent", percent_off: 20 }, quantity: 7 }));
    expect(open.body).toMatchObject({ estimated_spend_minor: null, coupon: { estimated_spend_minor: null } });
  });

  it("R18: a promo code without `code` gets a generated suggestion in the shop's prefix, free at the time", async () => {
    const s = await frozenShop({ name: "Suggest" });
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const p = await preview(s, promoBody());
      expect(p.status).toBe(200);
      expect(p.body.coupon.code).toMatch(/^SUGG[CDFGHJKMNPRTVWXY34679]{6}$/);
      seen.add(p.body.coupon.code);
      const free = await t.call("GET", `/v1/promo-codes/availability?code=${p.body.coupon.code.slice(4)}`, { key: s.sk });
      expect(free.body).toEqual({ code: p.body.coupon.code, available: true });
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe("a preview is refused as create is", () => {
  it("422 for the rules (R3, R4, R21), with the same errors as create", async () => {
    const s = await frozenShop({ name: "Rules" });
    for (const body of [
      claimableBody("follower", { discount: { kind: "fixed", amount_minor: 200 } }), // R3: at least $3
      claimableBody("regular", { claim_ends_at: at(10 * DAY) }), // R4: at least 30 days
      promoBody({ active_ends_at: at(5 * MINUTE) }), // R21: longer than 10 minutes
      { ...claimableBody("chat"), audience: "all" }, // a field not listed for the type
    ]) {
      const p = await preview(s, body);
      const c = await create(s, body);
      expect(p.status, JSON.stringify(body)).toBe(422);
      expect(c.status).toBe(422);
      expect({ ...p.body, request_id: null }).toEqual({ ...c.body, request_id: null });
    }
  });

  it("409 name_taken, R8 new_customer_coupon_overlap, R15 review_coupon_overlap, R19 promo_code_taken, R20 code_not_allowed", async () => {
    const s = await frozenShop({ name: "Clash" });
    const elsewhere = await t.shop({ name: "Clash Too" }); // the same region: CLAS is both shops' prefix
    expect(elsewhere.code_prefix).toBe(s.code_prefix);
    const first = (await create(s, claimableBody("regular", { name: "Summer" }))).body.coupon;
    expect((await create(s, claimableBody("regular", { audience: "new" }))).status).toBe(201);
    expect((await create(s, couponBodies.review())).status).toBe(201);
    expect((await create(elsewhere, promoBody({ code: "TAKEN" }))).status).toBe(201);
    const cases: [string, Record<string, unknown>][] = [
      ["name_taken", claimableBody("regular", { name: "summer" })],
      ["new_customer_coupon_overlap", claimableBody("regular", { audience: "new" })],
      ["review_coupon_overlap", couponBodies.review()],
      ["promo_code_taken", promoBody({ code: "taken" })],
      ["code_not_allowed", promoBody({ code: "CRAP1" })],
    ];
    for (const [code, body] of cases) {
      const before = await written();
      const p = await preview(s, body);
      expect(p.status, code).toBe(409);
      expect(p.body.code).toBe(code);
      expect(await written()).toEqual(before);
      expect((await create(s, body)).body.code).toBe(code);
    }
    // Once the coupon holding the name is deactivated, the name is free again, for both.
    await t.call("POST", `/v1/coupons/${first.id}/deactivate`, { key: s.sk });
    expect((await preview(s, claimableBody("regular", { name: "Summer" }))).status).toBe(200);
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
    expect((await g.call("POST", "/v1/coupons", { key: holder.sk, body: promoBody({ code: "SECRET" }) })).status).toBe(201);
    const ask = {
      preview: (code: string) => g.call("POST", "/v1/coupons/preview", { key: seeker.sk, body: promoBody({ code }) }),
      availability: (code: string) => g.call("GET", `/v1/promo-codes/availability?code=${code}`, { key: seeker.sk }),
    };
    // Free codes and blocked words never count, however many are asked.
    for (let i = 0; i < LIMIT + 2; i++) {
      expect((await ask.availability(`FREE${i}`)).body.available).toBe(true);
      expect((await ask.preview(`FREE${i}`)).status).toBe(200);
      expect((await ask.availability(`CRAP${i}`)).body.reason).toBe("code_not_allowed");
    }
    const answers = [await ask.preview("SECRET"), await ask.availability("SECRET"), await ask.preview("secret")];
    expect(answers.map((r) => r.status)).toEqual([409, 200, 409]);
    expect(answers.map((r) => r.body.code ?? r.body.reason)).toEqual(["promo_code_taken", "MAPPSECRET", "promo_code_taken"]);
    expect(answers[1].body).toEqual({ code: "MAPPSECRET", available: false, reason: "promo_code_taken" });

    for (const res of [await ask.availability("SECRET"), await ask.preview("OTHER"), await ask.availability("OTHER")]) {
      expect(res.status).toBe(429);
      expect(res.body.code).toBe("rate_limited");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
    // The same budget as the seller's server-side look-ups of unknown codes (the shop's secret-key bucket) …
    expect((await g.call("GET", "/v1/promo-codes/MAPPNOPE", { key: seeker.sk })).status).toBe(429);
    // … while previews without a code to look up, and other shops, go on.
    expect((await g.call("POST", "/v1/coupons/preview", { key: seeker.sk, body: claimableBody("regular") })).status).toBe(200);
    expect((await g.call("GET", "/v1/promo-codes/availability?code=SECRET", { key: holder.sk })).body.reason).toBe("promo_code_taken");

    realNow += 61_000;
    expect((await ask.availability("SECRET")).status).toBe(200);
  });
});
