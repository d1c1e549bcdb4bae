import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sweepExpiredReservations } from "../../worker/services/sweeper.js";
import {
  answer,
  at,
  cart,
  claimableBody,
  DAY,
  expectStatus,
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

let n = 0;
const create = async (s: ShopKeys, body: CouponJson) => (await expectStatus(calls(t, s.sk).createCoupon(body), 201)).coupon;
/** A promo code (its full code always set). */
async function promo(s: ShopKeys, over: Parameters<typeof promoBody>[0] = {}) {
  const c = await create(s, promoBody({ code: `C${++n}`, ...over }));
  return { ...c, code: c.code! };
}
const regular = (s: ShopKeys, over: Parameters<typeof claimableBody<"regular">>[1] = {}) => create(s, claimableBody("regular", over));

const CART = cart([{ unit_price_minor: 4000 }]);
/** A reservation of the one-line cart unless the body brings its own; `idempotencyKey` as the header. */
const redeem = (s: ShopKeys, body: Omit<RedemptionJson, "cart"> & { cart?: RedemptionJson["cart"] }, idempotencyKey?: string) =>
  answer(calls(t, s.sk).redeem({ cart: CART, ...body }, idempotencyKey));
const commit = (s: ShopKeys, id: string) => answer(calls(t, s.sk).commit(id));
const release = (s: ShopKeys, id: string) => answer(calls(t, s.sk).release(id));
const claim = (s: ShopKeys, couponId: string, buyer: string) => answer(calls(t, s.sk).claim(couponId, { buyer_id: buyer }));
const setClock = (s: ShopKeys, now: string | null) => answer(calls(t, s.sk).setClock({ now }));

async function counters(couponId: string) {
  return t.db.get<Record<string, number>>(sql`SELECT reserved_count AS reserved, used_count AS used, claimed_count AS claimed,
    discount_total_minor AS discount, gmv_minor AS gmv FROM coupons WHERE id = ${couponId}`);
}
async function walletStates(s: ShopKeys, buyer: string) {
  const res = await answer(calls(t, s.sk).wallet({ buyer_id: buyer }));
  return res.body.data!.map((k) => k.state);
}

describe("reserving a promo code for an order", () => {
  it("R27: reserve → 201 reserved for 30 minutes; commit → used with discount and sales counted; both idempotent", async () => {
    const s = await t.shop();
    const c = await promo(s);
    const res = await redeem(s, { code: c.code, buyer_id: "b1", order_id: "o1" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const r = res.body.redemption;
    expect(r).toMatchObject({
      state: "reserved",
      coupon_id: c.id,
      code: c.code,
      order_id: "o1",
      buyer_id: "b1",
      discount_minor: 500,
      allocations: [{ line_id: "l1", discount_minor: 500 }],
    });
    expect(Date.parse(r!.expires_at) - Date.parse(r!.reserved_at)).toBe(30 * MINUTE);
    expect(await counters(c.id)).toMatchObject({ reserved: 1, used: 0 });

    const done = await commit(s, r!.id);
    expect(done.status).toBe(200);
    expect(done.body.redemption).toMatchObject({ id: r!.id, state: "committed" });
    expect(await counters(c.id)).toMatchObject({ reserved: 0, used: 1, discount: 500, gmv: 3500 });
    const again = await commit(s, r!.id);
    expect(again.status).toBe(200);
    expect(await counters(c.id)).toMatchObject({ reserved: 0, used: 1, discount: 500 });

    const late = await release(s, r!.id);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("redemption_committed");
  });

  it("R27: release gives the unit back; a released redemption cannot be committed", async () => {
    const s = await t.shop();
    const c = await promo(s, { quantity: 1 });
    const r = (await redeem(s, { code: c.code, buyer_id: "b1", order_id: "o1" })).body.redemption;
    const other = await redeem(s, { code: c.code, buyer_id: "b2", order_id: "o2" });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe("quantity_exhausted");
    const rel = await release(s, r!.id);
    expect(rel.status).toBe(200);
    expect(rel.body.redemption).toMatchObject({ state: "released", release_reason: "released" });
    expect((await release(s, r!.id)).status).toBe(200);
    expect(await counters(c.id)).toMatchObject({ reserved: 0, used: 0 });
    const no = await commit(s, r!.id);
    expect(no.status).toBe(409);
    expect(no.body.code).toBe("redemption_released");
    expect((await redeem(s, { code: c.code, buyer_id: "b2", order_id: "o2" })).status).toBe(201);
  });

  it("R22: a code limited per customer needs a buyer at redemption, and counts reserved and committed uses", async () => {
    const s = await t.shop();
    const c = await promo(s);
    const anon = await redeem(s, { code: c.code, order_id: "o1" });
    expect(anon.status).toBe(409);
    expect(anon.body.code).toBe("buyer_required");
    expect((await redeem(s, { code: c.code, buyer_id: "b1", order_id: "o1" })).status).toBe(201);
    const second = await redeem(s, { code: c.code, buyer_id: "b1", order_id: "o2" });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("per_customer_limit_reached");
    const unlimited = await promo(s, { per_customer_limit: null });
    expect((await redeem(s, { code: unlimited.code, order_id: "o3" })).status).toBe(201);
    expect((await redeem(s, { code: unlimited.code, order_id: "o4" })).status).toBe(201);
  });

  it("R23: one seller coupon per order; after a release the order may take another", async () => {
    const s = await t.shop();
    const a = await promo(s);
    const b = await promo(s);
    const first = await redeem(s, { code: a.code, buyer_id: "b1", order_id: "o1" });
    const second = await redeem(s, { code: b.code, buyer_id: "b1", order_id: "o1" });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("one_seller_coupon_per_order");
    expect(await counters(b.id)).toMatchObject({ reserved: 0 });
    await release(s, first.body.redemption!.id);
    expect((await redeem(s, { code: b.code, buyer_id: "b1", order_id: "o1" })).status).toBe(201);
  });

  it("nothing applicable: 409 with the named code's first reason, or why nothing could apply", async () => {
    const s = await t.shop();
    const unknown = await redeem(s, { code: "NOPE", buyer_id: "b1", order_id: "o1" });
    expect(unknown.status).toBe(409);
    expect(unknown.body.code).toBe("code_not_found");
    const c = await promo(s, { min_spend_minor: 5000 });
    expect((await redeem(s, { code: c.code, buyer_id: "b1", order_id: "o1" })).body.code).toBe("min_spend_not_met");
    expect((await redeem(s, { order_id: "o1" })).body.code).toBe("buyer_required");
    expect((await redeem(s, { buyer_id: "b1", order_id: "o1" })).body.code).toBe("no_applicable_coupon");
    expect((await redeem(s, { coupon_id: "cpn_missing", buyer_id: "b1", order_id: "o1" })).body.code).toBe("not_claimed");
  });

  it("is for the seller's server: a publishable key is 403; another shop's redemption is 404", async () => {
    const s = await t.shop();
    const c = await promo(s);
    const pk = await answer(calls(t, s.pk).redeem({ cart: CART, code: c.code, order_id: "o1" }));
    expect(pk.status).toBe(403);
    const r = (await redeem(s, { code: c.code, buyer_id: "b1", order_id: "o1" })).body.redemption;
    const other = await t.shop();
    expect((await commit(other, r!.id)).status).toBe(404);
    expect((await expectStatus(calls(t, s.sk).redemption(r!.id), 200)).redemption.id).toBe(r!.id);
  });
});

describe("Idempotency-Key", () => {
  it("a replay returns the first answer with the same status and reserves nothing more", async () => {
    const s = await t.shop();
    const c = await promo(s);
    const body = { code: c.code, buyer_id: "b1", order_id: "o1" };
    const first = await redeem(s, body, "k1");
    const replay = await redeem(s, body, "k1");
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(await counters(c.id)).toMatchObject({ reserved: 1 });
  });

  it("a replay after the reservation was released or committed answers the first answer and reserves nothing", async () => {
    const s = await t.shop();
    const c = await promo(s);
    const released = { code: c.code, buyer_id: "b1", order_id: "o-rel" };
    const first = await redeem(s, released, "k-rel");
    expect((await release(s, first.body.redemption!.id)).status).toBe(200);
    const again = await redeem(s, released, "k-rel");
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const committed = { code: c.code, buyer_id: "b2", order_id: "o-com" };
    const second = await redeem(s, committed, "k-com");
    expect((await commit(s, second.body.redemption!.id)).status).toBe(200);
    expect((await redeem(s, committed, "k-com")).body).toEqual(second.body);
    expect(await counters(c.id)).toMatchObject({ reserved: 0, used: 1 });
    const rows = await t.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM redemptions WHERE coupon_id = ${c.id}`);
    expect(rows?.n).toBe(2);
  });

  it("a replay whose body lists its keys in another order is the same request", async () => {
    const s = await t.shop();
    const c = await promo(s);
    const first = await t.call("POST", "/v1/checkout/redemptions", {
      key: s.sk,
      headers: { "idempotency-key": "k-order" },
      body: `{"code":"${c.code}","buyer_id":"b1","order_id":"o1","cart":${JSON.stringify(CART)}}`,
    });
    const reordered = { ...CART, lines: CART.lines.map((l) => Object.fromEntries(Object.entries(l).reverse())) };
    const replay = await t.call("POST", "/v1/checkout/redemptions", {
      key: s.sk,
      headers: { "idempotency-key": "k-order" },
      body: `{"cart":${JSON.stringify(Object.fromEntries(Object.entries(reordered).reverse()))},"order_id":"o1","buyer_id":"b1","code":"${c.code}"}`,
    });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(await counters(c.id)).toMatchObject({ reserved: 1 });
  });

  it("the same key with another body is 422 idempotency_key_reused", async () => {
    const s = await t.shop();
    const c = await promo(s);
    await redeem(s, { code: c.code, buyer_id: "b1", order_id: "o1" }, "k1");
    const other = await redeem(s, { code: c.code, buyer_id: "b1", order_id: "o2" }, "k1");
    expect(other.status).toBe(422);
    expect(other.body.code).toBe("idempotency_key_reused");
  });

  it("a refusal is the key's answer too, even once the coupon would apply", async () => {
    const s = await t.shop();
    const c = await promo(s, { quantity: 1 });
    const held = (await redeem(s, { code: c.code, buyer_id: "b1", order_id: "o1" })).body.redemption;
    const body = { code: c.code, buyer_id: "b2", order_id: "o2" };
    const refused = await redeem(s, body, "k2");
    expect(refused.status).toBe(409);
    await release(s, held!.id);
    const replay = await redeem(s, body, "k2");
    expect(replay.status).toBe(409);
    expect(replay.body.code).toBe("quantity_exhausted");
    expect((await redeem(s, body, "k3")).status).toBe(201);
  });

  it("the same key sent twice at once reserves once and both get the one answer", async () => {
    const s = await t.shop();
    const c = await promo(s);
    const body = { code: c.code, buyer_id: "b1", order_id: "o1" };
    const [a, b] = await Promise.all([redeem(s, body, "k"), redeem(s, body, "k")]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
    expect(await counters(c.id)).toMatchObject({ reserved: 1 });
  });
});

describe("claimed coupons at checkout", () => {
  it("R23, R26: without a code the best claimed coupon is reserved; its claim shows reserved, then used", async () => {
    const s = await t.shop();
    const small = await regular(s);
    const big = await regular(s, { discount: { kind: "fixed", amount_minor: 900 } });
    await claim(s, small.id, "b1");
    await claim(s, big.id, "b1");
    const res = await redeem(s, { buyer_id: "b1", order_id: "o1" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.redemption).toMatchObject({ coupon_id: big.id, discount_minor: 900, code: null, claim_id: expect.any(String) });
    const wallet = await answer(calls(t, s.sk).wallet({ buyer_id: "b1" }));
    const byCoupon = Object.fromEntries(wallet.body.data!.map((k: { coupon_id: string; state: string }) => [k.coupon_id, k.state]));
    expect(byCoupon).toEqual({ [big.id]: "reserved", [small.id]: "available" });
    // A reserved claim is not a candidate any more: the next order gets the other coupon.
    const next = await redeem(s, { buyer_id: "b1", order_id: "o2" });
    expect(next.body.redemption!.coupon_id).toBe(small.id);
    await commit(s, res.body.redemption!.id);
    expect(await counters(big.id)).toMatchObject({ claimed: 1, reserved: 0, used: 1, discount: 900 });
  });

  it("R9: a released claim is available again; after use, the buyer may claim again", async () => {
    const s = await t.shop();
    const c = await regular(s, { per_customer_limit: 2 });
    await claim(s, c.id, "b1");
    const r = (await redeem(s, { coupon_id: c.id, buyer_id: "b1", order_id: "o1" })).body.redemption;
    expect((await claim(s, c.id, "b1")).body.code).toBe("already_claimed"); // reserved still held
    await release(s, r!.id);
    expect(await walletStates(s, "b1")).toEqual(["available"]);
    const r2 = (await redeem(s, { coupon_id: c.id, buyer_id: "b1", order_id: "o2" })).body.redemption;
    await commit(s, r2!.id);
    expect(await walletStates(s, "b1")).toEqual(["used"]);
    expect((await claim(s, c.id, "b1")).status).toBe(201);
  });

  it("R28: a claim of a deactivated coupon cannot be reserved", async () => {
    const s = await t.shop();
    const c = await regular(s);
    await claim(s, c.id, "b1");
    expect((await answer(calls(t, s.sk).deactivate(c.id))).status).toBe(200);
    const res = await redeem(s, { coupon_id: c.id, buyer_id: "b1", order_id: "o1" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("deactivated");
  });
});

describe("R27: reservations expire after 30 minutes on the shop clock", () => {
  it("a reservation left 31 minutes is released when next touched and its unit is usable again", async () => {
    const s = await t.shop();
    const start = Date.now();
    await setClock(s, at(0, start));
    const c = await promo(s, { quantity: 1, active_starts_at: at(-MINUTE, start) });
    const r = (await redeem(s, { code: c.code, buyer_id: "b1", order_id: "o1" })).body.redemption;
    await setClock(s, at(29 * MINUTE, start));
    expect((await redeem(s, { code: c.code, buyer_id: "b2", order_id: "o2" })).body.code).toBe("quantity_exhausted");
    await setClock(s, at(31 * MINUTE, start));
    const quote = await answer(calls(t, s.sk).quote({ code: c.code, buyer_id: "b2", cart: CART }));
    expect(quote.body.applied?.coupon_id).toBe(c.id);
    expect((await redeem(s, { code: c.code, buyer_id: "b2", order_id: "o2" })).status).toBe(201);
    const old = await answer(calls(t, s.sk).redemption(r!.id));
    expect(old.body.redemption).toMatchObject({ state: "released", release_reason: "expired" });
    expect((await commit(s, r!.id)).body.code).toBe("redemption_released");
    expect(await counters(c.id)).toMatchObject({ reserved: 1, used: 0 });
  });

  it("the sweep releases a claim's reservation by its own shop's clock, and only expired ones", async () => {
    const frozenAhead = await t.shop();
    const frozenBehind = await t.shop();
    const real = await t.shop();
    const start = Date.now();
    const reserveClaim = async (s: ShopKeys) => {
      const c = await regular(s, { claim_starts_at: at(-DAY, start) });
      await claim(s, c.id, "b1");
      const r = await redeem(s, { coupon_id: c.id, buyer_id: "b1", order_id: "o1" });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return c;
    };
    await setClock(frozenBehind, at(-2 * 60 * MINUTE, start));
    const a = await reserveClaim(frozenAhead);
    const b = await reserveClaim(frozenBehind);
    const c = await reserveClaim(real);
    await setClock(frozenAhead, at(31 * MINUTE, start));
    // Real time is now past the frozen-behind shop's expiry, but its own clock is not.
    const released = await sweepExpiredReservations(t.db, start + 5 * MINUTE);
    expect(released).toBe(1);
    expect(await walletStates(frozenAhead, "b1")).toEqual(["available"]);
    expect(await walletStates(frozenBehind, "b1")).toEqual(["reserved"]);
    expect(await walletStates(real, "b1")).toEqual(["reserved"]);
    expect(await counters(a.id)).toMatchObject({ reserved: 0 });
    expect(await counters(b.id)).toMatchObject({ reserved: 1 });
    expect(await counters(c.id)).toMatchObject({ reserved: 1 });
    // The released claim is usable again.
    expect((await redeem(frozenAhead, { coupon_id: a.id, buyer_id: "b1", order_id: "o2" })).status).toBe(201);
    // Real time 31 minutes on: the real-clock shop's reservation goes too (as do other tests' ones).
    expect(await sweepExpiredReservations(t.db, start + 31 * MINUTE)).toBeGreaterThanOrEqual(1);
    expect(await walletStates(real, "b1")).toEqual(["available"]);
    expect(await walletStates(frozenBehind, "b1")).toEqual(["reserved"]);
  });
});
