import { beforeAll, describe, expect, it } from "vitest";
import { answer, at, DAY, makeTestApp, type ShopKeys, type TestApp } from "../support/app.js";
import { calls, type EventFact, type EventJson } from "../support/api.js";
import { loadBuyerFacts } from "../../worker/store/buyer-facts.js";
import {
  isExistingCustomer,
  isFollower,
  isNewCustomer,
  isNewFollower,
  isRepeatCustomer,
  matchesAudience,
} from "../../worker/engine/segments.js";

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

describe("events: orders and segments", () => {
  it("R6, R7: an order never paid keeps the buyer new; payment makes them existing at once", async () => {
    const s = await t.shop();
    const placed = await send(s, { type: "order.cancelled" as const, buyer_id: "b1", order_id: "o1" });
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({ type: "order.cancelled" as const, processed: true, buyer_id: "b1" });
    expect(isNewCustomer(await facts(s, "b1"))).toBe(true);
    const paid = await send(s, { type: "order.paid" as const, buyer_id: "b1", order_id: "o2", total_minor: 2500 });
    expect(paid.status).toBe(200);
    const f = await facts(s, "b1");
    expect(isNewCustomer(f)).toBe(false);
    expect(isExistingCustomer(f)).toBe(true);
    expect(matchesAudience("existing", f, null)).toBe(true);
  });

  it("R7: a refund after payment does not make the buyer new again", async () => {
    const s = await t.shop();
    await send(s, { type: "order.paid" as const, buyer_id: "b1", order_id: "o1", total_minor: 1000 });
    const refund = await send(s, { type: "order.refunded" as const, buyer_id: "b1", order_id: "o1" });
    expect(refund.status).toBe(200);
    const f = await facts(s, "b1");
    expect(isNewCustomer(f)).toBe(false);
    expect(matchesAudience("new", f, null)).toBe(false);
  });

  it("R6: repeat = two paid orders at most 90 days apart, measured by occurred_at", async () => {
    const s = await t.shop();
    const base = Date.now() - 200 * DAY;
    await send(s, { type: "order.paid" as const, buyer_id: "far", order_id: "f1", total_minor: 100, occurred_at: at(0, base) });
    await send(s, { type: "order.paid" as const, buyer_id: "far", order_id: "f2", total_minor: 100, occurred_at: at(91 * DAY, base) });
    expect(isRepeatCustomer(await facts(s, "far"))).toBe(false);
    await send(s, { type: "order.paid" as const, buyer_id: "near", order_id: "n1", total_minor: 100, occurred_at: at(0, base) });
    await send(s, { type: "order.paid" as const, buyer_id: "near", order_id: "n2", total_minor: 100, occurred_at: at(90 * DAY, base) });
    expect(isRepeatCustomer(await facts(s, "near"))).toBe(true);
  });

  it("a cancel or refund of an unknown order is accepted and changes nothing", async () => {
    const s = await t.shop();
    expect((await send(s, { type: "order.refunded" as const, buyer_id: "b1", order_id: "nope" })).status).toBe(200);
    expect((await send(s, { type: "order.cancelled" as const, buyer_id: "b1", order_id: "nope2" })).status).toBe(200);
    expect(await facts(s, "b1")).toEqual({ buyer_id: "b1", paid_order_times: [], follows: [], has_follower_grant: false });
  });

  it("an order belongs to the buyer who first reported it: another buyer's fact is 409", async () => {
    const s = await t.shop();
    await send(s, { type: "order.paid" as const, buyer_id: "b1", order_id: "o1", total_minor: 100 });
    const res = await send(s, { type: "order.refunded" as const, buyer_id: "b2", order_id: "o1" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("order_buyer_mismatch");
  });

  it("facts are per shop", async () => {
    const a = await t.shop();
    const b = await t.shop();
    await send(a, { type: "order.paid" as const, buyer_id: "b1", order_id: "o1", total_minor: 100 });
    expect(isNewCustomer(await facts(b, "b1"))).toBe(true);
  });
});

describe("events: follows", () => {
  it("R10: following the shop or its LIVE makes a follower; unfollowing both ends it", async () => {
    const s = await t.shop();
    await send(s, { type: "follow.created" as const, buyer_id: "b1", target: "live" as const });
    expect(isFollower(await facts(s, "b1"))).toBe(true);
    await send(s, { type: "follow.created" as const, buyer_id: "b1", target: "shop" as const });
    expect((await facts(s, "b1")).follows.map((f) => f.target)).toEqual(["live", "shop"]);
    await send(s, { type: "follow.deleted" as const, buyer_id: "b1", target: "live" as const });
    expect(isFollower(await facts(s, "b1"))).toBe(true);
    await send(s, { type: "follow.deleted" as const, buyer_id: "b1", target: "shop" as const });
    expect(isFollower(await facts(s, "b1"))).toBe(false);
  });

  it("R10, R12: a re-follow after the window opened makes a new follower, judged at once", async () => {
    const s = await t.shop();
    const windowStart = Date.now() - 5 * DAY;
    await send(s, { type: "follow.created" as const, buyer_id: "b1", target: "shop" as const, occurred_at: at(-30 * DAY) });
    expect(isNewFollower(await facts(s, "b1"), windowStart)).toBe(false);
    await send(s, { type: "follow.deleted" as const, buyer_id: "b1", target: "shop" as const, occurred_at: at(-2 * DAY) });
    expect(isFollower(await facts(s, "b1"))).toBe(false);
    await send(s, { type: "follow.created" as const, buyer_id: "b1", target: "shop" as const, occurred_at: at(-DAY) });
    const f = await facts(s, "b1");
    expect(isNewFollower(f, windowStart)).toBe(true);
    expect(matchesAudience("new_followers", f, windowStart)).toBe(true);
  });

  it("R10: an unfollow that happened later but arrives first is not undone by the earlier follow", async () => {
    const s = await t.shop();
    await send(s, { type: "follow.deleted" as const, buyer_id: "b1", target: "shop" as const, occurred_at: at(-DAY) });
    await send(s, { type: "follow.created" as const, buyer_id: "b1", target: "shop" as const, occurred_at: at(-2 * DAY) });
    expect(isFollower(await facts(s, "b1"))).toBe(false);
  });
});

describe("events: idempotency and validation", () => {
  it("a repeated id answers 200 with the first result and writes nothing twice", async () => {
    const s = await t.shop();
    const body = { id: "same", type: "order.paid" as const, buyer_id: "b1", order_id: "o1", total_minor: 100, occurred_at: at(-1000) };
    const first = await answer(calls(t, s.sk).event(body));
    const again = await answer(calls(t, s.sk).event({ ...body }));
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await facts(s, "b1")).paid_order_times).toHaveLength(1);
  });

  it("the same id with a different body is 422 idempotency_key_reused", async () => {
    const s = await t.shop();
    const body = { id: "x", type: "follow.created" as const, buyer_id: "b1", target: "shop" as const, occurred_at: at(-1000) };
    expect((await answer(calls(t, s.sk).event(body))).status).toBe(200);
    const res = await answer(calls(t, s.sk).event({ ...body, target: "live" as const }));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("idempotency_key_reused");
  });

  it("the same id at another shop is another event", async () => {
    const a = await t.shop();
    const b = await t.shop();
    const body = { id: "shared", type: "follow.created" as const, buyer_id: "b1", target: "shop" as const, occurred_at: at(-1000) };
    expect((await answer(calls(t, a.sk).event(body))).status).toBe(200);
    expect((await answer(calls(t, b.sk).event({ ...body, target: "live" as const }))).status).toBe(200);
  });

  it("occurred_at after the shop clock is 422", async () => {
    const s = await t.shop();
    const frozen = Date.parse("2030-01-01T00:00:00Z");
    await answer(calls(t, s.sk).setClock({ now: new Date(frozen).toISOString() }));
    const res = await send(s, { type: "follow.created" as const, buyer_id: "b1", target: "shop" as const, occurred_at: at(1000, frozen) });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("occurred_in_future");
    expect(
      (await send(s, { type: "follow.created" as const, buyer_id: "b1", target: "shop" as const, occurred_at: at(0, frozen) })).status,
    ).toBe(200);
  });

  it("invalid bodies are 422: unknown type, a field of another type, a missing field", async () => {
    const s = await t.shop();
    for (const body of [
      { type: "order.shipped" as const, buyer_id: "b1", order_id: "o1" },
      { type: "follow.created" as const, buyer_id: "b1", target: "shop" as const, order_id: "o1" },
      { type: "order.paid" as const, buyer_id: "b1", order_id: "o1" },
      { type: "follow.created" as const, buyer_id: "", target: "shop" as const },
    ]) {
      // Outside the contract on purpose: sent raw.
      const res = await t.call("POST", "/v1/events", { key: s.sk, body: { id: eid(), occurred_at: at(-1000), ...body } });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
  });

  it("needs a secret key", async () => {
    const s = await t.shop();
    const res = await answer(
      calls(t, s.pk).event({ id: "e", type: "follow.created" as const, buyer_id: "b", target: "shop" as const, occurred_at: at(-1) }),
    );
    expect(res.status).toBe(403);
  });
});
