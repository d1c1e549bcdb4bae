/**
 * The seller's coupon routes at the edge (README "A request at the edge"): the app configured as on
 * Workers over a real libSQL file, the isolate's caller cache at TTL 0 (the key's shop known, its fresh
 * window lapsed: a console clicking around), counting each request's round trips. Each success path is
 * one round trip with the key checked inside it; a key revoked in another isolate is refused and writes
 * nothing; a shop changed in another isolate is planned again and answered as it is now.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { ClientResponse } from "hono/client";
import { answer, at, cart, claimableBody, DAY, makeTestApp, MINUTE, problemOf, promoBody, type TestApp } from "../support/app.js";
import { calls } from "../support/api.js";
import { probes } from "./trips.js";
import { parseCsv } from "../support/csv.js";
import { CallerCache } from "../../worker/lib/caller-cache.js";

let t: TestApp;
const { counted, elsewhere, count, revokeFirstKeyElsewhere } = probes(() => t);
beforeEach(async () => {
  t = await makeTestApp({ edge: true, file: true });
  t.config.callerCache = new CallerCache(0);
});

/** A campaign body: `count` codes of 8 characters, no shared code. */
function campaignBody(count: number, over: Parameters<typeof promoBody>[0] = {}) {
  const { code: _c, quantity: _q, per_customer_limit: _p, ...rest } = promoBody(over);
  return { ...rest, unique_codes: { count, length: 8 } };
}

/** A shop whose secret key this isolate has seen (its first request resolved it), and a promo code. */
/** New dates for a duplicate of an ongoing promo code (its window has started). */
const newDates = { active_starts_at: at(DAY), active_ends_at: at(3 * DAY) };

let shops = 0;
async function shopWithCoupon() {
  const s = await t.shop();
  const seller = calls(t, s.sk);
  const made = await answer(seller.createCoupon(promoBody({ code: `TEN${++shops}` })));
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return { s, seller, promo: made.body.coupon! };
}

