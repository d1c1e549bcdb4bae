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

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ edge: true, file: true });
  t.config.callerCache = new CallerCache(0);
});

/** The answer of one typed call and the database round trips it made. */
async function counted<R extends ClientResponse<unknown, number, string>>(call: () => R | Promise<R>) {
  const before = t.trips();
  const res = await answer(call());
  return { ...res, trips: t.trips() - before };
}

/** Another isolate's write, done behind this one's back (its caches do not hear of it). */
const elsewhere = (sql: string, args: (string | number | null)[]) => t.db.$client.execute({ sql, args });
const revokeSecretKeys = (s: ShopKeys) =>
  elsewhere("UPDATE api_keys SET revoked_at = ? WHERE shop_id = ? AND kind = 'secret'", [Date.now(), s.id]);

let n = 0;
/** An event as `POST /v1/events` takes it, an id of its own, a second before the shop clock `now`. */
const eventOf = (fact: Record<string, unknown>, now = Date.now()) => ({ id: `evt_${++n}`, occurred_at: at(-1000, now), ...fact }) as never;

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
