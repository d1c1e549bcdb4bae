/**
 * R6, R7 at use time: a coupon for new, existing or repeat customers is judged by the buyer's segment when
 * it is used (quote, reservation), not only when it was claimed; the reservation's write checks it itself.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { insertRedemptionGuarded } from "../../worker/store/redemption-reserve.js";
import { RESERVATION_MS } from "../../worker/store/redemptions.js";
import { insertClaimGuarded } from "../../worker/store/claims.js";
import { answer, at, cart, claimableBody, DAY, expectStatus, makeTestApp, type ShopKeys, type TestApp } from "../support/app.js";
import { calls } from "../support/api.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

let n = 0;
const CART = cart([{ unit_price_minor: 4000 }]);

async function coupon(s: ShopKeys, audience: "new" | "existing" | "repeat") {
  const res = await answer(calls(t, s.sk).createCoupon(claimableBody("regular", { audience })));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.coupon!.id as string;
}
const paid = (s: ShopKeys, buyer: string, order: string, occurred = at(-1000)) =>
  expectStatus(
    t.api(s.sk).v1.events.$post({
      json: { id: `evt_${++n}`, type: "order.paid", occurred_at: occurred, buyer_id: buyer, order_id: order, total_minor: 1000 },
    }),
    200,
  );
const claim = (s: ShopKeys, couponId: string, buyer: string) =>
  expectStatus(t.api(s.sk).v1.storefront.coupons[":id"].claim.$post({ param: { id: couponId }, json: { buyer_id: buyer } }), 201);
const quote = (s: ShopKeys, buyer: string, couponId?: string) =>
  expectStatus(
    t.api(s.sk).v1.checkout.quote.$post({ json: { buyer_id: buyer, cart: CART, ...(couponId ? { coupon_id: couponId } : {}) } }),
    200,
  );
const redeem = (s: ShopKeys, buyer: string, order: string, couponId?: string) =>
  answer(calls(t, s.sk).redeem({ buyer_id: buyer, order_id: order, cart: CART, ...(couponId ? { coupon_id: couponId } : {}) }));
const reasonsOf = (q: Awaited<ReturnType<typeof quote>>, id: string) =>
  q.candidates.find((c) => c.coupon_id === id)?.reasons.map((r) => r.code);

describe("R6, R7: a customer segment is judged when the coupon is used", () => {
  it("a new-customer coupon claimed while new stops applying once the buyer has paid an order: audience_mismatch in the quote, 409 at redemption", async () => {
    const s = await t.shop();
    const id = await coupon(s, "new");
    await claim(s, id, "b1");
    expect((await quote(s, "b1")).applied?.coupon_id).toBe(id);

    await paid(s, "b1", "elsewhere-1");
    const q = await quote(s, "b1");
    expect(q.applied).toBeNull();
    expect(reasonsOf(q, id)).toEqual(["audience_mismatch"]);
    // Named by id, the same answer.
    expect(reasonsOf(await quote(s, "b1", id), id)).toEqual(["audience_mismatch"]);

    const refused = await redeem(s, "b1", "o-after-payment");
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("audience_mismatch");
    // Nothing was reserved: the claim is still the buyer's, unused.
    const wallet = await expectStatus(t.api(s.sk).v1.storefront.wallet.$get({ query: { buyer_id: "b1" } }), 200);
    expect(wallet.data.map((k) => k.state)).toEqual(["available"]);
  });

  it("R7: a refund does not make the buyer new again; an order never paid keeps them new", async () => {
    const s = await t.shop();
    const id = await coupon(s, "new");
    await claim(s, id, "b1");
    await claim(s, id, "b2");
    await expectStatus(
      t.api(s.sk).v1.events.$post({
        json: { id: `evt_${++n}`, type: "order.cancelled", occurred_at: at(-500), buyer_id: "b2", order_id: "never-paid" },
      }),
      200,
    );
    expect((await quote(s, "b2")).applied?.coupon_id).toBe(id);

    await paid(s, "b1", "refunded-later");
    await expectStatus(
      t.api(s.sk).v1.events.$post({
        json: { id: `evt_${++n}`, type: "order.refunded", occurred_at: at(-100), buyer_id: "b1", order_id: "refunded-later" },
      }),
      200,
    );
    expect(reasonsOf(await quote(s, "b1"), id)).toEqual(["audience_mismatch"]);
  });

  it("the order the new-customer coupon was reserved for may be paid: its payment commits the reservation", async () => {
    const s = await t.shop();
    const id = await coupon(s, "new");
    await claim(s, id, "b1");
    const r = await redeem(s, "b1", "first-order");
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    await paid(s, "b1", "first-order");
    const red = await expectStatus(t.api(s.sk).v1.redemptions[":id"].$get({ param: { id: r.body.redemption!.id } }), 200);
    expect(red.redemption.state).toBe("committed");
  });

  it("an existing- or repeat-customer claim the buyer's facts do not support does not apply when used", async () => {
    const s = await t.shop();
    const existing = await coupon(s, "existing");
    const repeat = await coupon(s, "repeat");
    await paid(s, "b1", "o1", at(-200 * DAY));
    await claim(s, existing, "b1");
    // A claim held by a buyer outside the segment (as one taken before this rule was enforced): written directly.
    await t.db.run(sql`INSERT INTO claims (id, shop_id, coupon_id, buyer_id, state, valid_from, valid_until, source_order_id, created_at, updated_at)
      VALUES ('clm_legacy', ${s.id}, ${repeat}, 'b1', 'available', ${Date.now() - DAY}, ${Date.now() + DAY}, NULL, ${Date.now()}, ${Date.now()})`);
    const q = await quote(s, "b1");
    expect(q.applied?.coupon_id).toBe(existing);
    expect(reasonsOf(q, repeat)).toContain("audience_mismatch");
    expect(reasonsOf(await quote(s, "b1", repeat), repeat)).toEqual(["audience_mismatch"]);
    const refused = await redeem(s, "b1", "o-repeat-1", repeat);
    expect(refused.body.code).toBe("audience_mismatch");

    // A second paid order within 90 days of the first makes the buyer a repeat customer: it applies now.
    await paid(s, "b1", "o2", at(-150 * DAY));
    expect(reasonsOf(await quote(s, "b1", repeat), repeat)).toEqual([]);
    expect((await redeem(s, "b1", "o-repeat-2", repeat)).status).toBe(201);
    expect((await redeem(s, "b1", "o-existing", existing)).status).toBe(201);
  });
});

describe("R7 race: an order.paid just before the write is seen by the write itself", () => {
  it("the reservation write refuses a new-customer claim once a paid order exists, whatever the quote had read", async () => {
    const s = await t.shop();
    const id = await coupon(s, "new");
    const k = await claim(s, id, "b1");
    const version = Number((await t.db.get<{ v: number }>(sql`SELECT version AS v FROM coupons WHERE id = ${id}`))!.v);
    // The quote priced the claim while the buyer was new; then the payment lands before the reservation.
    await paid(s, "b1", "other-order");
    const now = Date.now();
    const write = (orderId: string) =>
      insertRedemptionGuarded(
        t.db,
        {
          id: `red_${orderId}`,
          shop_id: s.id,
          coupon_id: id,
          claim_id: k.claim.id,
          buyer_id: "b1",
          order_id: orderId,
          code: null,
          discount_minor: 500,
          subtotal_minor: 4000,
          allocations: [{ line_id: "l1", discount_minor: 500 }],
          reserved_at: now,
          expires_at: now + RESERVATION_MS,
        },
        version,
        null,
      );
    expect(await write("late-order")).toBe(false);
    const rows = await t.db.all(sql`SELECT id FROM redemptions WHERE coupon_id = ${id}`);
    expect(rows).toEqual([]);
    // The same write for a buyer still new goes through (the guard is not refusing everything).
    const k2 = await claim(s, id, "b2");
    const later = Date.now();
    const ok = await insertRedemptionGuarded(
      t.db,
      {
        id: "red_b2",
        shop_id: s.id,
        coupon_id: id,
        claim_id: k2.claim.id,
        buyer_id: "b2",
        order_id: "b2-order",
        code: null,
        discount_minor: 500,
        subtotal_minor: 4000,
        allocations: [{ line_id: "l1", discount_minor: 500 }],
        reserved_at: later,
        expires_at: later + RESERVATION_MS,
      },
      version,
      null,
    );
    expect(ok).toBe(true);
  });

  it("the claim write refuses a new-customer coupon once a paid order exists, whatever the eligibility read said", async () => {
    const s = await t.shop();
    const id = await coupon(s, "new");
    await paid(s, "b1", "o1");
    const now = Date.now();
    const write = (buyer: string) =>
      insertClaimGuarded(t.db, {
        id: `clm_${buyer}_${id}`,
        shop_id: s.id,
        coupon_id: id,
        buyer_id: buyer,
        valid_from: now,
        valid_until: now + DAY,
        now,
        follower: false,
      });
    expect(await write("b1")).toBe(false);
    expect(await write("b-new")).toBe(true);
    const counted = await t.db.get<{ c: number }>(sql`SELECT claimed_count AS c FROM coupons WHERE id = ${id}`);
    expect(Number(counted!.c)).toBe(1);
  });
});
