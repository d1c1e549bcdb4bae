/**
 * The seller's operations routes at the edge (README "A request at the edge"): reading a redemption, the
 * lists (redemptions, claims, reviews, the operation log), releasing a reservation and posting events, each
 * in ONE round trip on its success path, with the caller's key checked inside it. The worst case a warm
 * isolate meets: the key's shop known but its fresh window lapsed (caller cache TTL 0), as for a console
 * clicking around. Over a real libSQL file, counting what each request sends to the database.
 */
import type { ClientResponse } from "hono/client";
import { beforeAll, describe, expect, it } from "vitest";
import { CallerCache } from "../../worker/lib/caller-cache.js";
import {
  answer,
  at,
  cart,
  claimableBody,
  DAY,
  MINUTE,
  makeTestApp,
  problemOf,
  promoBody,
  type ShopKeys,
  type TestApp,
} from "../support/app.js";
import { calls } from "../support/api.js";
import { probes } from "./trips.js";

let t: TestApp;
const { counted, elsewhere } = probes(() => t);
beforeAll(async () => {
  t = await makeTestApp({ edge: true, file: true });
  t.config.callerCache = new CallerCache(0);
});

const revokeSecretKeys = (s: ShopKeys) =>
  elsewhere("UPDATE api_keys SET revoked_at = ? WHERE shop_id = ? AND kind = 'secret'", [Date.now(), s.id]);

let n = 0;
/** An event as `POST /v1/events` takes it, an id of its own, ten minutes before `now` (a shop clock frozen a little earlier). */
const eventOf = (fact: Record<string, unknown>, now = Date.now()) =>
  ({ id: `evt_${++n}`, occurred_at: at(-10 * MINUTE, now), ...fact }) as never;

/** A shop (test clock frozen at `clock`) with a promo code, a claimable coupon, a review coupon, and what they were used for. */
async function busyShop(clock = Date.now()) {
  const s = await t.shop();
  const seller = calls(t, s.sk);
  await answer(seller.setClock({ now: new Date(clock).toISOString() }));
  const made = async (body: Parameters<typeof seller.createCoupon>[0]) => {
    const r = await answer(seller.createCoupon(body));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.coupon!;
  };
  const window = { active_starts_at: at(-DAY, clock), active_ends_at: at(20 * DAY, clock) };
  const promo = await made(promoBody({ code: `OPS${++n}`, ...window }));
  const regular = await made(claimableBody("regular", { claim_starts_at: at(-DAY, clock), claim_ends_at: at(40 * DAY, clock) }));
  const review = await made({
    type: "review",
    name: `Review ${n}`,
    discount: { kind: "fixed", amount_minor: 300 },
    quantity: 10,
    claim_starts_at: at(-DAY, clock),
    claim_ends_at: at(40 * DAY, clock),
    validity: { kind: "days_after_claim", days: 14 },
  });
  const claim = await answer(seller.claim(regular.id, { buyer_id: "b-claim" }));
  expect(claim.status).toBe(201);
  const red = await answer(
    seller.redeem({ code: promo.code!, buyer_id: "b-red", order_id: "o-red", cart: cart([{ unit_price_minor: 2500 }]) }),
  );
  expect(red.status, JSON.stringify(red.body)).toBe(201);
  expect(
    (await answer(seller.event(eventOf({ type: "order.paid", buyer_id: "b-rev", order_id: "o-rev", total_minor: 900 }, clock)))).status,
  ).toBe(200);
  const reviewed = await answer(
    seller.event(
      eventOf({ type: "review.approved", buyer_id: "b-rev", order_id: "o-rev", product_id: "p1", word_count: 12, media_count: 1 }, clock),
    ),
  );
  expect(reviewed.body).toMatchObject({ review_label: expect.any(String) });
  return { s, seller, promo, regular, review, redemption: red.body.redemption!, claim: claim.body.claim! };
}

