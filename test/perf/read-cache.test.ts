/**
 * The read cache on the quote and look-up path (worker/store/read-cache.ts): a repeated quote reads
 * nothing from the database, and every change — by this process or by another one on the same file —
 * is seen by the very next request, because entries are served only at the database version they were
 * read at (worker/adapters/node/native-client/data-version.ts).
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  answer,
  at,
  cart,
  claimableBody,
  expectStatus,
  makeTestApp,
  MINUTE,
  promoBody,
  type ShopKeys,
  type TestApp,
} from "../support/app.js";
import { calls, type QuoteJson, type RedemptionJson } from "../support/api.js";

const CART = cart([{ unit_price_minor: 4000 }]);

/** Counts the statements the app sends to the database while `f` runs. */
async function statementsDuring(t: TestApp, f: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const execute = t.client.execute.bind(t.client);
  const batch = t.client.batch.bind(t.client);
  const spy = t.client as unknown as Record<string, unknown>;
  spy.execute = (s: string | { sql: string }, a?: never) => {
    seen.push(typeof s === "string" ? s : s.sql);
    return execute(s as never, a);
  };
  spy.batch = (list: unknown[], m?: never) => {
    seen.push(`batch of ${list.length}`);
    return batch(list as never, m);
  };
  try {
    await f();
  } finally {
    delete spy.execute;
    delete spy.batch;
  }
  return seen;
}

async function promo(t: TestApp, s: ShopKeys, over: Parameters<typeof promoBody>[0] = {}) {
  const { coupon } = await expectStatus(calls(t, s.sk).createCoupon(promoBody(over)), 201);
  return { id: coupon.id, code: coupon.code! };
}
const quote = (t: TestApp, s: ShopKeys, body: Omit<QuoteJson, "cart">) => expectStatus(calls(t, s.sk).quote({ cart: CART, ...body }), 200);
const redeem = (t: TestApp, s: ShopKeys, body: Omit<RedemptionJson, "cart">) => answer(calls(t, s.sk).redeem({ cart: CART, ...body }));
const firstReason = (res: { candidates: { reasons: { code: string }[] }[] }) => res.candidates[0].reasons[0]?.code;

