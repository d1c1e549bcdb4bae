/**
 * Campaign codes (README "Campaign codes, budgets and refunds"): a promo code holding many single-use codes. Created, listed
 * (JSON pages and CSV), looked up, quoted and redeemed by any of its codes, each used once; R19 across
 * shared and campaign codes both ways; the seller's own codes imported with a reason per refusal.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { at, cart, DAY, expectStatus, makeTestApp, MINUTE, promoBody, type ShopKeys, type TestApp } from "../support/app.js";
import { calls } from "../support/api.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ env: { RATE_LIMIT_FAILED_LOOKUPS: "30" } });
});

const api = (s: ShopKeys) => t.api(s.sk).v1;
const campaignBody = (count: number, over: Parameters<typeof promoBody>[0] = {}) =>
  promoBody({ quantity: undefined, unique_codes: { count, length: 6 }, ...over });
async function campaign(s: ShopKeys, count = 50, over: Parameters<typeof promoBody>[0] = {}) {
  return (await expectStatus(api(s).coupons.$post({ json: campaignBody(count, over) }), 201)).coupon;
}
const codesOf = (s: ShopKeys, id: string, query: { state?: "available" | "reserved" | "redeemed"; limit?: string; cursor?: string } = {}) =>
  expectStatus(api(s).coupons[":id"].codes.$get({ param: { id }, query }), 200);
async function allCodes(s: ShopKeys, id: string, state?: "available" | "reserved" | "redeemed") {
  const out: { code: string; state: string; order_id: string | null; redeemed_at: string | null }[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await codesOf(s, id, { state, limit: "100", ...(cursor ? { cursor } : {}) });
    out.push(...page.data);
    if (!page.next_cursor) return out;
    cursor = page.next_cursor;
  }
}
const CART = cart([{ unit_price_minor: 4000 }]);
const quote = (s: ShopKeys, code: string, key = s.sk) =>
  expectStatus(t.api(key).v1.checkout.quote.$post({ json: { code, cart: CART } }), 200);
const redeem = (s: ShopKeys, code: string, order: string) =>
  t.api(s.sk).v1.checkout.redemptions.$post({ header: {}, json: { code, order_id: order, cart: CART } });

describe("campaign codes: creation and the list", () => {
  it("creates count codes of the shop prefix + length characters without look-alikes, all distinct; quantity is the count", async () => {
    const s = await t.shop({ name: "Camp One" });
    const c = await campaign(s, 250);
    expect(c).toMatchObject({
      code: null,
      quantity: 250,
      per_customer_limit: null,
      unique_codes: { count: 250, length: 6 },
      refund_policy: "keep_used",
    });
    const codes = await allCodes(s, c.id);
    expect(codes).toHaveLength(250);
    expect(new Set(codes.map((x) => x.code)).size).toBe(250);
    for (const x of codes) {
      expect(x.code).toMatch(/^CAMP[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
      expect(x).toMatchObject({ state: "available", order_id: null, redeemed_at: null });
    }
    // Pages come in code order, each after the last one's cursor.
    expect(codes.map((x) => x.code)).toEqual([...codes.map((x) => x.code)].sort());
    const history = await expectStatus(api(s).coupons[":id"].history.$get({ param: { id: c.id }, query: {} }), 200);
    expect(history.data.map((e) => e.action)).toEqual(["created"]);
  });

  it("refuses a campaign with a shared code, a per-customer limit, another quantity, or on another type (422)", async () => {
    const s = await t.shop();
    const bad = [
      campaignBody(10, { code: "SUMMER" }),
      campaignBody(10, { per_customer_limit: 1 }),
      campaignBody(10, { quantity: 11 }),
      promoBody({ quantity: undefined }),
    ];
    for (const body of bad) expect((await expectStatus(api(s).coupons.$post({ json: body }), 422)).code).toBe("validation_failed");
    const raw = await t.call("POST", "/v1/coupons", { key: s.sk, body: { ...campaignBody(10), unique_codes: { count: 0, length: 6 } } });
    expect(raw.status).toBe(422);
    const regular = await t.call("POST", "/v1/coupons", {
      key: s.sk,
      body: {
        type: "regular",
        name: "R",
        discount: { kind: "fixed", amount_minor: 500 },
        quantity: 5,
        claim_starts_at: at(-MINUTE),
        claim_ends_at: at(40 * DAY),
        validity: { kind: "days_after_claim", days: 3 },
        unique_codes: { count: 5, length: 6 },
      },
    });
    expect(raw.status).toBe(422);
    expect(regular.status).toBe(422);
  });

  it("lists codes by state and as CSV (RFC 4180, the JSON field names as header, an attachment)", async () => {
    const s = await t.shop();
    const c = await campaign(s, 30);
    const [first, second] = (await codesOf(s, c.id, { limit: "2" })).data;
    expect((await redeem(s, first.code, "ord-1")).status).toBe(201);
    expect((await redeem(s, second.code, "ord-2")).status).toBe(201);
    await expectStatus(
      t.api(s.sk).v1.events.$post({
        json: { id: "ev-paid-2", type: "order.paid", occurred_at: at(-1000), buyer_id: "b2", order_id: "ord-2", total_minor: 4000 },
      }),
      200,
    );
    expect((await allCodes(s, c.id, "reserved")).map((x) => [x.code, x.order_id])).toEqual([[first.code, "ord-1"]]);
    const redeemed = await allCodes(s, c.id, "redeemed");
    expect(redeemed).toHaveLength(1);
    expect(redeemed[0]).toMatchObject({ code: second.code, state: "redeemed", order_id: "ord-2" });
    expect(Date.parse(redeemed[0].redeemed_at!)).toBeGreaterThan(0);
    expect(await allCodes(s, c.id, "available")).toHaveLength(28);

    const csv = await t.app.request(`/v1/coupons/${c.id}/codes?state=redeemed`, {
      headers: { authorization: `Bearer ${s.sk}`, accept: "text/csv" },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="codes-cpn_[A-Za-z0-9]+-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(await csv.text()).toBe(`code,state,order_id,redeemed_at\r\n${second.code},redeemed,ord-2,${redeemed[0].redeemed_at}\r\n`);
    const whole = await t.app.request(`/v1/coupons/${c.id}/codes`, { headers: { authorization: `Bearer ${s.sk}`, accept: "text/csv" } });
    expect((await whole.text()).trim().split("\r\n")).toHaveLength(31);
  });

  it("another shop's campaign is 404; a shared promo code has no codes to list (409 not_a_campaign)", async () => {
    const s = await t.shop();
    const other = await t.shop();
    const c = await campaign(s, 5);
    expect((await expectStatus(t.api(other.sk).v1.coupons[":id"].codes.$get({ param: { id: c.id }, query: {} }), 404)).code).toBe(
      "not_found",
    );
    const shared = (await expectStatus(api(s).coupons.$post({ json: promoBody() }), 201)).coupon;
    expect((await expectStatus(api(s).coupons[":id"].codes.$get({ param: { id: shared.id }, query: {} }), 409)).code).toBe(
      "not_a_campaign",
    );
  });
});

describe("campaign codes: look-up, quote, redemption", () => {
  it("accept any of the codes in any case and name the exact code used; each code is used once", async () => {
    const s = await t.shop({ name: "Use Shop" });
    const c = await campaign(s, 20);
    const [a, b] = (await codesOf(s, c.id, { limit: "2" })).data.map((x) => x.code);
    const look = await expectStatus(t.api(s.pk).v1["promo-codes"][":code"].$get({ param: { code: a.toLowerCase() } }), 200);
    expect(look).toMatchObject({ valid: true, coupon: { name: c.name } });
    const q = await quote(s, a.toLowerCase(), s.pk);
    expect(q.applied).toMatchObject({ coupon_id: c.id, code: a, discount_minor: 500 });
    const red = await expectStatus(redeem(s, a, "o-a"), 201);
    expect(red.redemption).toMatchObject({ coupon_id: c.id, code: a, state: "reserved" });
    // The code is held: the quote, the look-up and a second redemption say it is used; another code still works.
    expect((await quote(s, a)).candidates[0].reasons.map((r) => r.code)).toEqual(["quantity_exhausted"]);
    expect(await expectStatus(t.api(s.sk).v1["promo-codes"][":code"].$get({ param: { code: a } }), 200)).toMatchObject({
      valid: false,
      reason: "quantity_exhausted",
    });
    expect((await expectStatus(redeem(s, a, "o-a2"), 409)).code).toBe("quantity_exhausted");
    expect((await expectStatus(redeem(s, b, "o-b"), 201)).redemption.code).toBe(b);
    // Released, the code is available again, once.
    await expectStatus(t.api(s.sk).v1.redemptions[":id"].release.$post({ param: { id: red.redemption.id } }), 200);
    expect((await quote(s, a)).applied?.code).toBe(a);
    const perf = await expectStatus(calls(t, s.sk).performance(c.id), 200);
    expect(perf.remaining).toBe(19);
  });

  it("a campaign named by coupon_id alone does not apply (code_not_found): one of its codes is the key", async () => {
    const s = await t.shop();
    const c = await campaign(s, 3);
    const q = await expectStatus(t.api(s.sk).v1.checkout.quote.$post({ json: { coupon_id: c.id, buyer_id: "b1", cart: CART } }), 200);
    expect(q.applied).toBeNull();
    expect(q.candidates[0].reasons.map((r) => r.code)).toEqual(["code_not_found"]);
  });

  it("the guessing limiter counts a wrong campaign code like any unknown code, and never a found one", async () => {
    const s = await t.shop({ name: "Gues Shop" });
    const c = await campaign(s, 5);
    const real = (await codesOf(s, c.id, { limit: "1" })).data[0].code;
    for (let i = 0; i < 40; i++) expect((await quote(s, real, s.pk)).applied?.code).toBe(real);
    let limited = 0;
    for (let i = 0; i < 35; i++) {
      const res = await t.api(s.pk).v1["promo-codes"][":code"].$get({ param: { code: `${real.slice(0, 8)}${"XY"[i % 2]}${i % 10}` } });
      if (res.status === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
  });
});

describe("campaign codes: R19 across shared and campaign codes, shops and deactivation", () => {
  it("a shared code may not take a campaign code, nor a campaign import a shared one, in this shop or another of the region", async () => {
    const s = await t.shop({ name: "Same Prefix A" });
    const twin = await t.shop({ name: "Same Prefix B" }); // prefix SAME too
    expect(twin.code_prefix).toBe(s.code_prefix);
    const c = await campaign(s, 10);
    const held = (await codesOf(s, c.id, { limit: "1" })).data[0].code;
    const suffix = held.slice(4);
    for (const shop of [s, twin]) {
      expect((await expectStatus(api(shop).coupons.$post({ json: promoBody({ code: suffix }) }), 409)).code).toBe("promo_code_taken");
    }
    const shared = (await expectStatus(api(twin).coupons.$post({ json: promoBody({ code: "TAKEN9" }) }), 201)).coupon;
    const upcoming = await campaign(s, 2, { active_starts_at: at(DAY), active_ends_at: at(3 * DAY) });
    const added = await expectStatus(
      api(s).coupons[":id"].codes.$post({ param: { id: upcoming.id }, json: { codes: ["taken9", suffix, "FRESH7"] } }),
      200,
    );
    expect(added).toEqual({
      added: 1,
      refused: [
        { code: "taken9", reason: "promo_code_taken" },
        { code: suffix, reason: "promo_code_taken" },
      ],
    });
    // Deactivating frees the codes at once (R28, R19): the twin may now take the campaign's code.
    await expectStatus(api(s).coupons[":id"].deactivate.$post({ param: { id: c.id }, header: {} }), 200);
    expect((await expectStatus(api(twin).coupons.$post({ json: promoBody({ code: suffix }) }), 201)).coupon.code).toBe(held);
    expect(shared.code).toBe("SAMETAKEN9");
  });

  it("a campaign's live rows follow its end when the end moves, and its quantity and code stay its own", async () => {
    const s = await t.shop();
    const c = await campaign(s, 40);
    const later = at(20 * DAY);
    await expectStatus(api(s).coupons[":id"].$patch({ param: { id: c.id }, header: {}, json: { active_ends_at: later } }), 200);
    const ends = await t.db.all<{ n: number; e: number }>(
      sql`SELECT count(*) AS n, min(active_ends_at) AS e FROM live_codes WHERE coupon_id = ${c.id}`,
    );
    expect(ends[0]).toEqual({ n: 40, e: Date.parse(later) });
    const upcoming = await campaign(s, 4, { active_starts_at: at(DAY), active_ends_at: at(3 * DAY) });
    expect(
      (await expectStatus(api(s).coupons[":id"].$patch({ param: { id: upcoming.id }, header: {}, json: { quantity: 10 } }), 422))
        .errors?.[0].code,
    ).toBe("quantity_is_count");
    expect(
      (await expectStatus(api(s).coupons[":id"].$patch({ param: { id: upcoming.id }, header: {}, json: { code: "SHARED" } }), 422))
        .errors?.[0].path,
    ).toBe("code");
  });

  it("a duplicate of a campaign is a new campaign with fresh codes of the same count and length", async () => {
    const s = await t.shop();
    const c = await campaign(s, 25);
    const copy = (
      await expectStatus(
        api(s).coupons[":id"].duplicate.$post({ param: { id: c.id }, json: { active_starts_at: at(DAY), active_ends_at: at(4 * DAY) } }),
        201,
      )
    ).coupon;
    expect(copy).toMatchObject({ unique_codes: { count: 25, length: 6 }, quantity: 25, origin: "duplicate" });
    const mine = new Set((await allCodes(s, c.id)).map((x) => x.code));
    const theirs = await allCodes(s, copy.id);
    expect(theirs).toHaveLength(25);
    expect(theirs.filter((x) => mine.has(x.code))).toEqual([]);
  });
});

describe("campaign codes: importing the seller's own", () => {
  it("adds valid codes, refuses each bad one with its reason, and the quantity follows the count (one history entry)", async () => {
    const s = await t.shop({ name: "Impo Shop" });
    const c = await campaign(s, 3, { active_starts_at: at(DAY), active_ends_at: at(3 * DAY) });
    const codes = ["summer1", "SUMMER2", "summer1", "a", "WAY-TOO-LONG", "SEX10", "Summer2", "VIP42"];
    const added = await expectStatus(api(s).coupons[":id"].codes.$post({ param: { id: c.id }, json: { codes } }), 200);
    expect(added).toEqual({
      added: 3,
      refused: [
        { code: "summer1", reason: "duplicate_in_request" },
        { code: "a", reason: "code_invalid" },
        { code: "WAY-TOO-LONG", reason: "code_invalid" },
        { code: "SEX10", reason: "code_not_allowed" },
        { code: "Summer2", reason: "duplicate_in_request" },
      ],
    });
    const read = await expectStatus(api(s).coupons[":id"].$get({ param: { id: c.id } }), 200);
    expect(read.coupon).toMatchObject({ quantity: 6, unique_codes: { count: 6, length: 6 } });
    const list = (await allCodes(s, c.id)).map((x) => x.code);
    expect(list).toEqual(expect.arrayContaining(["IMPOSUMMER1", "IMPOSUMMER2", "IMPOVIP42"]));
    // Importing the same again: each is taken by this very campaign.
    const again = await expectStatus(api(s).coupons[":id"].codes.$post({ param: { id: c.id }, json: { codes: ["vip42"] } }), 200);
    expect(again).toEqual({ added: 0, refused: [{ code: "vip42", reason: "promo_code_taken" }] });
    const history = await expectStatus(api(s).coupons[":id"].history.$get({ param: { id: c.id }, query: {} }), 200);
    expect(history.data.map((e) => [e.action, e.changes])).toEqual([
      ["created", expect.anything()],
      ["updated", { codes_added: 3, before: { quantity: 3 }, after: { quantity: 6 } }],
    ]);
  });

  it("only while the campaign is upcoming (409 edit_not_allowed), only a campaign, at most 10,000 a call", async () => {
    const s = await t.shop();
    const live = await campaign(s, 3);
    expect((await expectStatus(api(s).coupons[":id"].codes.$post({ param: { id: live.id }, json: { codes: ["LATE1"] } }), 409)).code).toBe(
      "edit_not_allowed",
    );
    const shared = (await expectStatus(api(s).coupons.$post({ json: promoBody() }), 201)).coupon;
    expect((await expectStatus(api(s).coupons[":id"].codes.$post({ param: { id: shared.id }, json: { codes: ["X1Y2"] } }), 409)).code).toBe(
      "not_a_campaign",
    );
    const upcoming = await campaign(s, 1, { active_starts_at: at(DAY), active_ends_at: at(3 * DAY) });
    const many = Array.from({ length: 10_001 }, (_, i) => `C${i}`);
    expect((await t.call("POST", `/v1/coupons/${upcoming.id}/codes`, { key: s.sk, body: { codes: many } })).status).toBe(422);
  });

  it("a code held by another shop counts as a failed look-up: past the shop's limit the import is 429 and adds nothing", async () => {
    const app = await makeTestApp({ env: { RATE_LIMIT_FAILED_LOOKUPS: "3" } });
    const owner = await app.shop({ name: "Twin A" });
    const prober = await app.shop({ name: "Twin B" });
    const taken: string[] = [];
    for (let i = 0; i < 5; i++) {
      const made = await expectStatus(app.api(owner.sk).v1.coupons.$post({ json: promoBody({ code: `HELD${i}` }) }), 201);
      taken.push(made.coupon.code!.slice(4));
    }
    const c = (
      await expectStatus(
        app.api(prober.sk).v1.coupons.$post({ json: campaignBody(1, { active_starts_at: at(DAY), active_ends_at: at(3 * DAY) }) }),
        201,
      )
    ).coupon;
    const probe = await expectStatus(
      app.api(prober.sk).v1.coupons[":id"].codes.$post({ param: { id: c.id }, json: { codes: [...taken, "MINE1"] } }),
      429,
    );
    expect(probe.code).toBe("rate_limited");
    const read = await expectStatus(app.api(prober.sk).v1.coupons[":id"].$get({ param: { id: c.id } }), 200);
    expect(read.coupon.quantity).toBe(1);
  });
});
