/**
 * A seller's coupon after it is made: duplicate (R29), performance (R31), history (R30), sending a chat coupon
 * (R17). Edits and deactivation: coupons-manage.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { answer, at, DAY, expectStatus, HOUR, makeTestApp, promoBody, type ShopKeys, type TestApp } from "../support/app.js";
import { calls, type CouponJson, type CouponPatch } from "../support/api.js";
import { regular, upcoming } from "./coupon-bodies.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

const create = async (s: ShopKeys, body: CouponJson) => (await expectStatus(calls(t, s.sk).createCoupon(body), 201)).coupon;
/** Some patches are invalid on purpose: any object goes in (as the contract's type), the answer is typed. */
const patch = (s: ShopKeys, id: string, body: object, version?: number | string) =>
  answer(calls(t, s.sk).patchCoupon(id, body as CouponPatch, version));
const history = async (s: ShopKeys, id: string) => expectStatus(calls(t, s.sk).history(id), 200);

describe("R29: duplicate", () => {
  it("R29: copies the settings into a new upcoming coupon with origin duplicate and the source as parent", async () => {
    const s = await t.shop();
    const src = await create(
      s,
      regular({ audience: "existing", min_spend_minor: 1500, discount: { kind: "percent", percent_off: 15, max_discount_minor: 1000 } }),
    );
    const res = await answer(
      calls(t, s.sk).duplicate(src.id, { name: "Next month", claim_starts_at: at(40 * DAY), claim_ends_at: at(80 * DAY) }),
    );
    expect(res.status).toBe(201);
    const d = res.body.coupon;
    expect(d).toMatchObject({
      name: "Next month",
      status: "upcoming",
      origin: "duplicate",
      parent_id: src.id,
      audience: "existing",
      min_spend_minor: 1500,
      discount: src.discount,
      quantity: src.quantity,
      version: 1,
    });
    expect(d!.id).not.toBe(src.id);
    const h = await history(s, d!.id);
    expect(h.data[0]).toMatchObject({ action: "duplicated", changes: { source_id: src.id } });
  });

  it("R29: without new dates: an upcoming source is copied as is (with a default name); a started one is 422", async () => {
    const s = await t.shop();
    const up = await create(s, upcoming({ name: "Later" }));
    const copy = await answer(calls(t, s.sk).duplicate(up.id));
    expect(copy.status).toBe(201);
    expect(copy.body.coupon).toMatchObject({ name: "Later copy", claim_starts_at: up.claim_starts_at, status: "upcoming" });
    const on = await create(s, regular());
    const res = await answer(calls(t, s.sk).duplicate(on.id, { name: "Again" }));
    expect(res.status).toBe(422);
  });

  it("R29: a promo code's duplicate gets the given suffix or a fresh one", async () => {
    const s = await t.shop();
    const src = await create(s, promoBody({ code: "SRC1" }));
    const dates = { active_starts_at: at(10 * DAY), active_ends_at: at(12 * DAY) };
    const gen = await answer(calls(t, s.sk).duplicate(src.id, dates));
    expect(gen.status).toBe(201);
    expect(gen.body.coupon!.code).not.toBe(src.code);
    const given = await answer(calls(t, s.sk).duplicate(src.id, { ...dates, code: "src2", name: "Given" }));
    expect(given.body.coupon!.code).toBe(`${s.code_prefix}SRC2`);
    const clash = await answer(calls(t, s.sk).duplicate(src.id, { ...dates, code: "SRC1", name: "Clash" }));
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe("promo_code_taken");
  });

  it("R15: a review coupon duplicated onto its own window is 409; with new dates after it, 201", async () => {
    const s = await t.shop();
    const src = await create(s, {
      type: "review",
      name: "Rev",
      discount: { kind: "fixed", amount_minor: 300 },
      quantity: 10,
      claim_starts_at: at(DAY),
      claim_ends_at: at(40 * DAY),
      validity: { kind: "days_after_claim", days: 5 },
    });
    const same = await answer(calls(t, s.sk).duplicate(src.id));
    expect(same.status).toBe(409);
    expect(same.body.code).toBe("review_coupon_overlap");
    const after = await answer(calls(t, s.sk).duplicate(src.id, { claim_starts_at: src.claim_ends_at!, claim_ends_at: at(80 * DAY) }));
    expect(after.status).toBe(201);
  });
});

describe("R31: performance", () => {
  it("R31: claims and remaining follow the claims; a fresh coupon is all zero", async () => {
    const s = await t.shop();
    const c = await create(s, regular({ quantity: 5 }));
    expect((await answer(calls(t, s.sk).performance(c.id))).body).toEqual({
      claims: 0,
      redemptions: 0,
      buyers: 0,
      orders: 0,
      discount_minor: 0,
      gmv_minor: 0,
      remaining: 5,
      refunds: 0,
      refunded_discount_minor: 0,
      remaining_budget_minor: null,
      from: expect.any(String),
      to: expect.any(String),
      series: expect.any(Array),
    });
    for (const b of ["b1", "b2"]) await answer(calls(t, s.sk).claim(c.id, { buyer_id: b }));
    expect((await answer(calls(t, s.sk).performance(c.id))).body).toMatchObject({ claims: 2, remaining: 3, redemptions: 0 });
  });
});

