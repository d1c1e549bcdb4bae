/**
 * Events that issue or settle something: approved reviews earn review coupons, follows feed follower claims,
 * and order.paid / order.cancelled settle the order's reservation. (Facts alone: events.test.ts.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import { answer, at, DAY, expectStatus, HOUR, makeTestApp, type ShopKeys, type TestApp } from "../support/app.js";
import { calls, type CouponJson, type EventFact, type EventJson } from "../support/api.js";
import { loadBuyerFacts } from "../../worker/store/buyer-facts.js";
import { isFollower, isNewCustomer } from "../../worker/engine/segments.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

let n = 0;
const eid = () => `evt_${++n}`;

/** An event with a fresh id, a second ago unless the body says when. */
async function send(s: ShopKeys, body: EventFact & { occurred_at?: string }) {
  return answer(calls(t, s.sk).event({ id: eid(), occurred_at: at(-1000), ...body } as EventJson));
}
const facts = (s: ShopKeys, buyer: string) => loadBuyerFacts(t.db, s.id, buyer);

/** A claim-based coupon body (review by default) with a 60-day window open since yesterday. */
type ClaimTerms = Partial<
  Pick<Extract<CouponJson, { type: "follower" }>, "audience" | "quantity" | "scope" | "claim_starts_at" | "claim_ends_at">
>;
function claimCouponBody(type: "review" | "follower", over: ClaimTerms = {}): CouponJson {
  return {
    type,
    name: `${type} ${Math.random().toString(36).slice(2, 8)}`,
    discount: { kind: "fixed", amount_minor: 300 },
    quantity: 100,
    claim_starts_at: at(-DAY),
    claim_ends_at: at(60 * DAY),
    validity: { kind: "days_after_claim", days: 14 },
    ...over,
  } as CouponJson;
}
const reviewCoupon = (over: Omit<ClaimTerms, "audience"> = {}) => claimCouponBody("review", over);

async function reviewShop(over: Omit<ClaimTerms, "audience"> = {}) {
  const s = await t.shop();
  return { s, coupon: (await expectStatus(calls(t, s.sk).createCoupon(reviewCoupon(over)), 201)).coupon };
}

const review = (
  over: Partial<{ order_id: string; product_id: string; buyer_id: string; word_count: number; media_count: number }> = {},
) => ({
  type: "review.approved" as const,
  buyer_id: "rb",
  order_id: "ro1",
  product_id: "p1",
  word_count: 11,
  media_count: 1,
  ...over,
});

