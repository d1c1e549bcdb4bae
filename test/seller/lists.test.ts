/**
 * The seller's lists (README "Seller tools"): redemptions, claims, a chat coupon's recipients and the
 * shop's operation log — newest first, complete cursor pages, every filter, bounded and validated
 * queries, and only the shop's own records (another shop's coupon_id gives nothing).
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
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
import { calls, type CouponJson } from "../support/api.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

async function create(s: ShopKeys, body: CouponJson) {
  const { coupon } = await expectStatus(calls(t, s.sk).createCoupon(body), 201);
  return { id: coupon.id, code: coupon.code ?? "" };
}
const setClock = (s: ShopKeys, ms: number) => expectStatus(calls(t, s.sk).setClock({ now: new Date(ms).toISOString() }), 200);
async function reserve(s: ShopKeys, code: string, order: string, buyer = `b-${order}`) {
  return (
    await expectStatus(calls(t, s.sk).redeem({ code, buyer_id: buyer, order_id: order, cart: cart([{ unit_price_minor: 4000 }]) }), 201)
  ).redemption;
}

/** Every item of a list, page by page with `limit`, checking each page's size. */
async function everyPage<T>(page: (cursor?: string) => Promise<{ data: T[]; next_cursor: string | null }>, limit: number): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const p = await page(cursor);
    expect(p.data.length).toBeLessThanOrEqual(limit);
    if (p.next_cursor !== null) expect(p.data.length).toBe(limit);
    all.push(...p.data);
    if (p.next_cursor === null) return all;
    cursor = p.next_cursor;
  }
  throw new Error("too many pages");
}

