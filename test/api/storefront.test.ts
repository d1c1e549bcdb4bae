import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { answer, at, expectStatus, claimableBody, DAY, makeTestApp, MINUTE, type ShopKeys, type TestApp } from "../support/app.js";
import { calls, type CouponJson, type EventFact, type EventJson } from "../support/api.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

const claimable = claimableBody;

const create = async (s: ShopKeys, body: CouponJson) => (await expectStatus(calls(t, s.sk).createCoupon(body), 201)).coupon;

/** Uses the buyer's claim of a coupon on a paid order (reserve, then commit). */
async function useClaim(s: ShopKeys, couponId: string, buyer: string, order: string) {
  const body = {
    buyer_id: buyer,
    coupon_id: couponId,
    order_id: order,
    cart: { currency: "USD", lines: [{ line_id: "l1", product_id: "p1", quantity: 1, unit_price_minor: 5000 }] },
  };
  const r = await expectStatus(calls(t, s.sk).redeem(body), 201);
  await expectStatus(calls(t, s.sk).commit(r.redemption.id), 200);
}

const claim = (s: ShopKeys, couponId: string, buyer: string) => answer(calls(t, s.sk).claim(couponId, { buyer_id: buyer }));

async function claimWithToken(s: ShopKeys, couponId: string, buyer: string) {
  return answer(calls(t, s.pk, { "x-buyer-token": await s.token(buyer) }).claim(couponId));
}

let eventN = 0;
/** An event as the shop reports it, id and time filled in. */
const event = (s: ShopKeys, body: EventFact) =>
  answer(calls(t, s.sk).event({ id: `e${++eventN}`, occurred_at: at(-1000), ...body } as EventJson));

async function sendChat(s: ShopKeys, couponId: string, buyer: string) {
  await expectStatus(calls(t, s.sk).send(couponId, { buyer_id: buyer }), 200);
}

