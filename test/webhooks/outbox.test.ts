/**
 * API.md "Webhooks (v1.1)": every event is recorded in the same batch as the change it reports, one
 * delivery per subscribed endpoint, and a refused write records nothing. Each event's object is the API's
 * own answer for it; `coupon.exhausted` is recorded once per coupon even when writes race to the last unit.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES } from "../../worker/contract/webhooks.js";
import { sweepExpiredReservations } from "../../worker/services/sweeper.js";
import { at, cart, DAY, expectStatus, HOUR, makeTestApp, MINUTE, promoBody, claimableBody, type ShopKeys, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ file: true });
});

const ALL = WEBHOOK_EVENT_TYPES;

async function subscribe(s: ShopKeys, events: readonly (typeof ALL)[number][] = ALL): Promise<string> {
  const made = await expectStatus(t.api(s.sk).v1["webhook-endpoints"].$post({ json: { url: "http://127.0.0.1:9/h", events: [...events] } }), 201);
  return made.webhook_endpoint.id;
}

interface Row {
  type: string;
  event_id: string;
  object: any;
  created_at: number;
  status: string;
}
async function recorded(endpointId: string, type?: string): Promise<Row[]> {
  const rs = await t.client.execute({
    sql: `SELECT type, event_id, object, created_at, status FROM webhook_deliveries WHERE endpoint_id = ? ${type ? "AND type = ?" : ""} ORDER BY seq`,
    args: type ? [endpointId, type] : [endpointId],
  });
  return rs.rows.map((r) => ({ type: String(r.type), event_id: String(r.event_id), object: JSON.parse(String(r.object)), created_at: Number(r.created_at), status: String(r.status) }));
}

const redeem = (s: ShopKeys, code: string, buyer: string, order: string) =>
  t.call("POST", "/v1/checkout/redemptions", { key: s.sk, body: { buyer_id: buyer, code, order_id: order, cart: cart([{ unit_price_minor: 4000 }]) } });
let n = 0;
const sendEvent = (s: ShopKeys, body: Record<string, unknown>) =>
  t.call("POST", "/v1/events", { key: s.sk, body: { id: `fact_${++n}`, occurred_at: at(-1000), ...body } });

describe("the outbox: events recorded with their change", () => {
  it("records nothing for a shop without endpoints, and only subscribed types for one with", async () => {
    const quiet = await t.shop({ name: "Quiet" });
    await expectStatus(t.api(quiet.sk).v1.coupons.$post({ json: promoBody() as never }), 201);
    const count = await t.client.execute({ sql: "SELECT count(*) AS n FROM webhook_deliveries WHERE shop_id = ?", args: [quiet.id] });
    expect(Number(count.rows[0].n)).toBe(0);

    const s = await t.shop({ name: "Picky" });
    const ep = await subscribe(s, ["coupon.deactivated"]);
    const made = await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody() });
    expect(await recorded(ep)).toEqual([]);
    await t.call("POST", `/v1/coupons/${made.body.coupon.id}/deactivate`, { key: s.sk });
    expect((await recorded(ep)).map((r) => r.type)).toEqual(["coupon.deactivated"]);
  });

  it("coupon.created (with its addon), coupon.updated, coupon.deactivated: the coupon as the API answered it", async () => {
    const s = await t.shop({ name: "Coupons Hooked", addon_coupons: true });
    const [ep1, ep2] = [await subscribe(s), await subscribe(s, ["coupon.created"])];
    const made = await t.call("POST", "/v1/coupons", { key: s.sk, body: claimableBody("regular") });
    expect(made.status).toBe(201);
    const created = await recorded(ep1, "coupon.created");
    expect(created.map((r) => r.object)).toEqual([made.body.coupon, made.body.addons[0]]);
    // The same event goes to every subscribed endpoint under the same id.
    expect((await recorded(ep2)).map((r) => r.event_id)).toEqual(created.map((r) => r.event_id));
    expect(new Set(created.map((r) => r.event_id)).size).toBe(2);

    const id = made.body.coupon.id;
    const patched = await t.call("PATCH", `/v1/coupons/${id}`, { key: s.sk, body: { name: "Renamed" }, headers: { "if-match": "1" } });
    expect(patched.status).toBe(200);
    const stale = await t.call("PATCH", `/v1/coupons/${id}`, { key: s.sk, body: { name: "Again" }, headers: { "if-match": "1" } });
    expect(stale.status).toBe(412); // refused: no event
    expect((await recorded(ep1, "coupon.updated")).map((r) => r.object)).toEqual([patched.body.coupon]);

    const copy = await t.call("POST", `/v1/coupons/${id}/duplicate`, {
      key: s.sk,
      body: { name: "Copy", claim_starts_at: at(DAY), claim_ends_at: at(40 * DAY) },
    });
    expect(copy.status, JSON.stringify(copy.body)).toBe(201);
    expect((await recorded(ep1, "coupon.created")).map((r) => r.object).slice(2)).toEqual([copy.body.coupon]);

    const off = await t.call("POST", `/v1/coupons/${id}/deactivate`, { key: s.sk });
    await t.call("POST", `/v1/coupons/${id}/deactivate`, { key: s.sk }); // already deactivated: no second event
    expect((await recorded(ep1, "coupon.deactivated")).map((r) => r.object)).toEqual([off.body.coupon]);
    expect((await recorded(ep2)).map((r) => r.type)).toEqual(["coupon.created", "coupon.created", "coupon.created"]);
  });

  it("claim.created for a claim, nothing for a refused one; coupon.exhausted when the last unit is claimed", async () => {
    const s = await t.shop({ name: "Claims Hooked" });
    const ep = await subscribe(s);
    const coupon = (await t.call("POST", "/v1/coupons", { key: s.sk, body: claimableBody("regular", { quantity: 2 }) })).body.coupon;
    const claim = (id: string) => t.call("POST", `/v1/storefront/coupons/${coupon.id}/claim`, { key: s.sk, body: { buyer_id: id } });
    const first = await claim("b1");
    expect(first.status).toBe(201);
    expect((await claim("b1")).status).toBe(409); // already claimed
    expect((await recorded(ep, "claim.created")).map((r) => r.object)).toEqual([first.body.claim]);
    expect(await recorded(ep, "coupon.exhausted")).toEqual([]);
    expect((await claim("b2")).status).toBe(201);
    expect((await claim("b3")).status).toBe(409); // none left
    const exhausted = await recorded(ep, "coupon.exhausted");
    expect(exhausted).toHaveLength(1);
    expect(exhausted[0].object).toMatchObject({ id: coupon.id, name: coupon.name, quantity: 2 });
    expect((await recorded(ep, "claim.created")).length).toBe(2);
  });

  it("redemption.reserved / .committed / .released: the redemption as the API answers it, by route, by order event and by expiry", async () => {
    const s = await t.shop({ name: "Redemptions Hooked" });
    const ep = await subscribe(s);
    const promo = (await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ quantity: 50 }) })).body.coupon;
    const r1 = await redeem(s, promo.code, "b1", "o1");
    const r2 = await redeem(s, promo.code, "b2", "o2");
    const r3 = await redeem(s, promo.code, "b3", "o3");
    const r4 = await redeem(s, promo.code, "b4", "o4");
    const r5 = await redeem(s, promo.code, "b5", "o5");
    for (const r of [r1, r2, r3, r4, r5]) expect(r.status).toBe(201);
    expect((await recorded(ep, "redemption.reserved")).map((r) => r.object)).toEqual([r1, r2, r3, r4, r5].map((r) => r.body.redemption));

    await t.call("POST", `/v1/redemptions/${r1.body.redemption.id}/commit`, { key: s.sk });
    await t.call("POST", `/v1/redemptions/${r1.body.redemption.id}/commit`, { key: s.sk }); // again: nothing new
    await t.call("POST", `/v1/redemptions/${r2.body.redemption.id}/release`, { key: s.sk });
    await sendEvent(s, { type: "order.paid", buyer_id: "b3", order_id: "o3", total_minor: 4000 });
    await sendEvent(s, { type: "order.cancelled", buyer_id: "b4", order_id: "o4" });
    // r5 lapses: 30 minutes on the shop clock, released by the sweep.
    await t.call("POST", "/v1/test-clock", { key: s.sk, body: { now: at(31 * MINUTE) } });
    expect(await sweepExpiredReservations(t.db, Date.now())).toBeGreaterThanOrEqual(1);

    const get = async (id: string) => (await t.call("GET", `/v1/redemptions/${id}`, { key: s.sk })).body.redemption;
    const committed = await recorded(ep, "redemption.committed");
    expect(committed.map((r) => r.object)).toEqual([await get(r1.body.redemption.id), await get(r3.body.redemption.id)]);
    const released = await recorded(ep, "redemption.released");
    expect(released.map((r) => r.object)).toEqual([
      await get(r2.body.redemption.id),
      await get(r4.body.redemption.id),
      await get(r5.body.redemption.id),
    ]);
    expect(released.map((r) => r.object.release_reason)).toEqual(["released", "order_cancelled", "expired"]);
    // Event ids are unique across the shop's events.
    const all = await recorded(ep);
    expect(new Set(all.map((r) => r.event_id)).size).toBe(all.length);
  });

  it("a refused redemption records nothing; coupon.exhausted once, whichever of many racing writes takes the last unit", async () => {
    const s = await t.shop({ name: "Race Hooked" });
    const [ep1, ep2] = [await subscribe(s), await subscribe(s, ["coupon.exhausted"])];
    const promo = (await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ quantity: 5 }) })).body.coupon;
    // Half the writes come from a second app on the same file: a second process, with its own write lock turn.
    const t2 = await makeTestApp({ file: t.path });
    const redeem2 = (buyer: string, order: string) =>
      t2.call("POST", "/v1/checkout/redemptions", { key: s.sk, body: { buyer_id: buyer, code: promo.code, order_id: order, cart: cart([{ unit_price_minor: 4000 }]) } });
    const all = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? redeem(s, promo.code, `rb${i}`, `ro${i}`) : redeem2(`rb${i}`, `ro${i}`))));
    const won = all.filter((r) => r.status === 201);
    expect(won).toHaveLength(5);
    expect(all.filter((r) => r.status === 409).every((r) => r.body.code === "quantity_exhausted")).toBe(true);
    const reserved = await recorded(ep1, "redemption.reserved");
    expect(reserved.map((r) => r.object.id).sort()).toEqual(won.map((r) => r.body.redemption.id).sort());
    const [ex1, ex2] = [await recorded(ep1, "coupon.exhausted"), await recorded(ep2, "coupon.exhausted")];
    expect(ex1).toHaveLength(1);
    expect(ex2.map((r) => r.event_id)).toEqual(ex1.map((r) => r.event_id));
    expect(ex1[0].object).toMatchObject({ id: promo.id, quantity: 5 });

    // A unit given back and taken again: the coupon runs out again, but that is not news.
    await t.call("POST", `/v1/redemptions/${won[0].body.redemption.id}/release`, { key: s.sk });
    expect((await redeem(s, promo.code, "late", "late-order")).status).toBe(201);
    expect(await recorded(ep1, "coupon.exhausted")).toHaveLength(1);
    // A larger quantity (an ongoing coupon may grow) that runs out is news once more.
    expect((await t.call("PATCH", `/v1/coupons/${promo.id}`, { key: s.sk, body: { quantity: 6 } })).status).toBe(200);
    expect((await redeem(s, promo.code, "later", "later-order")).status).toBe(201);
    const again = await recorded(ep1, "coupon.exhausted");
    expect(again.map((r) => r.object.quantity)).toEqual([5, 6]);
  });

  it("review_coupon.issued and claim.created when a review earns a claim; nothing when it does not", async () => {
    const s = await t.shop({ name: "Reviews Hooked" });
    const ep = await subscribe(s);
    const coupon = (
      await t.call("POST", "/v1/coupons", {
        key: s.sk,
        body: { ...claimableBody("regular"), type: "review", discount: { kind: "fixed", amount_minor: 300 }, claim_starts_at: at(-DAY) },
      })
    ).body.coupon;
    expect(coupon.type).toBe("review");
    await sendEvent(s, { type: "order.paid", buyer_id: "rb", order_id: "ro1", total_minor: 1000 });
    const short = await sendEvent(s, { type: "review.approved", buyer_id: "rb", order_id: "ro1", product_id: "p1", word_count: 3, media_count: 1 });
    expect(short.body.issued_claim).toBeNull();
    expect(await recorded(ep, "review_coupon.issued")).toEqual([]);
    const good = await sendEvent(s, { type: "review.approved", buyer_id: "rb", order_id: "ro1", product_id: "p2", word_count: 30, media_count: 1 });
    const claim = good.body.issued_claim;
    expect(claim).not.toBeNull();
    const issued = await recorded(ep, "review_coupon.issued");
    expect(issued).toHaveLength(1);
    expect(issued[0].object).toMatchObject({
      id: claim.id,
      coupon_id: coupon.id,
      buyer_id: "rb",
      state: "available",
      valid_from: claim.valid_from,
      valid_until: claim.valid_until,
      order_id: "ro1",
      product_id: "p2",
      review_label: "Verified purchase Incentivized Review",
    });
    expect((await recorded(ep, "claim.created")).map((r) => r.object.id)).toEqual([claim.id]);
  });

  it("events carry the shop clock: a test shop's frozen time is the event's created_at", async () => {
    const s = await t.shop({ name: "Clocked" });
    const ep = await subscribe(s, ["coupon.created"]);
    const frozen = Date.parse("2031-05-04T03:02:01.000Z");
    await t.call("POST", "/v1/test-clock", { key: s.sk, body: { now: new Date(frozen).toISOString() } });
    const made = await t.call("POST", "/v1/coupons", {
      key: s.sk,
      body: promoBody({ active_starts_at: new Date(frozen).toISOString(), active_ends_at: new Date(frozen + HOUR).toISOString() }),
    });
    expect(made.status).toBe(201);
    const rows = await recorded(ep);
    expect(rows.map((r) => r.created_at)).toEqual([frozen]);
  });
});