describe("the seller's coupon reads: one round trip, the key checked in the batch", () => {
  it("list, read, history, performance, recipients, codes: each one round trip, answered in full", async () => {
    const { seller, promo } = await shopWithCoupon();
    const chat = (await answer(seller.createCoupon(claimableBody("chat")))).body.coupon!;
    expect((await answer(seller.send(chat.id, { buyer_id: "b-chat" }))).status).toBe(200);
    const campaign = (await answer(seller.createCoupon(campaignBody(5)))).body.coupon!;

    const list = await counted(() => seller.listCoupons({ limit: "2" }));
    expect(list.body.data?.map((c) => c.id)).toEqual([campaign.id, chat.id]);
    expect(list.body.next_cursor).toEqual(expect.any(String));
    expect(list.trips).toBe(1);

    const read = await counted(() => seller.readCoupon(promo.id));
    expect(read.body.coupon).toMatchObject({ id: promo.id, code: promo.code, version: 1 });
    expect(read.headers.get("etag")).toBe('"1"');
    expect(read.trips).toBe(1);

    const history = await counted(() => seller.history(promo.id));
    expect(history.body.data?.map((e) => e.action)).toEqual(["created"]);
    expect(history.trips).toBe(1);

    const perf = await counted(() => seller.performance(promo.id));
    expect(perf.body).toMatchObject({ redemptions: 0, remaining: 100, claims: 0 });
    expect(perf.body.series?.length).toBeGreaterThan(0);
    expect(perf.trips).toBe(1);

    const recipients = await counted(() => seller.recipients(chat.id));
    expect(recipients.body.data).toEqual([{ buyer_id: "b-chat", sent_at: expect.any(String), claimed: false }]);
    expect(recipients.trips).toBe(1);

    const codes = await counted(() => seller.codes(campaign.id));
    expect(codes.body.data).toHaveLength(5);
    expect(codes.body.data?.every((c) => c.state === "available")).toBe(true);
    expect(codes.trips).toBe(1);
  });

  it("refusals found in the batch come after the read, as before: 404, 409 not_a_chat_coupon, 422 cursor", async () => {
    const { seller, promo } = await shopWithCoupon();
    const missing = await counted(() => seller.history("cpn_nope"));
    expect(missing.status).toBe(404);
    expect(missing.trips).toBe(1);
    const notChat = await counted(() => seller.recipients(promo.id));
    expect(problemOf(notChat).code).toBe("not_a_chat_coupon");
    expect(notChat.trips).toBe(1);
    // A cursor this API never gave out is refused, but only once the coupon is known to exist.
    expect((await answer(seller.history("cpn_nope", { cursor: "!!" }))).status).toBe(404);
    expect(problemOf(await answer(seller.history(promo.id, { cursor: "!!" }))).code).toBe("validation_failed");
    expect((await answer(seller.codes(promo.id, { cursor: "!!" }))).status).toBe(409);
  });

  it("performance: the days planned from the coupon as last read; when its dates changed elsewhere, read again", async () => {
    const { seller, promo } = await shopWithCoupon();
    // Both bounds given: the days need no coupon to plan.
    const bounded = await counted(() => seller.performance(promo.id, { from: at(-DAY).slice(0, 10), to: at(2 * DAY).slice(0, 10) }));
    expect(bounded.body.series).toHaveLength(3);
    expect(bounded.trips).toBe(1);
    expect((await counted(() => seller.performance(promo.id))).trips).toBe(1);
    // Its end moved two weeks later in another isolate: the series follows the coupon as it is now.
    const later = Date.now() + 21 * DAY;
    await elsewhere("UPDATE coupons SET active_ends_at = ? WHERE id = ?", [later, promo.id]);
    const moved = await counted(() => seller.performance(promo.id));
    expect(moved.body.to).toBe(new Date(Math.ceil(later / DAY) * DAY).toISOString().slice(0, 10));
    expect(moved.trips).toBe(2);
  });

  it("R27 at the edge: a lapsed reservation is released before performance and codes count it", async () => {
    const { s, seller, promo } = await shopWithCoupon();
    const red = await answer(
      seller.redeem({ code: promo.code!, buyer_id: "b-l", order_id: "o-l", cart: cart([{ unit_price_minor: 2500 }]) }),
    );
    expect(red.status).toBe(201);
    expect((await answer(seller.performance(promo.id))).body.remaining).toBe(99);
    await elsewhere("UPDATE redemptions SET expires_at = ? WHERE shop_id = ?", [Date.now() - MINUTE, s.id]);
    const perf = await counted(() => seller.performance(promo.id));
    expect(perf.body.remaining).toBe(100);
    expect(perf.trips).toBe(3); // the batch found it, the release, the reads again
    expect(await count("SELECT count(*) AS n FROM redemptions WHERE shop_id = ? AND state = 'released'", [s.id])).toBe(1);
  });

  it("preview: one round trip, an addon shop's too (every answer its judgement may need rides in the batch)", async () => {
    const { s: owner, seller, promo } = await shopWithCoupon();
    const chosen = await counted(() => seller.preview(promoBody({ code: "FRESH" })));
    expect(chosen.body.coupon).toMatchObject({ id: null, code: `${owner.code_prefix}FRESH` });
    expect(chosen.trips).toBe(1);
    const generated = await counted(() => seller.preview(promoBody()));
    expect(generated.body.coupon?.code).toEqual(expect.any(String));
    expect(generated.trips).toBe(1);
    const taken = await counted(() => seller.preview(promoBody({ code: promo.code!.slice(owner.code_prefix.length) })));
    expect(problemOf(taken).code).toBe("promo_code_taken");

    // R32: no live follower coupon, so the addon is a follower coupon; then one exists, so a repurchase one.
    const s = await t.shop({ addon_coupons: true });
    const addonSeller = calls(t, s.sk);
    await answer(addonSeller.listCoupons()); // the key's shop known to this isolate
    const first = await counted(() => addonSeller.preview(claimableBody("regular", { name: "Spring" })));
    expect(first.body.addons?.map((a) => [a.type, a.name])).toEqual([["follower", "Spring addon follow"]]);
    expect(first.trips).toBe(1);
    expect((await answer(addonSeller.createCoupon(claimableBody("follower")))).status).toBe(201);
    const second = await counted(() => addonSeller.preview(claimableBody("regular", { name: "Spring" })));
    expect(second.body.addons?.map((a) => [a.type, a.audience, a.name])).toEqual([["regular", "repeat", "Spring addon repeat"]]);
    expect(second.trips).toBe(1);
  });

  it("a CSV download's first page carries the key check (one round trip for a one-page file); a revoked key gets no file", async () => {
    const { s, seller, promo } = await shopWithCoupon();
    await answer(seller.history(promo.id)); // the key's shop known to this isolate
    const csv = (key: string) =>
      t.app.request(`/v1/coupons/${promo.id}/history`, { headers: { authorization: `Bearer ${key}`, accept: "text/csv" } });
    const before = t.trips();
    const res = await csv(s.sk);
    const { header, rows } = parseCsv(await res.text());
    expect(res.status).toBe(200);
    expect(header).toContain("action");
    expect(rows.map((r) => r.action)).toEqual(["created"]);
    expect(t.trips() - before).toBe(1); // the key check rides with the one page
    await revokeFirstKeyElsewhere(s);
    expect((await csv(s.sk)).status).toBe(401);
  });

  it("a key revoked in another isolate is refused at once (its check rode in the batch)", async () => {
    const { s, seller, promo } = await shopWithCoupon();
    const other = await revokeFirstKeyElsewhere(s);
    const refusedOnce = async <R extends ClientResponse<unknown, number, string>>(call: () => Promise<R>) => {
      const refused = await counted(call);
      expect(problemOf(refused).code).toBe("unauthorized");
      expect(refused.trips).toBe(1);
    };
    await refusedOnce(() => seller.listCoupons());
    await refusedOnce(() => seller.readCoupon(promo.id));
    await refusedOnce(() => seller.history(promo.id));
    await refusedOnce(() => seller.performance(promo.id));
    await refusedOnce(() => seller.codes(promo.id));
    expect((await answer(calls(t, other).readCoupon(promo.id))).body.coupon?.id).toBe(promo.id);
  });

  it("a shop changed in another isolate (its test clock) is planned again and answered as it is now", async () => {
    const { s, seller, promo } = await shopWithCoupon();
    expect((await answer(seller.readCoupon(promo.id))).body.coupon?.status).toBe("ongoing");
    await elsewhere("UPDATE shops SET test_clock_now = ? WHERE id = ?", [Date.now() + 30 * DAY, s.id]);
    const read = await counted(() => seller.readCoupon(promo.id));
    expect(read.body.coupon?.status).toBe("ended");
    expect(read.trips).toBe(2);
    const list = await counted(() => seller.listCoupons({ status: "ended" }));
    expect(list.body.data?.map((c) => c.id)).toEqual([promo.id]);
    expect(list.trips).toBe(1);
  });
});