describe("the seller's reads: one round trip, the key checked in it", () => {
  it("a redemption, the redemptions, claims, reviews and the operation log", async () => {
    const { seller, promo, redemption, claim, review } = await busyShop();
    const one = await counted(() => seller.redemption(redemption.id));
    expect(one.body.redemption).toMatchObject({ id: redemption.id, state: "reserved", order_id: "o-red", coupon_id: promo.id });
    expect(one.trips).toBe(1);

    const reds = await counted(() => seller.listRedemptions({ coupon_id: promo.id }));
    expect(reds.body.data?.map((r) => [r.id, r.state])).toEqual([[redemption.id, "reserved"]]);
    expect(reds.trips).toBe(1);

    const claims = await counted(() => seller.listClaims({ buyer_id: "b-claim" }));
    expect(claims.body.data?.map((k) => [k.id, k.state])).toEqual([[claim.id, "available"]]);
    expect(claims.trips).toBe(1);

    const reviews = await counted(() => seller.listReviews({ coupon_id: review.id }));
    expect(reviews.body.data?.map((r) => [r.order_id, r.buyer_id])).toEqual([["o-rev", "b-rev"]]);
    expect(reviews.trips).toBe(1);

    const log = await counted(() => seller.audit({ action: "created" }));
    expect(log.body.data?.map((e) => e.coupon_id)).toEqual([review.id, claim.coupon_id, promo.id]);
    expect(log.trips).toBe(1);

    // A page after the first: its cursor read in the same one round trip.
    const first = await answer(seller.audit({ action: "created", limit: "1" }));
    const next = await counted(() => seller.audit({ action: "created", limit: "1", cursor: first.body.next_cursor! }));
    expect(next.body.data?.map((e) => e.coupon_id)).toEqual([claim.coupon_id]);
    expect(next.trips).toBe(1);
  });

  it("a CSV download: its page read in one round trip with the key check", async () => {
    const { s, redemption } = await busyShop();
    for (const path of ["/v1/redemptions", "/v1/claims", "/v1/reviews", "/v1/audit"]) {
      const before = t.trips();
      const res = await t.app.request(path, { headers: { authorization: `Bearer ${s.sk}`, accept: "text/csv" } });
      const text = await res.text();
      expect(res.status, text).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
      if (path === "/v1/redemptions") expect(text).toContain(redemption.id);
      expect(text.split("\r\n").length, path).toBeGreaterThan(2);
      expect(t.trips() - before, path).toBe(1);
    }
    await revokeSecretKeys(s);
    const refused = await t.app.request("/v1/claims", { headers: { authorization: `Bearer ${s.sk}`, accept: "text/csv" } });
    expect(refused.status).toBe(401);
  });

  it("a long CSV download: its later pages are read after the key check, so a shop edited meanwhile does not cut it off", async () => {
    const { s } = await busyShop();
    // 600 log entries: two pages of a download (routes/csv.ts EXPORT_PAGE is 500).
    await elsewhere(
      `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 600)
       INSERT INTO audit_entries (id, shop_id, coupon_id, action, actor, at, changes, seq)
       SELECT 'aud_bulk_' || i, ?, NULL, 'shop_updated', 'system', ?, '{}', 1000 + i FROM k`,
      [s.id, Date.now()],
    );
    const before = t.trips();
    const res = await t.app.request("/v1/audit", { headers: { authorization: `Bearer ${s.sk}`, accept: "text/csv" } });
    expect(res.status).toBe(200);
    expect(t.trips() - before).toBe(1); // the first page, with the key check
    await elsewhere("UPDATE shops SET updated_at = updated_at + 1 WHERE id = ?", [s.id]);
    const rest = t.trips();
    const lines = (await res.text()).split("\r\n").filter((l) => l !== "");
    expect(lines.filter((l) => l.startsWith("aud_bulk_"))).toHaveLength(600);
    expect(t.trips() - rest).toBe(1); // the second page
  });

  it("a reservation lapsed meanwhile is shown released (R27): released first, then read again", async () => {
    const clock = Date.now();
    const { seller, redemption, s } = await busyShop(clock);
    await answer(seller.redemption(redemption.id));
    // The shop clock moved past the 30 minutes in another isolate: the read is planned again on it.
    await elsewhere("UPDATE shops SET test_clock_now = ?, updated_at = updated_at + 1 WHERE id = ?", [clock + 31 * MINUTE, s.id]);
    const read = await counted(() => seller.redemption(redemption.id));
    expect(read.body.redemption).toMatchObject({ state: "released", release_reason: "expired" });
    const list = await counted(() => seller.listRedemptions());
    expect(list.body.data?.map((r) => r.state)).toEqual(["released"]);
    expect(list.trips).toBe(1);
  });

  it("a key revoked in another isolate is refused 401 by every read, in its one round trip", async () => {
    const { s, seller, redemption } = await busyShop();
    await revokeSecretKeys(s);
    const refused = async <R extends ClientResponse<unknown, number, string>>(call: () => R | Promise<R>) => {
      const r = await counted(call);
      expect(r.status).toBe(401);
      expect(problemOf(r).code).toBe("unauthorized");
      expect(r.trips).toBe(1);
    };
    await refused(() => seller.redemption(redemption.id));
    await refused(() => seller.listRedemptions());
    await refused(() => seller.listClaims());
    await refused(() => seller.listReviews());
    await refused(() => seller.audit());
  });

  it("a shop whose test clock moved elsewhere is planned again: claims past their validity show expired", async () => {
    const clock = Date.now();
    const { s, seller, claim, redemption } = await busyShop(clock);
    expect((await answer(seller.commit(redemption.id))).status).toBe(200); // nothing left to lapse
    const mine = { buyer_id: "b-claim" };
    expect((await answer(seller.listClaims({ ...mine, state: "available" }))).body.data?.map((k) => k.id)).toEqual([claim.id]);
    await elsewhere("UPDATE shops SET test_clock_now = ? WHERE id = ?", [clock + 60 * DAY, s.id]);
    const later = await counted(() => seller.listClaims({ ...mine, state: "expired" }));
    expect(later.body.data?.map((k) => k.id)).toEqual([claim.id]);
    expect(later.trips).toBe(2); // planned on the old clock, then again on the new one
    expect((await counted(() => seller.listClaims({ ...mine, state: "expired" }))).trips).toBe(1);
  });

  it("a redemption of another shop is 404, as before", async () => {
    const { redemption } = await busyShop();
    const other = await t.shop();
    const r = await answer(calls(t, other.sk).redemption(redemption.id));
    expect(r.status).toBe(404);
  });
});