describe("events: review coupons", () => {
  it("R13, R16: an 11-word review with a picture of a paid order earns a claim and the label", async () => {
    const { s, coupon } = await reviewShop();
    await send(s, { type: "order.paid" as const, buyer_id: "rb", order_id: "ro1", total_minor: 1000 });
    const res = await send(s, review());
    expect(res.status).toBe(200);
    expect(res.body.review_label).toBe("Verified purchase Incentivized Review");
    expect(res.body.issued_claim).toMatchObject({ coupon_id: coupon.id, state: "available" });
    const c = res.body.issued_claim!;
    expect(Date.parse(c.valid_until) - Date.parse(c.valid_from)).toBe(14 * DAY);
    const perf = await answer(calls(t, s.sk).performance(coupon.id));
    expect(perf.body).toMatchObject({ claims: 1, remaining: 99 });
    const reviewRow = await t.db.$client.execute({
      sql: "SELECT label, claim_id FROM reviews WHERE shop_id = ? AND order_id = ?",
      args: [s.id, "ro1"],
    });
    expect(reviewRow.rows[0]).toMatchObject({ label: "Verified purchase Incentivized Review", claim_id: c.id });
  });

  it("R13: a 10-word review earns nothing", async () => {
    const { s } = await reviewShop();
    await send(s, { type: "order.paid" as const, buyer_id: "rb", order_id: "ro1", total_minor: 1000 });
    const res = await send(s, review({ word_count: 10 }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ issued_claim: null, review_label: null });
  });

  it("R13: a review without a picture or video earns nothing", async () => {
    const { s } = await reviewShop();
    await send(s, { type: "order.paid" as const, buyer_id: "rb", order_id: "ro1", total_minor: 1000 });
    expect((await send(s, review({ media_count: 0, word_count: 200 }))).body.issued_claim).toBeNull();
  });

  it("R13: a negative review qualifies too (the rating is not even asked)", async () => {
    const { s } = await reviewShop();
    await send(s, { type: "order.paid" as const, buyer_id: "rb", order_id: "ro1", total_minor: 1000 });
    const res = await send(s, review({ word_count: 40, media_count: 2 }));
    expect(res.body.issued_claim).not.toBeNull();
    // A rating field is not part of the contract: sending one is 422, so nothing can depend on it.
    const rated = await t.call("POST", "/v1/events", {
      key: s.sk,
      body: { id: eid(), occurred_at: at(-1000), ...review({ order_id: "ro2" }), rating: 1 },
    });
    expect(rated.status).toBe(422);
  });

  it("R13: a product outside the coupon's scope earns nothing", async () => {
    const { s } = await reviewShop({ scope: { kind: "products", product_ids: ["p1", "p2"] } });
    await send(s, { type: "order.paid" as const, buyer_id: "rb", order_id: "ro1", total_minor: 1000 });
    expect((await send(s, review({ product_id: "p3" }))).body.issued_claim).toBeNull();
    expect((await send(s, review({ product_id: "p2" }))).body.issued_claim).not.toBeNull();
  });

  it("R13: a review of an order the buyer has not paid (or another buyer's order) earns nothing", async () => {
    const { s } = await reviewShop();
    expect((await send(s, review())).body.issued_claim).toBeNull();
    await send(s, { type: "order.paid" as const, buyer_id: "someone-else", order_id: "ro9", total_minor: 1000 });
    expect((await send(s, review({ order_id: "ro9" }))).body.issued_claim).toBeNull();
  });

  it("R13: without an ongoing review coupon nothing is issued (upcoming or deactivated)", async () => {
    const { s, coupon } = await reviewShop({ claim_starts_at: at(DAY), claim_ends_at: at(40 * DAY) });
    await send(s, { type: "order.paid" as const, buyer_id: "rb", order_id: "ro1", total_minor: 1000 });
    expect((await send(s, review())).body.issued_claim).toBeNull();
    const { s: s2, coupon: c2 } = await reviewShop();
    await send(s2, { type: "order.paid" as const, buyer_id: "rb", order_id: "ro1", total_minor: 1000 });
    expect((await answer(calls(t, s2.sk).deactivate(c2.id))).status).toBe(200);
    expect((await send(s2, review())).body.issued_claim).toBeNull();
    expect((await answer(calls(t, s.sk).performance(coupon.id))).body.claims).toBe(0);
  });

  it("R14: two orders reviewed give two claims; two products of one order give one", async () => {
    const { s } = await reviewShop();
    await send(s, { type: "order.paid" as const, buyer_id: "rb", order_id: "ro1", total_minor: 1000 });
    await send(s, { type: "order.paid" as const, buyer_id: "rb", order_id: "ro2", total_minor: 1000 });
    const a = await send(s, review({ order_id: "ro1", product_id: "p1" }));
    const b = await send(s, review({ order_id: "ro2", product_id: "p1" }));
    const c = await send(s, review({ order_id: "ro1", product_id: "p2" }));
    expect(a.body.issued_claim).not.toBeNull();
    expect(b.body.issued_claim).not.toBeNull();
    expect(b.body.issued_claim?.id).not.toBe(a.body.issued_claim?.id);
    expect(c.body).toMatchObject({ issued_claim: null, review_label: null });
  });

  it("R27: the review coupon's quantity caps the claims it issues", async () => {
    const { s } = await reviewShop({ quantity: 1 });
    await send(s, { type: "order.paid" as const, buyer_id: "rb", order_id: "ro1", total_minor: 1000 });
    await send(s, { type: "order.paid" as const, buyer_id: "rb", order_id: "ro2", total_minor: 1000 });
    expect((await send(s, review({ order_id: "ro1" }))).body.issued_claim).not.toBeNull();
    expect((await send(s, review({ order_id: "ro2" }))).body.issued_claim).toBeNull();
  });

  it("R14: a replayed review event returns the same claim and issues no second one", async () => {
    const { s } = await reviewShop();
    await send(s, { type: "order.paid" as const, buyer_id: "rb", order_id: "ro1", total_minor: 1000 });
    const body = { id: "rev-1", occurred_at: at(-1000), ...review() };
    const first = await answer(calls(t, s.sk).event(body));
    const again = await answer(calls(t, s.sk).event(body));
    expect(again.body).toEqual(first.body);
    expect(first.body.issued_claim).not.toBeNull();
  });
});