describe("claiming a coupon", () => {
  it("R5: a claim is usable from the claim until N days after it; 201 with the claim", async () => {
    const s = await t.shop();
    const c = await create(s, claimable("regular"));
    const before = Date.now();
    const res = await claimWithToken(s, c.id, "b1");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const k = res.body.claim;
    expect(k).toMatchObject({ coupon_id: c.id, buyer_id: "b1", state: "available" });
    const from = Date.parse(k!.valid_from);
    expect(from).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(k!.valid_until) - from).toBe(7 * DAY);
  });

  it("R5: a fixed validity is the fixed range, never usable before the claim", async () => {
    const s = await t.shop();
    const ends = at(40 * DAY);
    const c = await create(s, claimable("regular", { validity: { kind: "fixed", starts_at: at(-MINUTE), ends_at: ends } }));
    const res = await claim(s, c.id, "b1");
    expect(res.status).toBe(201);
    expect(res.body.claim!.valid_until).toBe(ends);
    expect(Date.parse(res.body.claim!.valid_from)).toBeGreaterThan(Date.parse(at(-MINUTE)));
  });

  it("R9: while one claim is available another is already_claimed; after using it, the buyer may claim again up to the limit", async () => {
    const s = await t.shop();
    const c = await create(s, claimable("regular", { per_customer_limit: 2 }));
    const first = await claim(s, c.id, "b1");
    expect(first.status).toBe(201);
    const again = await claim(s, c.id, "b1");
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("already_claimed");
    await useClaim(s, c.id, "b1", "o1");
    expect((await claim(s, c.id, "b1")).status).toBe(201);
    await useClaim(s, c.id, "b1", "o2");
    const third = await claim(s, c.id, "b1");
    expect(third.status).toBe(409);
    expect(third.body.code).toBe("per_customer_limit_reached");
  });

  it("R27: quantity is a hard limit; the next claim is quantity_exhausted and the counter equals the rows", async () => {
    const s = await t.shop();
    const c = await create(s, claimable("regular", { quantity: 2 }));
    expect((await claim(s, c.id, "b1")).status).toBe(201);
    expect((await claim(s, c.id, "b2")).status).toBe(201);
    const third = await claim(s, c.id, "b3");
    expect(third.status).toBe(409);
    expect(third.body.code).toBe("quantity_exhausted");
    const row = await t.db.get<{ claimed: number; rows: number }>(
      sql`SELECT claimed_count AS claimed, (SELECT count(*) FROM claims WHERE coupon_id = ${c.id}) AS rows FROM coupons WHERE id = ${c.id}`,
    );
    expect(row).toEqual({ claimed: 2, rows: 2 });
  });

  it("R6: an audience the buyer is not in is audience_mismatch, and a payment changes it at once", async () => {
    const s = await t.shop();
    const c = await create(s, claimable("regular", { audience: "existing" }));
    const refused = await claim(s, c.id, "b1");
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("audience_mismatch");
    expect((await event(s, { type: "order.paid", buyer_id: "b1", order_id: "o1", total_minor: 1000 })).status).toBe(200);
    expect((await claim(s, c.id, "b1")).status).toBe(201);
  });

  it("R10, R11, R12: only a current follower claims; one follower coupon per shop for life, even after re-following", async () => {
    const s = await t.shop();
    const c = await create(s, claimable("follower", { discount: { kind: "fixed", amount_minor: 300 } }));
    const stranger = await claim(s, c.id, "b1");
    expect(stranger.body.code).toBe("not_a_follower");
    await event(s, { type: "follow.created", buyer_id: "b1", target: "shop" });
    expect((await claim(s, c.id, "b1")).status).toBe(201); // R12: at once
    await event(s, { type: "follow.deleted", buyer_id: "b1", target: "shop" });
    await event(s, { type: "follow.created", buyer_id: "b1", target: "live" });
    const second = await create(s, claimable("follower", { discount: { kind: "fixed", amount_minor: 300 } }));
    const again = await claim(s, second.id, "b1");
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("already_claimed");
  });

  it("R11: two follower coupons claimed at once by one buyer give exactly one", async () => {
    const s = await t.shop();
    await event(s, { type: "follow.created", buyer_id: "b1", target: "shop" });
    const a = await create(s, claimable("follower", { discount: { kind: "fixed", amount_minor: 300 } }));
    const b = await create(s, claimable("follower", { discount: { kind: "fixed", amount_minor: 300 } }));
    const results = await Promise.all([claim(s, a.id, "b1"), claim(s, b.id, "b1"), claim(s, a.id, "b1"), claim(s, b.id, "b1")]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) expect(r.body.code).toBe("already_claimed");
    const grants = await t.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM follower_grants WHERE shop_id = ${s.id}`);
    expect(grants?.n).toBe(1);
  });

  it("R17: a chat coupon is claimable only by a buyer it was sent to", async () => {
    const s = await t.shop();
    const c = await create(s, claimable("chat"));
    const refused = await claim(s, c.id, "b1");
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("not_sent_to_buyer");
    await sendChat(s, c.id, "b1");
    expect((await claim(s, c.id, "b1")).status).toBe(201);
  });

  it("R28: not_started before the claim window, deactivated after deactivation; unknown or another shop's coupon is 404", async () => {
    const s = await t.shop();
    const later = await create(s, claimable("regular", { claim_starts_at: at(DAY), claim_ends_at: at(40 * DAY) }));
    expect((await claim(s, later.id, "b1")).body.code).toBe("not_started");
    const c = await create(s, claimable("regular"));
    expect((await answer(calls(t, s.sk).deactivate(c.id))).status).toBe(200);
    const off = await claim(s, c.id, "b1");
    expect(off.status).toBe(409);
    expect(off.body.code).toBe("deactivated");
    expect((await claim(s, "cpn_nope", "b1")).status).toBe(404);
    const other = await t.shop();
    expect((await claim(other, c.id, "b1")).status).toBe(404);
  });

  it("expired once the claim window ends (shop clock)", async () => {
    const s = await t.shop();
    const c = await create(s, claimable("regular", { claim_ends_at: at(31 * DAY) }));
    await answer(calls(t, s.sk).setClock({ now: at(32 * DAY) }));
    const res = await claim(s, c.id, "b1");
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("expired");
  });

  it("a claim without a buyer is buyer_required; a publishable key may not name buyer_id", async () => {
    const s = await t.shop();
    const c = await create(s, claimable("regular"));
    const anon = await answer(calls(t, s.pk).claim(c.id));
    expect(anon.status).toBe(409);
    expect(anon.body.code).toBe("buyer_required");
    const named = await answer(calls(t, s.pk).claim(c.id, { buyer_id: "b1" }));
    expect(named.status).toBe(422);
  });
});

describe("storefront list", () => {
  it("R1, R17: ongoing regular and follower coupons, chat ones only for the buyer they were sent to; never review or promo codes", async () => {
    const s = await t.shop();
    const regular = await create(s, claimable("regular"));
    const follower = await create(s, claimable("follower", { discount: { kind: "fixed", amount_minor: 300 } }));
    const chat = await create(s, claimable("chat"));
    await create(s, claimable("regular", { claim_starts_at: at(DAY), claim_ends_at: at(40 * DAY) })); // upcoming
    await create(s, {
      type: "promo_code",
      name: "promo",
      discount: { kind: "fixed", amount_minor: 500 },
      quantity: 5,
      active_starts_at: at(-MINUTE),
      active_ends_at: at(DAY),
    });
    const { audience: _audience, ...followerTerms } = claimable("follower");
    await create(s, {
      ...followerTerms,
      type: "review",
      validity: { kind: "days_after_claim", days: 7 },
      discount: { kind: "fixed", amount_minor: 300 },
    });
    await sendChat(s, chat.id, "b2");

    const forB1 = await answer(calls(t, s.sk).storefront({ buyer_id: "b1" }));
    expect(forB1.status).toBe(200);
    expect(forB1.body.data!.map((c) => c.id)).toEqual([follower.id, regular.id]);
    const forB2 = await answer(calls(t, s.pk, { "x-buyer-token": await s.token("b2") }).storefront());
    expect(forB2.body.data!.map((c) => c.id)).toEqual([chat.id, follower.id, regular.id]);
    expect(forB2.body.data![0]).toMatchObject({ claimable: true, reason: null, type: "chat", name: chat.name });
    expect(forB2.body.data![1]).toMatchObject({ claimable: false, reason: "not_a_follower" });
  });

  it("without a buyer every entry is claimable: false, reason: buyer_required", async () => {
    const s = await t.shop();
    await create(s, claimable("regular"));
    const res = await answer(calls(t, s.pk).storefront());
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data![0]).toMatchObject({ claimable: false, reason: "buyer_required" });
  });

  it("shows why a held or exhausted coupon is not claimable", async () => {
    const s = await t.shop();
    const held = await create(s, claimable("regular"));
    const gone = await create(s, claimable("regular", { quantity: 1 }));
    await claim(s, held.id, "b1");
    await claim(s, gone.id, "b2");
    const res = await answer(calls(t, s.sk).storefront({ buyer_id: "b1" }));
    const byId = Object.fromEntries(res.body.data!.map((c) => [c.id, c.reason]));
    expect(byId).toEqual({ [held.id]: "already_claimed", [gone.id]: "quantity_exhausted" });
  });

  it("with product_id only coupons whose scope includes it; pages by cursor", async () => {
    const s = await t.shop();
    const whole = await create(s, claimable("regular"));
    const mugs = await create(s, claimable("regular", { scope: { kind: "products", product_ids: ["mug", "cup"] } }));
    await create(s, claimable("regular", { scope: { kind: "products", product_ids: ["tee"] } }));
    const res = await answer(calls(t, s.pk).storefront({ product_id: "mug", limit: "1" }));
    expect(res.body.data!.map((c) => c.id)).toEqual([mugs.id]);
    expect(res.body.next_cursor).toEqual(expect.any(String));
    const next = await answer(calls(t, s.pk).storefront({ product_id: "mug", limit: "1", cursor: res.body.next_cursor ?? undefined }));
    expect(next.body.data!.map((c) => c.id)).toEqual([whole.id]);
    expect(next.body.next_cursor).toBeNull();
  });
});

describe("wallet", () => {
  it("R5, R28: claims show available, expired past their validity, void once the coupon is deactivated, used", async () => {
    const s = await t.shop();
    const a = await create(s, claimable("regular"));
    const b = await create(s, claimable("regular", { validity: { kind: "days_after_claim", days: 1 } }));
    const c = await create(s, claimable("regular"));
    const d = await create(s, claimable("regular"));
    for (const x of [a, b, c, d]) expect((await claim(s, x.id, "b1")).status).toBe(201);
    expect((await answer(calls(t, s.sk).deactivate(c.id))).status).toBe(200);
    await useClaim(s, d.id, "b1", "o1");
    await answer(calls(t, s.sk).setClock({ now: at(2 * DAY) }));
    const res = await answer(calls(t, s.pk, { "x-buyer-token": await s.token("b1") }).wallet());
    expect(res.status).toBe(200);
    const states = Object.fromEntries(res.body.data!.map((k) => [k.coupon_id, k.state]));
    expect(states).toEqual({ [a.id]: "available", [b.id]: "expired", [c.id]: "void", [d.id]: "used" });
    expect(res.body.data!.find((k) => k.coupon_id === a.id)?.coupon).toMatchObject({ name: a.name, discount: a.discount });
  });

  it("needs a buyer", async () => {
    const s = await t.shop();
    const res = await answer(calls(t, s.pk).wallet());
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("buyer_required");
  });
});
