/**
 * README "Webhooks": every event is recorded in the same batch as the change it reports, one
 * delivery per subscribed endpoint, and a refused write records nothing. Each event's object is the API's
 * own answer for it; `coupon.exhausted` is recorded once per coupon even when writes race to the last unit.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES } from "../../worker/contract/webhooks.js";
import { sweepExpiredReservations } from "../../worker/services/sweeper.js";
import {
  answer,
  at,
  cart,
  claimableBody,
  DAY,
  expectStatus,
  HOUR,
  makeTestApp,
  MINUTE,
  promoBody,
  type ShopKeys,
  type TestApp,
} from "../support/app.js";
import { calls, type CouponJson, type EventFact } from "../support/api.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ file: true });
});

const ALL = WEBHOOK_EVENT_TYPES;

async function subscribe(s: ShopKeys, events: readonly (typeof ALL)[number][] = ALL): Promise<string> {
  const made = await expectStatus(calls(t, s.sk).createEndpoint({ url: "http://127.0.0.1:9/h", events: [...events] }), 201);
  return made.webhook_endpoint.id;
}

interface Row {
  type: string;
  event_id: string;
  /** The event's object, as JSON: compared with the API's answers. */
  object: Record<string, unknown>;
  created_at: number;
  status: string;
}
async function recorded(endpointId: string, type?: string): Promise<Row[]> {
  const rs = await t.client.execute({
    sql: `SELECT type, event_id, object, created_at, status FROM webhook_deliveries WHERE endpoint_id = ? ${type ? "AND type = ?" : ""} ORDER BY seq`,
    args: type ? [endpointId, type] : [endpointId],
  });
  return rs.rows.map((r) => ({
    type: String(r.type),
    event_id: String(r.event_id),
    object: JSON.parse(String(r.object)),
    created_at: Number(r.created_at),
    status: String(r.status),
  }));
}

const redeem = (s: ShopKeys, code: string, buyer: string, order: string, app = t) =>
  calls(app, s.sk).redeem({ buyer_id: buyer, code, order_id: order, cart: cart([{ unit_price_minor: 4000 }]) });
let n = 0;
const sendEvent = (s: ShopKeys, fact: EventFact) =>
  expectStatus(calls(t, s.sk).event({ id: `fact_${++n}`, occurred_at: at(-1000), ...fact }), 200);
const create = async (s: ShopKeys, body: CouponJson) => expectStatus(calls(t, s.sk).createCoupon(body), 201);