const followerCoupon = (over: ClaimTerms = {}) => claimCouponBody("follower", over);
const createCoupon = async (s: ShopKeys, body: CouponJson) => (await expectStatus(calls(t, s.sk).createCoupon(body), 201)).coupon;
const claim = (s: ShopKeys, couponId: string, buyer: string) => answer(calls(t, s.sk).claim(couponId, { buyer_id: buyer }));

describe("events: follower facts feed claims", () => {
  it("R12: a buyer who just followed may claim a follower coupon at once", async () => {
    const s = await t.shop();
    const c = await createCoupon(s, followerCoupon());
    expect((await claim(s, c.id, "fb")).body.code).toBe("not_a_follower");
    await send(s, { type: "follow.created" as const, buyer_id: "fb", target: "live" as const });
    expect((await claim(s, c.id, "fb")).status).toBe(201);
  });

  it("R10: new_followers needs a follow at or after the window's start", async () => {
    const s = await t.shop();
    const c = await createCoupon(s, followerCoupon({ audience: "new_followers" }));
    await send(s, { type: "follow.created" as const, buyer_id: "old", target: "shop" as const, occurred_at: at(-3 * DAY) });
    await send(s, { type: "follow.created" as const, buyer_id: "new", target: "shop" as const, occurred_at: at(-HOUR) });
    expect((await claim(s, c.id, "old")).body.code).toBe("audience_mismatch");
    expect((await claim(s, c.id, "new")).status).toBe(201);
  });

  it("R11: following shop and LIVE, unfollowing and re-following still make one follower coupon for life", async () => {
    const s = await t.shop();
    const a = await createCoupon(s, followerCoupon());
    const b = await createCoupon(s, followerCoupon());
    await send(s, { type: "follow.created" as const, buyer_id: "fb", target: "shop" as const });
    await send(s, { type: "follow.created" as const, buyer_id: "fb", target: "live" as const });
    expect((await claim(s, a.id, "fb")).status).toBe(201);
    expect((await facts(s, "fb")).has_follower_grant).toBe(true);
    await send(s, { type: "follow.deleted" as const, buyer_id: "fb", target: "shop" as const });
    await send(s, { type: "follow.deleted" as const, buyer_id: "fb", target: "live" as const });
    await send(s, { type: "follow.created" as const, buyer_id: "fb", target: "shop" as const });
    const f = await facts(s, "fb");
    expect(isFollower(f)).toBe(true);
    expect(f.has_follower_grant).toBe(true);
    expect((await claim(s, b.id, "fb")).body.code).toBe("already_claimed");
  });
});

describe("events under concurrency (file database)", () => {
  it("R14: concurrent reviews of one order issue one claim; concurrent deliveries of one id write one fact", async () => {
    const f = await makeTestApp({ file: true });
    const s = await f.shop();
    const body = reviewCoupon();
    await expectStatus(calls(f, s.sk).createCoupon(body), 201);
    const ev = (b: EventFact & { id: string }) => answer(calls(f, s.sk).event({ occurred_at: at(-1000), ...b } as EventJson));
    const paid = { id: "pay-1", type: "order.paid" as const, buyer_id: "rb", order_id: "ro1", total_minor: 900, occurred_at: at(-1000) };
    const paids = await Promise.all(Array.from({ length: 5 }, () => ev(paid)));
    expect(paids.every((r) => r.status === 200)).toBe(true);
    expect((await loadBuyerFacts(f.db, s.id, "rb")).paid_order_times).toHaveLength(1);
    const reviews = await Promise.all(["p1", "p2", "p3", "p4", "p5"].map((p, i) => ev({ id: `rv-${i}`, ...review({ product_id: p }) })));
    expect(reviews.filter((r) => r.body.issued_claim !== null)).toHaveLength(1);
    const n = await f.db.$client.execute({ sql: "SELECT count(*) AS n FROM claims WHERE shop_id = ?", args: [s.id] });
    expect(Number(n.rows[0].n)).toBe(1);
  });
});