describe("events: one guarded batch (review.approved: a read, then the batch)", () => {
  const count = async (sql: string, args: (string | number)[]) => Number((await elsewhere(sql, args)).rows[0].n);
  const eventRows = (s: ShopKeys) => count("SELECT count(*) AS n FROM events WHERE shop_id = ?", [s.id]);

  it("order.paid commits the order's reservation, order.cancelled releases one, order.refunded marks one: 1 round trip each", async () => {
    const { seller, promo } = await busyShop();
    const reserve = async (order: string) =>
      (
        await answer(
          seller.redeem({ code: promo.code!, buyer_id: `b-${order}`, order_id: order, cart: cart([{ unit_price_minor: 2500 }]) }),
        )
      ).body.redemption!.id;
    const paid = await reserve("o-paid");
    const cancelled = await reserve("o-cancel");
    const fact = (type: string, order: string) =>
      eventOf({ type, buyer_id: `b-${order}`, order_id: order, ...(type === "order.paid" ? { total_minor: 2000 } : {}) });

    const pay = await counted(() => seller.event(fact("order.paid", "o-paid")));
    expect(pay.body).toMatchObject({ type: "order.paid", buyer_id: "b-o-paid", processed: true });
    expect(pay.trips).toBe(1);
    expect((await answer(seller.redemption(paid))).body.redemption?.state).toBe("committed");

    const cancel = await counted(() => seller.event(fact("order.cancelled", "o-cancel")));
    expect(cancel.body).toMatchObject({ type: "order.cancelled", processed: true });
    expect(cancel.trips).toBe(1);
    expect((await answer(seller.redemption(cancelled))).body.redemption).toMatchObject({
      state: "released",
      release_reason: "order_cancelled",
    });

    const refund = await counted(() => seller.event(eventOf({ type: "order.refunded", buyer_id: "b-o-paid", order_id: "o-paid" })));
    expect(refund.body).toMatchObject({ type: "order.refunded", processed: true });
    expect(refund.trips).toBe(1);
    expect((await answer(seller.redemption(paid))).body.redemption?.refunded_at).toEqual(expect.any(String));
  });

  it("follows: 1 round trip each, and the buyer is a follower (then not) at once", async () => {
    const { seller } = await busyShop();
    const follow = await counted(() => seller.event(eventOf({ type: "follow.created", buyer_id: "fan", target: "shop" })));
    expect(follow.body).toMatchObject({ type: "follow.created", processed: true });
    expect(follow.trips).toBe(1);
    const unfollow = await counted(() => seller.event(eventOf({ type: "follow.deleted", buyer_id: "fan", target: "shop" })));
    expect(unfollow.body).toMatchObject({ type: "follow.deleted", processed: true });
    expect(unfollow.trips).toBe(1);
  });

  it("review.approved: two round trips (its review coupons decide what to write), the claim issued by the second", async () => {
    const { seller, review } = await busyShop();
    expect((await answer(seller.event(eventOf({ type: "order.paid", buyer_id: "rv", order_id: "o-rv", total_minor: 500 })))).status).toBe(
      200,
    );
    const approved = await counted(() =>
      seller.event(
        eventOf({ type: "review.approved", buyer_id: "rv", order_id: "o-rv", product_id: "p9", word_count: 20, media_count: 1 }),
      ),
    );
    expect(approved.body).toMatchObject({ review_label: expect.any(String), issued_claim: { coupon_id: review.id, state: "available" } });
    expect(approved.trips).toBe(2);
  });

  it("a redelivery answers the first answer in one round trip and writes nothing twice; another body under the id is 422", async () => {
    const { s, seller } = await busyShop();
    const body = eventOf({ type: "order.paid", buyer_id: "twice", order_id: "o-twice", total_minor: 700 });
    const first = await answer(seller.event(body));
    const events = await eventRows(s);
    const again = await counted(() => seller.event(body));
    expect(again.body).toEqual(first.body);
    expect(again.trips).toBe(1);
    expect(await eventRows(s)).toBe(events);
    const other = await answer(seller.event({ ...(body as object), total_minor: 701 } as never));
    expect(other.status).toBe(422);
    expect(problemOf(other).code).toBe("idempotency_key_reused");
  });

  it("another buyer's fact about an order is 409 and writes nothing (refused by the batch's own insert)", async () => {
    const { s, seller } = await busyShop();
    await answer(seller.event(eventOf({ type: "order.paid", buyer_id: "owner", order_id: "o-owned", total_minor: 700 })));
    const events = await eventRows(s);
    const r = await answer(seller.event(eventOf({ type: "order.cancelled", buyer_id: "intruder", order_id: "o-owned" })));
    expect(r.status).toBe(409);
    expect(problemOf(r).code).toBe("order_buyer_mismatch");
    expect(await eventRows(s)).toBe(events);
    expect(await count("SELECT count(*) AS n FROM orders WHERE shop_id = ? AND cancelled_at IS NOT NULL", [s.id])).toBe(0);
  });

  it("a key revoked in another isolate: 401 in the one round trip, no event, the reservation not committed", async () => {
    const { s, seller, redemption } = await busyShop();
    await revokeSecretKeys(s);
    const events = await eventRows(s);
    const r = await counted(() => seller.event(eventOf({ type: "order.paid", buyer_id: "b-red", order_id: "o-red", total_minor: 2500 })));
    expect(r.status).toBe(401);
    expect(problemOf(r).code).toBe("unauthorized");
    expect(r.trips).toBe(1);
    expect(await eventRows(s)).toBe(events);
    expect(await count("SELECT count(*) AS n FROM orders WHERE shop_id = ? AND order_id = 'o-red'", [s.id])).toBe(0);
    const state = await elsewhere("SELECT state FROM redemptions WHERE id = ?", [redemption.id]);
    expect(state.rows[0].state).toBe("reserved");
  });

  it("a shop clock moved in another isolate is planned again: a payment after the 30 minutes releases the reservation as expired (R27)", async () => {
    const clock = Date.now();
    const { s, seller, redemption } = await busyShop(clock);
    await elsewhere("UPDATE shops SET test_clock_now = ? WHERE id = ?", [clock + 31 * MINUTE, s.id]);
    const pay = await counted(() =>
      seller.event(eventOf({ type: "order.paid", buyer_id: "b-red", order_id: "o-red", total_minor: 2500 }, clock)),
    );
    expect(pay.status, JSON.stringify(pay.body)).toBe(200);
    expect(pay.trips).toBe(2); // the guarded batch wrote nothing on the old clock; again on the new one
    expect((await answer(seller.redemption(redemption.id))).body.redemption).toMatchObject({
      state: "released",
      release_reason: "expired",
    });
    expect(await count("SELECT count(*) AS n FROM events WHERE shop_id = ? AND result LIKE 'pending:%'", [s.id])).toBe(0);
  });
});

