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

describe("PATCH /v1/coupons/{id}", () => {
  it("an upcoming coupon may change anything; the version grows and the history keeps before/after (R30)", async () => {
    const s = await t.shop();
    const c = await create(s, upcoming());
    const res = await patch(
      s,
      c.id,
      { discount: { kind: "percent", percent_off: 10, max_discount_minor: 800 }, audience: "existing", min_spend_minor: 2000 },
      c.version,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(`"${c.version + 1}"`);
    expect(res.body.coupon).toMatchObject({
      version: c.version + 1,
      audience: "existing",
      min_spend_minor: 2000,
      estimated_spend_minor: 80_000,
    });
    const h = await history(s, c.id);
    expect(h.data.map((e) => e.action)).toEqual(["created", "updated"]);
    const upd = h.data[1];
    expect(upd.actor).toMatch(/^key_/);
    expect(upd.changes.before).toMatchObject({ audience: "all", min_spend_minor: 0, discount: { kind: "fixed", amount_minor: 500 } });
    expect(upd.changes.after).toMatchObject({ audience: "existing", min_spend_minor: 2000 });
    expect(upd.changes.before).not.toHaveProperty("name");
  });

  it("an ongoing coupon takes a new name, a larger quantity and a later end, nothing else", async () => {
    const s = await t.shop();
    const c = await create(s, regular());
    const ok = await patch(s, c.id, { name: "Renamed", quantity: 150, claim_ends_at: at(60 * DAY) });
    expect(ok.status).toBe(200);
    expect(ok.body.coupon).toMatchObject({ name: "Renamed", quantity: 150 });
    for (const body of [
      { quantity: 50 },
      { claim_ends_at: at(20 * DAY) },
      { discount: { kind: "fixed", amount_minor: 900 } },
      { min_spend_minor: 1 },
    ]) {
      const res = await patch(s, c.id, body);
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(res.body.code).toBe("edit_not_allowed");
      expect(res.body.errors!.length).toBeGreaterThan(0);
    }
    // Sending an unchanged value with the change is fine.
    expect((await patch(s, c.id, { name: "Renamed again", quantity: 150 })).status).toBe(200);
  });

  it("R4: an edit must keep the claim window within 180 days (422)", async () => {
    const s = await t.shop();
    const c = await create(s, regular({ claim_starts_at: at(-HOUR) }));
    const res = await patch(s, c.id, { claim_ends_at: at(200 * DAY) });
    expect(res.status).toBe(422);
    expect(res.body.errors![0].code).toBe("claim_window_length");
  });

  it("a stale If-Match is 412 and changes nothing", async () => {
    const s = await t.shop();
    const c = await create(s, upcoming());
    expect((await patch(s, c.id, { name: "First" }, c.version)).status).toBe(200);
    const stale = await patch(s, c.id, { name: "Second" }, c.version);
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe("version_mismatch");
    const now = await answer(calls(t, s.sk).readCoupon(c.id));
    expect(now.body.coupon!.name).toBe("First");
    expect(now.headers.get("etag")).toBe(`"${c.version + 1}"`);
    // The ETag form is accepted too; garbage never matches.
    expect((await patch(s, c.id, { name: "Third" }, `"${c.version + 1}"`)).status).toBe(200);
    expect((await patch(s, c.id, { name: "Fourth" }, "abc")).status).toBe(412);
  });

  it("two concurrent PATCHes of the same version: one 200, one 412 (file database)", async () => {
    const f = await makeTestApp({ file: true });
    const s = await f.shop();
    const api = calls(f, s.sk);
    const c = (await expectStatus(api.createCoupon(upcoming()), 201)).coupon;
    const results = await Promise.all(["A", "B", "C", "D"].map((n) => api.patchCoupon(c.id, { name: `Name ${n}` }, c.version)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412, 412]);
    const h = await expectStatus(api.history(c.id), 200);
    expect(h.data.filter((e) => e.action === "updated")).toHaveLength(1);
  });

  it("an ended or deactivated coupon cannot change", async () => {
    const s = await t.shop();
    const c = await create(s, regular());
    await answer(calls(t, s.sk).deactivate(c.id));
    const res = await patch(s, c.id, { name: "Nope" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("edit_not_allowed");
  });

  it("a field of another type is refused; an unknown field is 422", async () => {
    const s = await t.shop();
    const c = await create(s, upcoming());
    expect((await patch(s, c.id, { code: "ABCD" })).status).toBe(422);
    expect((await patch(s, c.id, { type: "chat" })).status).toBe(422);
    expect((await patch(s, c.id, { audience: "new_followers" })).status).toBe(422);
  });

  it("a rename keeps names unique among upcoming and ongoing coupons (409 name_taken)", async () => {
    const s = await t.shop();
    await create(s, upcoming({ name: "Taken" }));
    const c = await create(s, upcoming());
    const res = await patch(s, c.id, { name: "taken" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("name_taken");
  });

  it("R8: moving a new-customer coupon's window onto another's is 409", async () => {
    const s = await t.shop();
    await create(s, upcoming({ audience: "new", claim_starts_at: at(5 * DAY), claim_ends_at: at(40 * DAY) }));
    const c = await create(s, upcoming({ audience: "new", claim_starts_at: at(40 * DAY), claim_ends_at: at(80 * DAY) }));
    const res = await patch(s, c.id, { claim_starts_at: at(30 * DAY) });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("new_customer_coupon_overlap");
  });

  it("a promo code's later end moves its live code row; a changed code frees the old one (R19)", async () => {
    const s = await t.shop();
    const other = await t.shop({ name: s.shop.name });
    const c = await create(s, promoBody({ code: "MOVE1", active_starts_at: at(DAY), active_ends_at: at(3 * DAY) }));
    const res = await patch(s, c.id, { code: "MOVE2" });
    expect(res.status).toBe(200);
    expect(res.body.coupon!.code).toBe(`${s.code_prefix}MOVE2`);
    // Another shop with the same prefix may now take the old code, not the new one.
    expect((await answer(calls(t, other.sk).createCoupon(promoBody({ code: "MOVE1" })))).status).toBe(201);
    expect((await answer(calls(t, other.sk).createCoupon(promoBody({ code: "MOVE2" })))).body.code).toBe("promo_code_taken");
    // And the taken code cannot be patched onto this one.
    const taken = await patch(s, c.id, { code: "MOVE1" });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe("promo_code_taken");
    const later = await patch(s, c.id, { active_ends_at: at(5 * DAY) });
    expect(later.status).toBe(200);
    const row = await t.db.$client.execute({ sql: "SELECT active_ends_at FROM live_codes WHERE coupon_id = ?", args: [c.id] });
    expect(Number(row.rows[0].active_ends_at)).toBe(Date.parse(later.body.coupon!.active_ends_at!));
  });

  it("another shop's coupon is 404", async () => {
    const a = await t.shop();
    const b = await t.shop();
    const c = await create(a, upcoming());
    expect((await patch(b, c.id, { name: "x" })).status).toBe(404);
    expect((await answer(calls(t, b.sk).deactivate(c.id))).status).toBe(404);
    expect((await answer(calls(t, b.sk).history(c.id))).status).toBe(404);
    expect((await answer(calls(t, b.sk).performance(c.id))).status).toBe(404);
  });
});

describe("R28: deactivate", () => {
  it("R28: stops an ongoing coupon at once and cancels an upcoming one", async () => {
    const s = await t.shop();
    const on = await create(s, regular());
    const up = await create(s, upcoming());
    const a = await answer(calls(t, s.sk).deactivate(on.id));
    const b = await answer(calls(t, s.sk).deactivate(up.id));
    expect(a.status).toBe(200);
    expect(a.body.coupon).toMatchObject({ status: "deactivated", version: on.version + 1 });
    expect(a.body.coupon!.deactivated_at).not.toBeNull();
    expect(b.body.coupon!.status).toBe("deactivated");
    // Twice is harmless and leaves one entry.
    expect((await answer(calls(t, s.sk).deactivate(on.id))).status).toBe(200);
    const h = await history(s, on.id);
    expect(h.data.map((e) => e.action)).toEqual(["created", "deactivated"]);
    expect(h.data[1].changes).toMatchObject({ before: { status: "ongoing", deactivated_at: null }, after: { status: "deactivated" } });
  });

  it("R28, R19: a deactivated promo code stops applying and its code may be taken again", async () => {
    const s = await t.shop();
    const c = await create(s, promoBody({ code: "STOPME" }));
    expect((await answer(calls(t, s.sk).deactivate(c.id))).status).toBe(200);
    const lookup = await answer(calls(t, s.pk).lookup(`${s.code_prefix}STOPME`));
    expect(lookup.body.valid).toBe(false);
    expect((await answer(calls(t, s.sk).createCoupon(promoBody({ code: "STOPME" })))).status).toBe(201);
  });

  it("R28: a review coupon deactivated issues no more claims", async () => {
    const s = await t.shop();
    const c = await create(s, {
      type: "review",
      name: "Rev",
      discount: { kind: "fixed", amount_minor: 300 },
      quantity: 10,
      claim_starts_at: at(-HOUR),
      claim_ends_at: at(40 * DAY),
      validity: { kind: "days_after_claim", days: 5 },
    });
    await answer(
      calls(t, s.sk).event({ id: "p1", type: "order.paid", occurred_at: at(-1000), buyer_id: "b", order_id: "o1", total_minor: 10 }),
    );
    expect((await answer(calls(t, s.sk).deactivate(c.id))).status).toBe(200);
    const r = await answer(
      calls(t, s.sk).event({
        id: "r1",
        type: "review.approved",
        occurred_at: at(-1000),
        buyer_id: "b",
        order_id: "o1",
        product_id: "x",
        word_count: 20,
        media_count: 1,
      }),
    );
    expect(r.body.issued_claim).toBeNull();
  });

  it("R28, R5: a claim not yet used stops working when its coupon is deactivated", async () => {
    const s = await t.shop();
    const c = await create(s, regular());
    const claimed = await answer(calls(t, s.sk).claim(c.id, { buyer_id: "b1" }));
    expect(claimed.status).toBe(201);
    const cart = {
      currency: "USD",
      lines: [{ line_id: "l1", product_id: "p1", quantity: 1, unit_price_minor: 3000, product_discount_minor: 0 }],
      shipping_minor: 0,
      shipping_discount_minor: 0,
    };
    const before = await answer(calls(t, s.sk).quote({ buyer_id: "b1", cart }));
    expect(before.body.applied).toMatchObject({ coupon_id: c.id, discount_minor: 500 });
    await answer(calls(t, s.sk).deactivate(c.id));
    const after = await answer(calls(t, s.sk).quote({ buyer_id: "b1", cart }));
    expect(after.body.applied).toBeNull();
    expect(after.body.candidates![0].reasons[0].code).toBe("deactivated");
    const wallet = await answer(calls(t, s.sk).wallet({ buyer_id: "b1" }));
    expect(wallet.body.data![0].state).toBe("void");
  });

  it("with a stale If-Match it is 412", async () => {
    const s = await t.shop();
    const c = await create(s, upcoming());
    await patch(s, c.id, { name: "Moved on" });
    const res = await answer(calls(t, s.sk).deactivate(c.id, String(c.version)));
    expect(res.status).toBe(412);
  });
});
