/**
 * The outbox with campaign codes, budgets and refunds: every redemption of a campaign code moves its
 * code, the coupon's counters, its budget and its webhook event in one batch, so under racing writes the
 * events equal the rows and the books balance; `coupon.exhausted` is the last code taken (once), never a
 * budget running out; an import of codes is a `coupon.updated`; a refund reports no event (the event
 * types have none for it: README "Webhooks").
 */
import { beforeAll, describe, expect, it } from "vitest";
import { answer, at, cart, DAY, expectStatus, makeTestApp, promoBody, type ShopKeys, type TestApp } from "../support/app.js";
import { calls, type CouponJson } from "../support/api.js";
import { BOOKS_SQL, booksMismatches, toBooks } from "../support/books.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ file: true });
});

async function subscribe(s: ShopKeys): Promise<string> {
  const all = [
    "coupon.created",
    "coupon.updated",
    "coupon.exhausted",
    "redemption.reserved",
    "redemption.committed",
    "redemption.released",
  ] as const;
  return (await expectStatus(calls(t, s.sk).createEndpoint({ url: "http://127.0.0.1:9/h", events: [...all] }), 201)).webhook_endpoint.id;
}
async function recorded(endpointId: string, type?: string) {
  const rs = await t.client.execute({
    sql: `SELECT type, object FROM webhook_deliveries WHERE endpoint_id = ? ${type ? "AND type = ?" : ""} ORDER BY seq`,
    args: type ? [endpointId, type] : [endpointId],
  });
  return rs.rows.map((r) => ({ type: String(r.type), object: JSON.parse(String(r.object)) as Record<string, unknown> }));
}
async function books(couponId: string) {
  const b = toBooks((await t.client.execute({ sql: BOOKS_SQL, args: [couponId] })).rows[0] as Record<string, unknown>);
  expect(booksMismatches(b, true)).toEqual([]);
  return b;
}
const campaign = (over: Partial<Extract<CouponJson, { type: "promo_code" }>> = {}) =>
  promoBody({ quantity: undefined, unique_codes: { count: 3, length: 6 }, discount: { kind: "fixed", amount_minor: 500 }, ...over });
const redeem = (s: ShopKeys, code: string, order: string, app = t) =>
  calls(app, s.sk).redeem({ code, buyer_id: `b-${order}`, order_id: order, cart: cart([{ unit_price_minor: 4000 }]) });
let n = 0;
const refund = (s: ShopKeys, order: string) =>
  expectStatus(
    calls(t, s.sk).event({ id: `fact_${++n}`, occurred_at: at(-1000), type: "order.refunded", buyer_id: `b-${order}`, order_id: order }),
    200,
  );