describe("GET /v1/redemptions", () => {
  let s: ShopKeys;
  let other: ShopKeys;
  let code: { id: string; code: string };
  let code2: { id: string; code: string };
  const start = Date.UTC(2031, 0, 10, 12);
  const made: { id: string; at: number; state: string; coupon: string }[] = [];
  beforeAll(async () => {
    s = await t.shop({ name: "Lists" });
    other = await t.shop({ name: "Other" });
    await setClock(s, start);
    code = await create(
      s,
      promoBody({ code: "LISTA", quantity: 1000, active_starts_at: at(-MINUTE, start), active_ends_at: at(20 * DAY, start) }),
    );
    code2 = await create(
      s,
      promoBody({ code: "LISTB", quantity: 1000, active_starts_at: at(-MINUTE, start), active_ends_at: at(20 * DAY, start) }),
    );
    // Seven reservations a day apart, two of them at the same millisecond (ties are ordered by id).
    for (let i = 0; i < 7; i++) {
      const when = start + i * DAY;
      await setClock(s, when);
      const c = i % 2 ? code2 : code;
      const r = await reserve(s, c.code, `o${i}`);
      let state = "reserved";
      if (i % 3 === 0) {
        await expectStatus(calls(t, s.sk).commit(r.id), 200);
        state = "committed";
      } else if (i % 3 === 1) {
        await expectStatus(calls(t, s.sk).release(r.id), 200);
        state = "released";
      }
      made.push({ id: r.id, at: when, state, coupon: c.id });
      if (i === 6) {
        const twin = await reserve(s, code.code, "o6-twin");
        made.push({ id: twin.id, at: when, state: "reserved", coupon: code.id });
      }
    }
    // R27: by now (the last day) the reservations of earlier days have lapsed, and are shown released.
    for (const r of made) if (r.state === "reserved" && r.at < start + 6 * DAY) r.state = "released";
    // The other shop's redemptions never show.
    const o = await create(other, promoBody({ code: "LISTA", quantity: 5 }));
    await reserve(other, o.code, "ox", "x");
  });

  const newestFirst = (rows: typeof made) => [...rows].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)).map((r) => r.id);
  const list = (query: Record<string, string>) => calls(t, s.sk).listRedemptions(query);

  it("newest first (ties by id), in complete cursor pages of `limit`", async () => {
    for (const limit of [1, 3, 100]) {
      const all = await everyPage(
        async (cursor) => expectStatus(list({ limit: String(limit), ...(cursor ? { cursor } : {}) }), 200),
        limit,
      );
      expect(all.map((r) => r.id)).toEqual(newestFirst(made));
    }
  });

  it("filters by coupon, state and reserved time ([from, to), a UTC day or an RFC 3339 time)", async () => {
    const ids = async (query: Record<string, string>) => (await expectStatus(list({ limit: "100", ...query }), 200)).data.map((r) => r.id);
    expect(await ids({ coupon_id: code2.id })).toEqual(newestFirst(made.filter((r) => r.coupon === code2.id)));
    for (const state of ["reserved", "committed", "released"])
      expect(await ids({ state })).toEqual(newestFirst(made.filter((r) => r.state === state)));
    const from = new Date(start + 2 * DAY).toISOString().slice(0, 10); // a day: its midnight, before the reservation at noon
    const to = new Date(start + 5 * DAY).toISOString(); // a time: the reservation at exactly `to` is excluded
    expect(await ids({ from, to })).toEqual(newestFirst(made.filter((r) => r.at >= start + 2 * DAY - 12 * HOUR && r.at < start + 5 * DAY)));
    expect(await ids({ state: "committed", coupon_id: code.id, from })).toEqual(
      newestFirst(made.filter((r) => r.state === "committed" && r.coupon === code.id && r.at >= start + 1.5 * DAY)),
    );
  });

  it("R27: a reservation past its 30 minutes is listed as released", async () => {
    const late = await reserve(s, code.code, "late");
    await setClock(s, start + 6 * DAY + 31 * MINUTE);
    const page = await expectStatus(list({ limit: "100", state: "reserved" }), 200);
    expect(page.data.map((r) => r.id)).not.toContain(late.id);
    const released = await expectStatus(list({ limit: "100", state: "released" }), 200);
    expect(released.data.find((r) => r.id === late.id)).toMatchObject({ state: "released", release_reason: "expired" });
    made.push({ id: late.id, at: Date.parse(late.reserved_at), state: "released", coupon: code.id });
    for (const r of made) if (r.state === "reserved") r.state = "released";
  });

  it("is the shop's own: another shop's coupon_id or list shows none of this shop's", async () => {
    expect((await expectStatus(list({ coupon_id: (await create(other, promoBody())).id }), 200)).data).toEqual([]);
    const theirs = await expectStatus(calls(t, other.sk).listRedemptions({ coupon_id: code.id }), 200);
    expect(theirs.data).toEqual([]);
    const all = await expectStatus(calls(t, other.sk).listRedemptions({ limit: "100" }), 200);
    expect(all.data.map((r) => r.id)).not.toContain(made[0].id);
    expect(all.data.length).toBe(1);
  });

  it("refuses bad queries with 422: limit over 100, unknown state, bad dates, `to` before `from`, a foreign cursor, unknown fields", async () => {
    for (const query of [
      { limit: "101" },
      { limit: "0" },
      { state: "used" },
      { from: "2031-02-30" },
      { from: "yesterday" },
      { to: "2031-01-01T25:00:00Z" },
      { from: "2031-01-05", to: "2031-01-05" },
      { from: "2031-01-06", to: "2031-01-05T23:59:59Z" },
      { cursor: "bm90IGEgY3Vyc29y" },
      { cursor: "p:12" },
      { buyer_id: "b" },
    ] as Record<string, string>[]) {
      expect((await expectStatus(list(query), 422)).code, JSON.stringify(query)).toBe("validation_failed");
    }
  });
});