describe("the seller's coupon edits: one guarded batch, planned from the isolate's copy of the coupon", () => {
  it("PATCH, send and deactivate: each one round trip after the coupon was created or read here", async () => {
    const { s, seller, promo } = await shopWithCoupon();
    const patched = await counted(() => seller.patchCoupon(promo.id, { name: "Renamed" }, 1));
    expect(patched.body.coupon).toMatchObject({ id: promo.id, name: "Renamed", version: 2 });
    expect(patched.headers.get("etag")).toBe('"2"');
    expect(patched.trips).toBe(1);
    // The row the write read back is the next edit's copy.
    const again = await counted(() => seller.patchCoupon(promo.id, { quantity: 150 }));
    expect(again.body.coupon).toMatchObject({ name: "Renamed", quantity: 150, version: 3 });
    expect(again.trips).toBe(1);

    const chat = (await answer(seller.createCoupon(claimableBody("chat")))).body.coupon!;
    const sent = await counted(() => seller.send(chat.id, { buyer_id: "b-1" }));
    expect(sent.body).toMatchObject({ coupon: { id: chat.id }, sent: { buyer_id: "b-1", sent_at: expect.any(String) } });
    expect(sent.trips).toBe(1);
    const repeat = await counted(() => seller.send(chat.id, { buyer_id: "b-1" }));
    expect(repeat.body.sent?.sent_at).toBe(sent.body.sent?.sent_at); // idempotent: the first send's time
    expect(repeat.trips).toBe(1);

    const off = await counted(() => seller.deactivate(promo.id, 3));
    expect(off.body.coupon).toMatchObject({ status: "deactivated", version: 4 });
    expect(off.trips).toBe(1);
    const history = await answer(seller.history(promo.id));
    expect(history.body.data?.map((e) => e.action)).toEqual(["created", "updated", "updated", "deactivated"]);
    expect(await count("SELECT count(*) AS n FROM audit_entries WHERE coupon_id = ? AND action = 'updated'", [chat.id])).toBe(1);
    expect(await count("SELECT count(*) AS n FROM live_codes WHERE coupon_id = ?", [promo.id])).toBe(0);
    void s;
  });

  it("a copy made old by another isolate writes nothing; the edit is judged again from the row its batch read back", async () => {
    const { seller, promo } = await shopWithCoupon();
    await answer(seller.readCoupon(promo.id)); // this isolate's copy: version 1
    await elsewhere("UPDATE coupons SET name = 'Elsewhere', version = version + 1 WHERE id = ?", [promo.id]);
    const stale = await counted(() => seller.patchCoupon(promo.id, { quantity: 120 }));
    expect(stale.body.coupon).toMatchObject({ name: "Elsewhere", quantity: 120, version: 3 });
    expect(stale.trips).toBe(2);
    // If-Match names the version the seller read: one the copy does not know is judged from the row as it is.
    await elsewhere("UPDATE coupons SET version = version + 1 WHERE id = ?", [promo.id]);
    expect((await answer(seller.patchCoupon(promo.id, { quantity: 130 }, 4))).body.coupon?.version).toBe(5);
    await elsewhere("UPDATE coupons SET version = version + 1 WHERE id = ?", [promo.id]);
    const refused = await answer(seller.patchCoupon(promo.id, { quantity: 140 }, 5));
    expect(problemOf(refused).code).toBe("version_mismatch");
    // A refusal judged from an old copy is not told before the row as it is agrees.
    await elsewhere("UPDATE coupons SET deactivated_at = ?, version = version + 1 WHERE id = ?", [Date.now(), promo.id]);
    const off = await answer(seller.deactivate(promo.id));
    expect(off.body.coupon).toMatchObject({ status: "deactivated", version: 7 });
    const chat = (await answer(seller.createCoupon(claimableBody("chat")))).body.coupon!;
    await elsewhere("UPDATE coupons SET deactivated_at = ?, version = version + 1 WHERE id = ?", [Date.now(), chat.id]);
    expect(problemOf(await answer(seller.send(chat.id, { buyer_id: "b-2" }))).code).toBe("deactivated");
    expect(await count("SELECT count(*) AS n FROM chat_sends WHERE coupon_id = ?", [chat.id])).toBe(0);
  });

  it("a key revoked in another isolate: each edit is 401 and writes nothing (the key guards the write)", async () => {
    // Each edit on a shop of its own: a 401 makes this isolate forget the key, so the next request would
    // resolve it first and never reach its write.
    const revokedThen = async <R extends ClientResponse<unknown, number, string>>(
      edit: (seller: ReturnType<typeof calls>, promo: { id: string }, chat: { id: string }) => Promise<R>,
    ) => {
      const { s, seller, promo } = await shopWithCoupon();
      const chat = (await answer(seller.createCoupon(claimableBody("chat")))).body.coupon!;
      const other = await revokeFirstKeyElsewhere(s);
      const state = () =>
        elsewhere(
          `SELECT (SELECT count(*) FROM audit_entries WHERE shop_id = ?1) AS entries, (SELECT count(*) FROM chat_sends WHERE shop_id = ?1) AS sends,
             (SELECT group_concat(name || version || ifnull(deactivated_at, '-')) FROM coupons WHERE shop_id = ?1) AS coupons`,
          [s.id],
        ).then((r) => r.rows[0]);
      const before = await state();
      const refused = await counted(() => edit(seller, promo, chat));
      expect(problemOf(refused).code).toBe("unauthorized");
      expect(refused.trips).toBe(1);
      expect(await state()).toEqual(before);
      // The same edit through the shop's live key goes through.
      expect((await answer(edit(calls(t, other), promo, chat))).status).toBeLessThan(300);
      expect(await state()).not.toEqual(before);
    };
    await revokedThen((seller, promo) => seller.patchCoupon(promo.id, { name: "Nope" }));
    await revokedThen((seller, _promo, chat) => seller.send(chat.id, { buyer_id: "b-x" }));
    await revokedThen((seller, promo) => seller.deactivate(promo.id));
    await revokedThen((seller, promo) => seller.duplicate(promo.id, newDates));
  });

  it("duplicate: one round trip from the copy of its source; a source changed elsewhere is duplicated as it is now", async () => {
    const { seller, promo } = await shopWithCoupon();
    const dup = await counted(() => seller.duplicate(promo.id, newDates));
    expect(dup.status).toBe(201);
    expect(dup.body.coupon).toMatchObject({ origin: "duplicate", parent_id: promo.id, name: `${promo.name} copy`, status: "upcoming" });
    expect(dup.trips).toBe(1);
    await elsewhere("UPDATE coupons SET name = 'Elsewhere', version = version + 1 WHERE id = ?", [promo.id]);
    const again = await counted(() => seller.duplicate(promo.id, newDates));
    expect(again.body.coupon).toMatchObject({ parent_id: promo.id, name: "Elsewhere copy" });
    expect(again.trips).toBe(3); // refused at the copy's version, the source read, written
    expect(await count("SELECT count(*) AS n FROM coupons WHERE parent_id = ?", [promo.id])).toBe(2);
  });

  it("a shop changed in another isolate (its test clock) is planned again: the edit is judged and stamped on the new clock", async () => {
    const clock = Date.now();
    const s = await t.shop();
    const seller = calls(t, s.sk);
    await answer(seller.setClock({ now: new Date(clock).toISOString() }));
    const soon = promoBody({ code: "SOON", active_starts_at: at(DAY, clock), active_ends_at: at(3 * DAY, clock) });
    const promo = (await answer(seller.createCoupon(soon))).body.coupon!;
    expect(promo.status).toBe("upcoming");
    // In another isolate the shop's clock moves past the start: the coupon is ongoing, its discount locked.
    const later = clock + 2 * DAY;
    await elsewhere("UPDATE shops SET test_clock_now = ? WHERE id = ?", [later, s.id]);
    const locked = await answer(seller.patchCoupon(promo.id, { discount: { kind: "fixed", amount_minor: 700 } }));
    expect(problemOf(locked).code).toBe("edit_not_allowed");
    await elsewhere("UPDATE shops SET test_clock_now = ? WHERE id = ?", [later + DAY / 2, s.id]);
    const renamed = await counted(() => seller.patchCoupon(promo.id, { name: "Later" }));
    expect(renamed.body.coupon).toMatchObject({ name: "Later", status: "ongoing", updated_at: new Date(later + DAY / 2).toISOString() });
    expect(renamed.trips).toBe(2); // planned on the old clock (its guarded write did nothing), then on the new one
    await elsewhere("UPDATE shops SET test_clock_now = ? WHERE id = ?", [later + DAY, s.id]);
    const off = await counted(() => seller.deactivate(promo.id));
    expect(off.body.coupon).toMatchObject({ status: "deactivated", deactivated_at: new Date(later + DAY).toISOString() });
    expect(off.trips).toBe(2);
    expect(await count("SELECT count(*) AS n FROM audit_entries WHERE coupon_id = ? AND action = 'deactivated'", [promo.id])).toBe(1);
  });
});