describe("the outbox with campaign codes", () => {
  it("each transition of a campaign code is its event; coupon.exhausted once, when the last code is taken; a refund reports nothing", async () => {
    const s = await t.shop({ name: "Campaign Hooked" });
    const ep = await subscribe(s);
    const api = calls(t, s.sk);
    const { coupon } = await expectStatus(api.createCoupon(campaign({ budget_minor: 10_000, refund_policy: "return_unit" })), 201);
    const [a, b, c] = (await expectStatus(api.codes(coupon.id), 200)).data.map((k) => k.code);

    const ra = (await expectStatus(redeem(s, a, "o1"), 201)).redemption;
    expect(ra.code).toBe(a);
    await expectStatus(api.commit(ra.id), 200);
    const rb = (await expectStatus(redeem(s, b, "o2"), 201)).redemption;
    await expectStatus(api.release(rb.id), 200);
    await books(coupon.id);
    expect(await recorded(ep, "coupon.exhausted")).toEqual([]);
    // The released code is available again; with it and the third, every code is taken: exhausted, once.
    const rb2 = (await expectStatus(redeem(s, b, "o3"), 201)).redemption;
    const rc = (await expectStatus(redeem(s, c, "o4"), 201)).redemption;
    const redemption = async (id: string) => (await expectStatus(api.redemption(id), 200)).redemption;
    expect((await recorded(ep, "redemption.reserved")).map((r) => r.object)).toEqual([ra, rb, rb2, rc]);
    expect((await recorded(ep, "redemption.committed")).map((r) => r.object)).toEqual([await redemption(ra.id)]);
    expect((await recorded(ep, "redemption.released")).map((r) => r.object)).toEqual([await redemption(rb.id)]);
    const exhausted = await recorded(ep, "coupon.exhausted");
    expect(exhausted.map((r) => r.object)).toMatchObject([{ id: coupon.id, unique_codes: { count: 3, length: 6 } }]);
    expect((await books(coupon.id)).budget_spent_minor).toBe(1500);

    // A refund under return_unit gives the code, the unit and the budget back, and records no event.
    const before = (await recorded(ep)).length;
    await refund(s, "o1");
    expect((await recorded(ep)).length).toBe(before);
    expect((await books(coupon.id)).budget_spent_minor).toBe(1000);
    expect((await expectStatus(api.codes(coupon.id, { state: "available" }), 200)).data.map((k) => k.code)).toEqual([a]);
    // Taken again, the last code is not news: the campaign ran out at this quantity before.
    await expectStatus(redeem(s, a, "o5"), 201);
    expect(await recorded(ep, "coupon.exhausted")).toHaveLength(1);
    expect((await recorded(ep, "redemption.reserved")).length).toBe(5);
  });

  it("a budget running out is no coupon.exhausted; the refused redemption records nothing", async () => {
    const s = await t.shop({ name: "Budget Hooked" });
    const ep = await subscribe(s);
    const { coupon } = await expectStatus(
      calls(t, s.sk).createCoupon(campaign({ unique_codes: { count: 5, length: 6 }, budget_minor: 1000 })),
      201,
    );
    const codes = (await expectStatus(calls(t, s.sk).codes(coupon.id), 200)).data.map((k) => k.code);
    await expectStatus(redeem(s, codes[0], "p1"), 201);
    await expectStatus(redeem(s, codes[1], "p2"), 201);
    expect((await expectStatus(redeem(s, codes[2], "p3"), 409)).code).toBe("budget_exhausted");
    expect(await recorded(ep, "redemption.reserved")).toHaveLength(2);
    expect(await recorded(ep, "coupon.exhausted")).toEqual([]);
    await books(coupon.id);
  });

  it("racing redemptions of one campaign from two processes: one event per reservation made, the books balance, exhausted at most once", async () => {
    const s = await t.shop({ name: "Campaign Race" });
    const ep = await subscribe(s);
    const { coupon } = await expectStatus(
      calls(t, s.sk).createCoupon(campaign({ unique_codes: { count: 6, length: 6 }, budget_minor: 2500 })),
      201,
    );
    const codes = (await expectStatus(calls(t, s.sk).codes(coupon.id), 200)).data.map((k) => k.code);
    const t2 = await makeTestApp({ file: t.path });
    // 24 orders for 6 codes (each asked by four orders) with a budget of five discounts.
    const all = await Promise.all(Array.from({ length: 24 }, (_, i) => answer(redeem(s, codes[i % 6], `r${i}`, i % 2 ? t : t2))));
    const won = all.filter((r) => r.status === 201);
    expect(won).toHaveLength(5);
    for (const r of all.filter((x) => x.status !== 201)) expect(["quantity_exhausted", "budget_exhausted"]).toContain(r.body.code);
    expect(new Set(won.map((r) => r.body.redemption?.code)).size).toBe(5); // each code used once
    const reserved = await recorded(ep, "redemption.reserved");
    expect(reserved.map((r) => r.object.id).sort()).toEqual(won.map((r) => r.body.redemption?.id).sort());
    expect((await books(coupon.id)).budget_spent_minor).toBe(2500);
    // The budget, not the codes, ran out: one code is still free, so the campaign is not exhausted.
    expect(await recorded(ep, "coupon.exhausted")).toEqual([]);
  });

  it("an import of codes into an upcoming campaign is a coupon.updated (the coupon as read afterwards); a refused import is none", async () => {
    const s = await t.shop({ name: "Import Hooked" });
    const ep = await subscribe(s);
    const api = calls(t, s.sk);
    const upcoming = { active_starts_at: at(DAY), active_ends_at: at(3 * DAY) };
    const { coupon } = await expectStatus(api.createCoupon(campaign(upcoming)), 201);
    expect(await expectStatus(api.addCodes(coupon.id, { codes: ["MINE01", "MINE02", "no!"] }), 200)).toMatchObject({ added: 2 });
    const read = (await expectStatus(api.readCoupon(coupon.id), 200)).coupon;
    expect(read).toMatchObject({ quantity: 5, version: 2, unique_codes: { count: 5, length: 6 } });
    expect((await recorded(ep, "coupon.updated")).map((r) => r.object)).toEqual([read]);
    // Nothing added (every code refused): no change, no event.
    expect(await expectStatus(api.addCodes(coupon.id, { codes: ["MINE01"] }), 200)).toMatchObject({ added: 0 });
    expect(await recorded(ep, "coupon.updated")).toHaveLength(1);
    await books(coupon.id);
  });
});