describe("GET /v1/claims", () => {
  it("R5/R28: each claim as the wallet shows it (available, reserved, used, expired, void), filtered by coupon, buyer and state", async () => {
    const s = await t.shop({ name: "Claims" });
    const start = Date.UTC(2031, 5, 1);
    await setClock(s, start);
    const body = (name: string, days: number) =>
      claimableBody("regular", {
        name,
        quantity: 50,
        per_customer_limit: 5,
        claim_starts_at: at(-MINUTE, start),
        claim_ends_at: at(60 * DAY, start),
        validity: { kind: "days_after_claim", days },
      });
    const short = await create(s, body("Short", 1));
    const long = await create(s, body("Long", 30));
    const doomed = await create(s, body("Doomed", 30));
    const api = calls(t, s.sk);
    const claim = async (couponId: string, buyer: string) => (await expectStatus(api.claim(couponId, { buyer_id: buyer }), 201)).claim.id;
    const expired = await claim(short.id, "ann");
    await setClock(s, start + HOUR);
    const available = await claim(long.id, "ann");
    const reserved = await claim(long.id, "bob");
    const used = await claim(long.id, "cat");
    const voided = await claim(doomed.id, "ann");
    const redeem = (buyer: string, order: string) =>
      expectStatus(api.redeem({ coupon_id: long.id, buyer_id: buyer, order_id: order, cart: cart([{ unit_price_minor: 4000 }]) }), 201);
    await redeem("bob", "ob");
    const u = await redeem("cat", "oc");
    await expectStatus(api.commit(u.redemption.id), 200);
    await expectStatus(api.deactivate(doomed.id), 200);
    await setClock(s, start + 2 * DAY); // the one-day claim has lapsed, and so has bob's 30-minute reservation
    const all = await expectStatus(api.listClaims({ limit: "100" }), 200);
    const shown = Object.fromEntries(all.data.map((k) => [k.id, k.state]));
    // bob's reservation lapsed after 30 minutes and gave the claim back: available again.
    expect(shown).toEqual({ [expired]: "expired", [available]: "available", [reserved]: "available", [used]: "used", [voided]: "void" });
    // Newest first: the four claims of the same time by id (descending), then the oldest.
    expect(all.data.map((k) => k.id)).toEqual([...[available, reserved, used, voided].sort().reverse(), expired]);

    // A reservation held right now shows as reserved.
    await redeem("bob", "ob2");
    for (const state of ["available", "reserved", "used", "expired", "void"] as const) {
      const page = await expectStatus(api.listClaims({ state, limit: "100" }), 200);
      expect(
        page.data.every((k) => k.state === state),
        state,
      ).toBe(true);
      const expected = { available: [available], reserved: [reserved], used: [used], expired: [expired], void: [voided] }[state];
      expect(page.data.map((k) => k.id).sort(), state).toEqual(expected.sort());
    }
    expect((await expectStatus(api.listClaims({ buyer_id: "ann" }), 200)).data.map((k) => k.id).sort()).toEqual(
      [expired, available, voided].sort(),
    );
    expect((await expectStatus(api.listClaims({ coupon_id: long.id, buyer_id: "cat" }), 200)).data.map((k) => k.id)).toEqual([used]);
    const paged = await everyPage(async (cursor) => expectStatus(api.listClaims({ limit: "2", ...(cursor ? { cursor } : {}) }), 200), 2);
    expect(paged.map((k) => k.id)).toEqual(all.data.map((k) => k.id));

    const other = await t.shop({ name: "Nosy" });
    expect((await expectStatus(calls(t, other.sk).listClaims({ coupon_id: long.id }), 200)).data).toEqual([]);
    expect((await expectStatus(calls(t, other.sk).listClaims({ buyer_id: "ann" }), 200)).data).toEqual([]);
    for (const q of ["state=lapsed", "limit=500", "buyer_id=", `buyer_id=${"x".repeat(65)}`, "cursor=%%%"]) {
      expect((await t.call("GET", `/v1/claims?${q}`, { key: s.sk })).status, q).toBe(422);
    }
  });
});