describe("events: order.paid and order.cancelled settle the order's reservation", () => {
  const CART = {
    currency: "USD",
    lines: [{ line_id: "l1", product_id: "p1", quantity: 1, unit_price_minor: 4000, product_discount_minor: 0 }],
    shipping_minor: 0,
    shipping_discount_minor: 0,
  };
  async function reserve(s: ShopKeys, orderId: string) {
    const c = await createCoupon(s, {
      type: "promo_code",
      name: `P ${orderId}`,
      discount: { kind: "fixed", amount_minor: 500 },
      quantity: 3,
      active_starts_at: at(-HOUR),
      active_ends_at: at(DAY),
    });
    const r = await expectStatus(
      calls(t, s.sk).redeem({ code: c.code!, buyer_id: "ob", order_id: orderId, cart: CART }, `k-${orderId}`),
      201,
    );
    return { coupon: c, redemption: r.redemption };
  }
  const redemption = async (s: ShopKeys, id: string) => (await expectStatus(calls(t, s.sk).redemption(id), 200)).redemption;

  it("R27: order.paid commits the reserved redemption of that order; performance counts it (R31)", async () => {
    const s = await t.shop();
    const { coupon, redemption: r } = await reserve(s, "ord-1");
    expect((await send(s, { type: "order.paid" as const, buyer_id: "ob", order_id: "ord-1", total_minor: 3500 })).status).toBe(200);
    expect((await redemption(s, r.id)).state).toBe("committed");
    const perf = await answer(calls(t, s.sk).performance(coupon.id));
    expect(perf.body).toEqual({
      claims: 0,
      redemptions: 1,
      buyers: 1,
      orders: 1,
      discount_minor: 500,
      gmv_minor: 3500,
      remaining: 2,
      refunds: 0,
      refunded_discount_minor: 0,
      remaining_budget_minor: null,
      from: expect.any(String),
      to: expect.any(String),
      series: expect.any(Array),
    });
  });

  it("R27: order.cancelled releases the reservation and gives the unit back", async () => {
    const s = await t.shop();
    const { coupon, redemption: r } = await reserve(s, "ord-2");
    expect((await answer(calls(t, s.sk).performance(coupon.id))).body.remaining).toBe(2);
    expect((await send(s, { type: "order.cancelled" as const, buyer_id: "ob", order_id: "ord-2" })).status).toBe(200);
    expect((await redemption(s, r.id)).state).toBe("released");
    expect((await answer(calls(t, s.sk).performance(coupon.id))).body).toMatchObject({ redemptions: 0, remaining: 3 });
    // The order was never paid: the buyer is still new (R7).
    expect(isNewCustomer(await facts(s, "ob"))).toBe(true);
  });

  it("a redelivered order.paid settles a reservation its first delivery did not (a crash in between)", async () => {
    const s = await t.shop();
    // The first delivery is recorded before anything is reserved for the order, as if the process had
    // died after recording the event and before settling the order…
    const body = {
      id: "paid-late",
      type: "order.paid" as const,
      occurred_at: at(-1000),
      buyer_id: "ob",
      order_id: "ord-3",
      total_minor: 3500,
    };
    expect((await answer(calls(t, s.sk).event(body))).status).toBe(200);
    const { redemption: r } = await reserve(s, "ord-3");
    expect((await redemption(s, r.id)).state).toBe("reserved");
    // …so the sender's retry of the same event is what commits it, answering as the first time.
    const again = await answer(calls(t, s.sk).event(body));
    expect(again.status).toBe(200);
    expect((await redemption(s, r.id)).state).toBe("committed");
  });
});