describe("the outbox: events recorded with their change", () => {
  it("records nothing for a shop without endpoints, and only subscribed types for one with", async () => {
    const quiet = await t.shop({ name: "Quiet" });
    await create(quiet, promoBody());
    const count = await t.client.execute({ sql: "SELECT count(*) AS n FROM webhook_deliveries WHERE shop_id = ?", args: [quiet.id] });
    expect(Number(count.rows[0].n)).toBe(0);

    const s = await t.shop({ name: "Picky" });
    const ep = await subscribe(s, ["coupon.deactivated"]);
    const made = await create(s, promoBody());
    expect(await recorded(ep)).toEqual([]);
    await expectStatus(calls(t, s.sk).deactivate(made.coupon.id), 200);
    expect((await recorded(ep)).map((r) => r.type)).toEqual(["coupon.deactivated"]);
  });

  it("coupon.created (with its addon), coupon.updated, coupon.deactivated: the coupon as the API answered it", async () => {
    const s = await t.shop({ name: "Coupons Hooked", addon_coupons: true });
    const [ep1, ep2] = [await subscribe(s), await subscribe(s, ["coupon.created"])];
    const api = calls(t, s.sk);
    const made = await create(s, claimableBody("regular"));
    const created = await recorded(ep1, "coupon.created");
    expect(created.map((r) => r.object)).toEqual([made.coupon, made.addons[0]]);
    // The same event goes to every subscribed endpoint under the same id.
    expect((await recorded(ep2)).map((r) => r.event_id)).toEqual(created.map((r) => r.event_id));
    expect(new Set(created.map((r) => r.event_id)).size).toBe(2);

    const id = made.coupon.id;
    const patched = await expectStatus(api.patchCoupon(id, { name: "Renamed" }, 1), 200);
    await expectStatus(api.patchCoupon(id, { name: "Again" }, 1), 412); // refused: no event
    expect((await recorded(ep1, "coupon.updated")).map((r) => r.object)).toEqual([patched.coupon]);

    const copy = await expectStatus(api.duplicate(id, { name: "Copy", claim_starts_at: at(DAY), claim_ends_at: at(40 * DAY) }), 201);
    expect((await recorded(ep1, "coupon.created")).map((r) => r.object).slice(2)).toEqual([copy.coupon]);

    const off = await expectStatus(api.deactivate(id), 200);
    await api.deactivate(id); // already deactivated: no second event
    expect((await recorded(ep1, "coupon.deactivated")).map((r) => r.object)).toEqual([off.coupon]);
    expect((await recorded(ep2)).map((r) => r.type)).toEqual(["coupon.created", "coupon.created", "coupon.created"]);
  });

  it("claim.created for a claim, nothing for a refused one; coupon.exhausted when the last unit is claimed", async () => {
    const s = await t.shop({ name: "Claims Hooked" });
    const ep = await subscribe(s);
    const { coupon } = await create(s, claimableBody("regular", { quantity: 2 }));
    const claim = (id: string) => calls(t, s.sk).claim(coupon.id, { buyer_id: id });
    const first = await expectStatus(claim("b1"), 201);
    await expectStatus(claim("b1"), 409); // already claimed
    expect((await recorded(ep, "claim.created")).map((r) => r.object)).toEqual([first.claim]);
    expect(await recorded(ep, "coupon.exhausted")).toEqual([]);
    await expectStatus(claim("b2"), 201);
    await expectStatus(claim("b3"), 409); // none left
    const exhausted = await recorded(ep, "coupon.exhausted");
    expect(exhausted).toHaveLength(1);
    expect(exhausted[0].object).toMatchObject({ id: coupon.id, name: coupon.name, quantity: 2 });
    expect((await recorded(ep, "claim.created")).length).toBe(2);
  });

  it("redemption.reserved / .committed / .released: the redemption as the API answers it, by route, by order event and by expiry", async () => {
    const s = await t.shop({ name: "Redemptions Hooked" });
    const ep = await subscribe(s);
    const api = calls(t, s.sk);
    const { coupon: promo } = await create(s, promoBody({ quantity: 50 }));
    const made = [];
    for (const i of [1, 2, 3, 4, 5]) made.push((await expectStatus(redeem(s, promo.code!, `b${i}`, `o${i}`), 201)).redemption);
    expect((await recorded(ep, "redemption.reserved")).map((r) => r.object)).toEqual(made);
    const [id1, id2, id3, id4, id5] = made.map((r) => r.id);

    await expectStatus(api.commit(id1), 200);
    await expectStatus(api.commit(id1), 200); // again: nothing new
    await expectStatus(api.release(id2), 200);
    await sendEvent(s, { type: "order.paid", buyer_id: "b3", order_id: "o3", total_minor: 4000 });
    await sendEvent(s, { type: "order.cancelled", buyer_id: "b4", order_id: "o4" });
    // r5 lapses: 30 minutes on the shop clock, released by the sweep.
    await expectStatus(api.setClock({ now: at(31 * MINUTE) }), 200);
    expect(await sweepExpiredReservations(t.db, Date.now())).toBeGreaterThanOrEqual(1);

    const get = async (id: string) => (await expectStatus(api.redemption(id), 200)).redemption;
    const committed = await recorded(ep, "redemption.committed");
    expect(committed.map((r) => r.object)).toEqual([await get(id1), await get(id3)]);
    const released = await recorded(ep, "redemption.released");
    expect(released.map((r) => r.object)).toEqual([await get(id2), await get(id4), await get(id5)]);
    expect(released.map((r) => r.object.release_reason)).toEqual(["released", "order_cancelled", "expired"]);
    // Event ids are unique across the shop's events.
    const all = await recorded(ep);
    expect(new Set(all.map((r) => r.event_id)).size).toBe(all.length);
  });

  it("a refused redemption records nothing; coupon.exhausted once, whichever of many racing writes takes the last unit", async () => {
    const s = await t.shop({ name: "Race Hooked" });
    const [ep1, ep2] = [await subscribe(s), await subscribe(s, ["coupon.exhausted"])];
    const { coupon: promo } = await create(s, promoBody({ quantity: 5 }));
    const code = promo.code!;
    // Half the writes come from a second app on the same file: a second process, with its own write lock turn.
    const t2 = await makeTestApp({ file: t.path });
    const all = await Promise.all(Array.from({ length: 30 }, (_, i) => answer(redeem(s, code, `rb${i}`, `ro${i}`, i % 2 ? t : t2))));
    const won = all.filter((r) => r.status === 201);
    expect(won).toHaveLength(5);
    expect(all.filter((r) => r.status === 409).every((r) => r.body.code === "quantity_exhausted")).toBe(true);
    const reserved = await recorded(ep1, "redemption.reserved");
    expect(reserved.map((r) => r.object.id).sort()).toEqual(won.map((r) => r.body.redemption?.id).sort());
    const [ex1, ex2] = [await recorded(ep1, "coupon.exhausted"), await recorded(ep2, "coupon.exhausted")];
    expect(ex1).toHaveLength(1);
    expect(ex2.map((r) => r.event_id)).toEqual(ex1.map((r) => r.event_id));
    expect(ex1[0].object).toMatchObject({ id: promo.id, quantity: 5 });

    // A unit given back and taken again: the coupon runs out again, but that is not news.
    await expectStatus(calls(t, s.sk).release(won[0].body.redemption!.id), 200);
    await expectStatus(redeem(s, code, "late", "late-order"), 201);
    expect(await recorded(ep1, "coupon.exhausted")).toHaveLength(1);
    // A larger quantity (an ongoing coupon may grow) that runs out is news once more.
    await expectStatus(calls(t, s.sk).patchCoupon(promo.id, { quantity: 6 }), 200);
    await expectStatus(redeem(s, code, "later", "later-order"), 201);
    const again = await recorded(ep1, "coupon.exhausted");
    expect(again.map((r) => r.object.quantity)).toEqual([5, 6]);
  });

  it("review_coupon.issued and claim.created when a review earns a claim; nothing when it does not", async () => {
    const s = await t.shop({ name: "Reviews Hooked" });
    const ep = await subscribe(s);
    const review = {
      ...claimableBody("regular"),
      type: "review",
      discount: { kind: "fixed", amount_minor: 300 },
      claim_starts_at: at(-DAY),
    } as CouponJson;
    const { coupon } = await create(s, review);
    expect(coupon.type).toBe("review");
    await sendEvent(s, { type: "order.paid", buyer_id: "rb", order_id: "ro1", total_minor: 1000 });
    const short = await sendEvent(s, {
      type: "review.approved",
      buyer_id: "rb",
      order_id: "ro1",
      product_id: "p1",
      word_count: 3,
      media_count: 1,
    });
    expect(short.issued_claim).toBeNull();
    expect(await recorded(ep, "review_coupon.issued")).toEqual([]);
    const good = await sendEvent(s, {
      type: "review.approved",
      buyer_id: "rb",
      order_id: "ro1",
      product_id: "p2",
      word_count: 30,
      media_count: 1,
    });
    const claim = good.issued_claim!;
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
    await expectStatus(calls(t, s.sk).setClock({ now: new Date(frozen).toISOString() }), 200);
    await create(s, promoBody({ active_starts_at: new Date(frozen).toISOString(), active_ends_at: new Date(frozen + HOUR).toISOString() }));
    const rows = await recorded(ep);
    expect(rows.map((r) => r.created_at)).toEqual([frozen]);
  });
});