describe("releasing a reservation: one guarded batch", () => {
  it("released in one round trip; with the key revoked elsewhere 401 and still reserved; on a clock moved elsewhere, released as expired", async () => {
    const clock = Date.now();
    const { s, seller, promo, redemption } = await busyShop(clock);
    const released = await counted(() => seller.release(redemption.id));
    expect(released.body.redemption).toMatchObject({ id: redemption.id, state: "released", release_reason: "released" });
    expect(released.trips).toBe(1);

    const reserve = async (order: string) =>
      (
        await answer(
          seller.redeem({ code: promo.code!, buyer_id: `b-${order}`, order_id: order, cart: cart([{ unit_price_minor: 2500 }]) }),
        )
      ).body.redemption!.id;
    const kept = await reserve("o-kept");
    await elsewhere("UPDATE shops SET test_clock_now = ? WHERE id = ?", [clock + 31 * MINUTE, s.id]);
    const lapsed = await counted(() => seller.release(kept));
    expect(lapsed.body.redemption).toMatchObject({ state: "released", release_reason: "expired" });
    expect(lapsed.trips).toBe(2); // the guarded batch wrote nothing on the old clock; again on the new one

    const last = await reserve("o-last");
    await revokeSecretKeys(s);
    const refused = await counted(() => seller.release(last));
    expect(refused.status).toBe(401);
    expect(refused.trips).toBe(1);
    expect((await elsewhere("SELECT state FROM redemptions WHERE id = ?", [last])).rows[0].state).toBe("reserved");
  });
});