describe("read cache on the request path", () => {
  it("a repeated quote, and a repeated look-up, read nothing from the database", async () => {
    const t = await makeTestApp();
    const s = await t.shop();
    const c = await promo(t, s, { code: "HOT1", per_customer_limit: 1 });
    const body = { code: c.code, buyer_id: "b1" };
    const first = await quote(t, s, body);
    expect(first.applied?.coupon_id).toBe(c.id);
    const again = await statementsDuring(t, async () => expect(await quote(t, s, body)).toEqual(first));
    expect(again).toEqual([]);
    await answer(calls(t, s.pk).lookup(c.code));
    expect(await statementsDuring(t, () => answer(calls(t, s.pk).lookup(c.code)))).toEqual([]);
  });

  it("this process's writes are seen by the next quote: an edit, a use, a deactivation", async () => {
    const t = await makeTestApp();
    const s = await t.shop();
    const c = await promo(t, s, { code: "OWN1", quantity: 2, discount: { kind: "fixed", amount_minor: 500 } });
    expect((await quote(t, s, { code: c.code })).applied?.discount_minor).toBe(500);
    // An edit of an ongoing code (a larger quantity) and a redemption taking a unit.
    expect((await answer(calls(t, s.sk).patchCoupon(c.id, { quantity: 3 }))).status).toBe(200);
    expect((await redeem(t, s, { code: c.code, buyer_id: "b1", order_id: "o1" })).status).toBe(201);
    expect((await redeem(t, s, { code: c.code, buyer_id: "b2", order_id: "o2" })).status).toBe(201);
    expect((await quote(t, s, { code: c.code })).applied).not.toBeNull();
    expect((await redeem(t, s, { code: c.code, buyer_id: "b3", order_id: "o3" })).status).toBe(201);
    // The third unit is gone: the very next quote says so.
    expect(firstReason(await quote(t, s, { code: c.code }))).toBe("quantity_exhausted");
    const d = await promo(t, s, { code: "OWN2" });
    expect((await quote(t, s, { code: d.code })).applied).not.toBeNull();
    expect((await answer(calls(t, s.sk).deactivate(d.id))).status).toBe(200);
    expect(firstReason(await quote(t, s, { code: d.code }))).toBe("deactivated");
  });

  it("an unknown code is remembered too, and a coupon created with that code is found at once", async () => {
    const t = await makeTestApp();
    const s = await t.shop();
    const code = `${s.code_prefix}LATER1`;
    expect(firstReason(await quote(t, s, { code }))).toBe("code_not_found");
    await promo(t, s, { code: "LATER1" });
    expect((await quote(t, s, { code })).applied?.code).toBe(code);
  });

  it("a claim and a per-customer use by this buyer change the buyer's next quote", async () => {
    const t = await makeTestApp();
    const s = await t.shop();
    const reg = await answer(calls(t, s.sk).createCoupon(claimableBody("regular", { audience: "all" })));
    expect(reg.status).toBe(201);
    expect((await quote(t, s, { buyer_id: "b1" })).applied).toBeNull();
    expect((await answer(calls(t, s.sk).claim(reg.body.coupon!.id, { buyer_id: "b1" }))).status).toBe(201);
    expect((await quote(t, s, { buyer_id: "b1" })).applied?.coupon_id).toBe(reg.body.coupon!.id);

    const once = await promo(t, s, { code: "ONCE1", per_customer_limit: 1 });
    expect((await quote(t, s, { code: once.code, buyer_id: "b2" })).applied).not.toBeNull();
    expect((await redeem(t, s, { code: once.code, buyer_id: "b2", order_id: "o9" })).status).toBe(201);
    expect(firstReason(await quote(t, s, { code: once.code, buyer_id: "b2" }))).toBe("per_customer_limit_reached");
  });

  it("another process's writes to the same file are seen by this process's next quote", async () => {
    const a = await makeTestApp({ file: true });
    const b = await makeTestApp({ file: a.path }); // a second process, as far as SQLite can tell
    const s = await a.shop();
    const c = await promo(a, s, { code: "FAR1", quantity: 1 });
    expect((await quote(a, s, { code: c.code })).applied).not.toBeNull();
    expect((await quote(a, s, { code: c.code })).applied).not.toBeNull(); // now from a's cache
    // b takes the last unit: a's next quote must not answer from its cache.
    expect((await redeem(b, s, { code: c.code, buyer_id: "b1", order_id: "o1" })).status).toBe(201);
    expect(firstReason(await quote(a, s, { code: c.code }))).toBe("quantity_exhausted");
    // And a deactivation by b of another code a has cached.
    const d = await promo(a, s, { code: "FAR2" });
    expect((await quote(a, s, { code: d.code })).applied).not.toBeNull();
    expect((await answer(calls(b, s.sk).deactivate(d.id))).status).toBe(200);
    expect(firstReason(await quote(a, s, { code: d.code }))).toBe("deactivated");
  });
});