describe("R30: history", () => {
  it("pages oldest first with a cursor, and only the coupon's own entries", async () => {
    const s = await t.shop();
    const c = await create(s, upcoming());
    await create(s, upcoming());
    for (let i = 0; i < 4; i++) await patch(s, c.id, { quantity: 200 + i });
    const p1 = await answer(calls(t, s.sk).history(c.id, { limit: "3" }));
    expect(p1.body.data!.map((e) => e.action)).toEqual(["created", "updated", "updated"]);
    expect(p1.body.next_cursor).toEqual(expect.any(String));
    const p2 = await answer(calls(t, s.sk).history(c.id, { limit: "3", cursor: p1.body.next_cursor ?? undefined }));
    expect(p2.body.data!.map((e) => e.action)).toEqual(["updated", "updated"]);
    expect(p2.body.next_cursor).toBeNull();
    for (const e of [...p1.body.data!, ...p2.body.data!]) expect(Object.keys(e).sort()).toEqual(["action", "actor", "at", "changes", "id"]);
  });

  it("R30: there is no route to change or remove an entry", async () => {
    const s = await t.shop();
    const c = await create(s, upcoming());
    const e = (await history(s, c.id)).data[0];
    for (const method of ["PATCH", "DELETE", "PUT"]) {
      const res = await t.call(method, `/v1/coupons/${c.id}/history/${e.id}`, { key: s.sk, body: {} });
      expect(res.status).toBe(404);
    }
  });
});

describe("R17: send a chat coupon", () => {
  const chat = (over: Partial<Extract<CouponJson, { type: "chat" }>> = {}): CouponJson => ({
    type: "chat",
    name: `Chat ${Math.random().toString(36).slice(2, 8)}`,
    discount: { kind: "fixed", amount_minor: 100 },
    quantity: 5,
    claim_starts_at: at(-HOUR),
    claim_ends_at: at(40 * DAY),
    validity: { kind: "days_after_claim", days: 3 },
    ...over,
  });

  it("sends idempotently and uses no quantity", async () => {
    const s = await t.shop();
    const c = await create(s, chat({ quantity: 1 }));
    const a = await answer(calls(t, s.sk).send(c.id, { buyer_id: "b1" }));
    expect(a.status).toBe(200);
    expect(a.body.sent!.buyer_id).toBe("b1");
    const again = await answer(calls(t, s.sk).send(c.id, { buyer_id: "b1" }));
    expect(again.body.sent!.sent_at).toBe(a.body.sent!.sent_at);
    expect((await answer(calls(t, s.sk).send(c.id, { buyer_id: "b2" }))).status).toBe(200);
    const perf = await answer(calls(t, s.sk).performance(c.id));
    expect(perf.body).toMatchObject({ claims: 0, remaining: 1 });
  });

  it("R30: a first send is recorded in the history with who and to whom; a repeated send adds nothing", async () => {
    const s = await t.shop();
    const c = await create(s, chat());
    await answer(calls(t, s.sk).send(c.id, { buyer_id: "b7" }));
    await answer(calls(t, s.sk).send(c.id, { buyer_id: "b7" }));
    const history = await answer(calls(t, s.sk).history(c.id));
    const sends = history.body.data!.filter((e) => e.action === "updated");
    expect(sends).toHaveLength(1);
    expect(sends[0].changes).toEqual({ before: { sent_to: null }, after: { sent_to: "b7" } });
    expect(sends[0].actor).toMatch(/^key_/);
  });

  it("a non-chat coupon is 409 not_a_chat_coupon; a deactivated chat coupon is 409", async () => {
    const s = await t.shop();
    const r = await create(s, regular());
    const res = await answer(calls(t, s.sk).send(r.id, { buyer_id: "b1" }));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("not_a_chat_coupon");
    const c = await create(s, chat());
    await answer(calls(t, s.sk).deactivate(c.id));
    expect((await answer(calls(t, s.sk).send(c.id, { buyer_id: "b1" }))).body.code).toBe("deactivated");
    expect((await answer(calls(t, s.sk).send(c.id, {} as { buyer_id: string }))).status).toBe(422); // no buyer, on purpose
  });

  it("R17: never listed publicly; listed for and claimable by the buyers it was sent to only", async () => {
    const s = await t.shop();
    const c = await create(s, chat());
    const listed = async (buyer?: string) =>
      (await expectStatus(calls(t, s.sk).storefront(buyer ? { buyer_id: buyer } : {}), 200)).data.map((e) => e.id);
    expect(await listed()).not.toContain(c.id);
    expect(await listed("b1")).not.toContain(c.id);
    const refused = await answer(calls(t, s.sk).claim(c.id, { buyer_id: "b1" }));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("not_sent_to_buyer");
    await answer(calls(t, s.sk).send(c.id, { buyer_id: "b1" }));
    expect(await listed("b1")).toContain(c.id);
    expect(await listed("b2")).not.toContain(c.id);
    expect((await answer(calls(t, s.sk).claim(c.id, { buyer_id: "b1" }))).status).toBe(201);
    expect((await answer(calls(t, s.sk).claim(c.id, { buyer_id: "b2" }))).body.code).toBe("not_sent_to_buyer");
  });

  it("R17: a chat coupon takes no audience", async () => {
    const s = await t.shop();
    // Outside the chat contract on purpose: sent raw.
    expect((await t.call("POST", "/v1/coupons", { key: s.sk, body: { ...chat(), audience: "all" } })).status).toBe(422);
  });
});