describe("GET /v1/coupons/{id}/recipients", () => {
  it("R17: the buyers a chat coupon was sent to, newest send first, each once, with whether they claimed it", async () => {
    const s = await t.shop({ name: "Chat" });
    const start = Date.UTC(2031, 7, 1);
    await setClock(s, start);
    const chat = await create(s, claimableBody("chat", { claim_starts_at: at(-MINUTE, start), claim_ends_at: at(40 * DAY, start) }));
    const api = calls(t, s.sk);
    const buyers = ["zoe", "amy", "ünï-🙂", "bea"];
    for (const [i, b] of buyers.entries()) {
      await setClock(s, start + i * HOUR);
      await expectStatus(api.send(chat.id, { buyer_id: b }), 200);
    }
    await expectStatus(api.send(chat.id, { buyer_id: "zoe" }), 200); // again: still once
    await expectStatus(api.claim(chat.id, { buyer_id: "amy" }), 201);
    const page = await expectStatus(api.recipients(chat.id), 200);
    expect(page.data).toEqual([
      { buyer_id: "bea", sent_at: new Date(start + 3 * HOUR).toISOString(), claimed: false },
      { buyer_id: "ünï-🙂", sent_at: new Date(start + 2 * HOUR).toISOString(), claimed: false },
      { buyer_id: "amy", sent_at: new Date(start + HOUR).toISOString(), claimed: true },
      { buyer_id: "zoe", sent_at: new Date(start).toISOString(), claimed: false },
    ]);
    const paged = await everyPage(
      async (cursor) => expectStatus(api.recipients(chat.id, { limit: "1", ...(cursor ? { cursor } : {}) }), 200),
      1,
    );
    expect(paged).toEqual(page.data);

    const regular = await create(s, claimableBody("regular", { claim_starts_at: at(HOUR, start), claim_ends_at: at(40 * DAY, start) }));
    expect((await expectStatus(api.recipients(regular.id), 409)).code).toBe("not_a_chat_coupon");
    const other = await t.shop({ name: "Snoop" });
    expect((await expectStatus(calls(t, other.sk).recipients(chat.id), 404)).code).toBe("not_found");
  });
});

describe("GET /v1/audit", () => {
  it("R30: the shop's whole operation log, newest first, with coupon_id; filtered by coupon and action", async () => {
    const s = await t.shop({ name: "Log", addon_coupons: true });
    const a = await create(s, claimableBody("regular", { name: "Parent" }));
    const b = await create(s, promoBody({ code: "LOGB" }));
    const api = calls(t, s.sk);
    await expectStatus(api.patchCoupon(b.id, { name: "Renamed" }), 200);
    await expectStatus(api.deactivate(b.id), 200);
    const key = await expectStatus(api.createKey({ kind: "publishable" }), 201);
    await expectStatus(api.patchShop(s.id, { allowed_origins_add: ["https://log.example"] }), 200);

    const log = await expectStatus(api.audit({ limit: "100" }), 200);
    const addon = log.data.find((e) => e.action === "addon_created" && e.coupon_id !== a.id)!.coupon_id;
    expect(log.data.map((e) => [e.action, e.coupon_id])).toEqual([
      ["shop_updated", null],
      ["key_created", null],
      ["deactivated", b.id],
      ["updated", b.id],
      ["created", b.id],
      // The parent and its addon are written in one batch: the parent's entry, then the addon's two.
      ["addon_created", a.id],
      ["addon_created", addon],
      ["created", a.id],
    ]);
    expect(log.data[0].changes).toEqual({ before: { allowed_origins: [] }, after: { allowed_origins: ["https://log.example"] } });
    expect(log.data[1].changes).toMatchObject({ key_id: key.key.id, kind: "publishable" });
    expect(log.data.every((e) => e.actor === log.data[0].actor)).toBe(true); // one key did it all

    // A coupon's entries are its history, newest first.
    const ofB = await expectStatus(api.audit({ coupon_id: b.id }), 200);
    const history = await expectStatus(api.history(b.id), 200);
    expect(ofB.data.map(({ coupon_id, ...e }) => e)).toEqual([...history.data].reverse());
    expect((await expectStatus(api.audit({ action: "updated" }), 200)).data.map((e) => e.coupon_id)).toEqual([b.id]);
    const paged = await everyPage(async (cursor) => expectStatus(api.audit({ limit: "3", ...(cursor ? { cursor } : {}) }), 200), 3);
    expect(paged).toEqual(log.data);

    const other = await t.shop({ name: "Outsider" });
    expect((await expectStatus(calls(t, other.sk).audit({ coupon_id: a.id }), 200)).data).toEqual([]);
    for (const q of ["action=deleted", "limit=101", "cursor=k", "coupon_id="])
      expect((await t.call("GET", `/v1/audit?${q}`, { key: s.sk })).status, q).toBe(422);
  });
});