describe("a reservation prices the code as last read, and its write checks it again", () => {
  it("after another process deactivated the code or took its last unit, the reservation is refused with the true reason", async () => {
    const a = await makeTestApp({ file: true });
    const b = await makeTestApp({ file: a.path });
    const s = await a.shop();
    const c = await promo(a, s, { code: "STALE1", quantity: 2 });
    expect((await redeem(a, s, { code: c.code, buyer_id: "b1", order_id: "o1" })).status).toBe(201); // a now knows the row
    expect((await redeem(b, s, { code: c.code, buyer_id: "b2", order_id: "o2" })).status).toBe(201); // b takes the last unit
    const late = await redeem(a, s, { code: c.code, buyer_id: "b3", order_id: "o3" });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("quantity_exhausted");
    const d = await promo(a, s, { code: "STALE2" });
    expect((await redeem(a, s, { code: d.code, buyer_id: "b1", order_id: "o4" })).status).toBe(201);
    expect((await answer(calls(b, s.sk).deactivate(d.id))).status).toBe(200);
    const off = await redeem(a, s, { code: d.code, buyer_id: "b2", order_id: "o5" });
    expect(off.status).toBe(409);
    expect(off.body.code).toBe("deactivated");
    const rows = await a.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM redemptions WHERE coupon_id IN (${c.id}, ${d.id})`);
    expect(rows?.n).toBe(3);
  });

  it("a coupon edited since it was last read (a new version) is priced again and reserved on the new version", async () => {
    const a = await makeTestApp({ file: true });
    const b = await makeTestApp({ file: a.path });
    const s = await a.shop();
    const c = await promo(a, s, { code: "EDIT1", quantity: 5 });
    expect((await redeem(a, s, { code: c.code, buyer_id: "b1", order_id: "o1" })).status).toBe(201);
    // b renames the coupon: a new version that a's last read does not know.
    expect((await answer(calls(b, s.sk).patchCoupon(c.id, { name: "Renamed elsewhere" }))).status).toBe(200);
    const res = await redeem(a, s, { code: c.code, buyer_id: "b2", order_id: "o2" });
    expect(res.status).toBe(201);
    expect(res.body.redemption).toMatchObject({ coupon_id: c.id, state: "reserved", discount_minor: 500 });
  });

  it("the write refuses a unit priced on a version that is no longer the coupon's", async () => {
    const t = await makeTestApp();
    const s = await t.shop();
    const c = await promo(t, s, { code: "VER1" });
    const { insertRedemptionGuarded } = await import("../../worker/store/redemption-reserve.js");
    const now = Date.now();
    const r = (id: string, order: string) => ({
      id,
      shop_id: s.id,
      coupon_id: c.id,
      claim_id: null,
      buyer_id: "b1",
      order_id: order,
      code: c.code,
      discount_minor: 500,
      subtotal_minor: 4000,
      allocations: [{ line_id: "l1", discount_minor: 500 }],
      reserved_at: now,
      expires_at: now + 30 * MINUTE,
    });
    expect(await insertRedemptionGuarded(t.db, r("red_old_version", "o1"), 0, null)).toBe(false);
    expect(await insertRedemptionGuarded(t.db, r("red_this_version", "o2"), 1, null)).toBe(true);
  });
});

describe("R27 without a sweep: lapsed reservations are released when they could change an answer", () => {
  const setClock = (t: TestApp, s: ShopKeys, now: string) => answer(calls(t, s.sk).setClock({ now }));

  it("a buyer's use of a once-per-customer code that lapsed lets the buyer use it again", async () => {
    const t = await makeTestApp();
    const s = await t.shop();
    const start = Date.now();
    await setClock(t, s, at(0, start));
    const c = await promo(t, s, { code: "LAPSE1", per_customer_limit: 1, active_starts_at: at(-MINUTE, start) });
    const first = await redeem(t, s, { code: c.code, buyer_id: "b1", order_id: "o1" });
    expect(first.status).toBe(201);
    expect(firstReason(await quote(t, s, { code: c.code, buyer_id: "b1" }))).toBe("per_customer_limit_reached");
    await setClock(t, s, at(31 * MINUTE, start));
    expect((await quote(t, s, { code: c.code, buyer_id: "b1" })).applied?.coupon_id).toBe(c.id);
    expect((await redeem(t, s, { code: c.code, buyer_id: "b1", order_id: "o2" })).status).toBe(201);
    const old = await answer(calls(t, s.sk).redemption(first.body.redemption!.id));
    expect(old.body.redemption).toMatchObject({ state: "released", release_reason: "expired" });
  });

  it("the public look-up of a used-up code whose reservation lapsed says it is valid again", async () => {
    const t = await makeTestApp();
    const s = await t.shop();
    const start = Date.now();
    await setClock(t, s, at(0, start));
    const c = await promo(t, s, { code: "LAPSE2", quantity: 1, active_starts_at: at(-MINUTE, start) });
    expect((await redeem(t, s, { code: c.code, buyer_id: "b1", order_id: "o1" })).status).toBe(201);
    expect((await answer(calls(t, s.sk).lookup(c.code))).body).toMatchObject({ valid: false, reason: "quantity_exhausted" });
    await setClock(t, s, at(31 * MINUTE, start));
    expect((await answer(calls(t, s.sk).lookup(c.code))).body).toMatchObject({ valid: true });
    const row = await t.db.get<{ reserved: number }>(sql`SELECT reserved_count AS reserved FROM coupons WHERE id = ${c.id}`);
    expect(row?.reserved).toBe(0);
  });

  it("a quote of an available code writes nothing, even with reservations lapsed", async () => {
    const t = await makeTestApp();
    const s = await t.shop();
    const start = Date.now();
    await setClock(t, s, at(0, start));
    const c = await promo(t, s, { code: "LAPSE3", quantity: 5, active_starts_at: at(-MINUTE, start) });
    expect((await redeem(t, s, { code: c.code, buyer_id: "b1", order_id: "o1" })).status).toBe(201);
    await setClock(t, s, at(31 * MINUTE, start));
    const seen = await statementsDuring(t, () => quote(t, s, { code: c.code }));
    expect(seen.filter((q) => !/^\s*select/i.test(q))).toEqual([]);
  });
});
