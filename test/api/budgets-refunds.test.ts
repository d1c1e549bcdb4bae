/**
 * Budgets and refund policies (README "Campaign codes, budgets and refunds"): `budget_minor` caps the discount reserved and
 * committed, on every type, as the guarded reservation write carries it; `refund_policy: return_unit`
 * gives the unit, the buyer's use and the budget back on `order.refunded` after commit, once. Each test
 * ends with the coupon's counters equal to its rows (test/support/books.ts).
 */
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { at, cart, claimableBody, DAY, expectStatus, makeTestApp, promoBody, type ShopKeys, type TestApp } from "../support/app.js";
import { calls, type EventFact, type EventJson } from "../support/api.js";
import { BOOKS_SQL, booksMismatches, toBooks } from "../support/books.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

async function books(id: string) {
  const rows = await t.db.$client.execute({ sql: BOOKS_SQL, args: [id] });
  return toBooks(rows.rows[0] as unknown as Record<string, unknown>);
}
async function expectBooksBalanced(id: string, campaign = false) {
  expect(booksMismatches(await books(id), campaign)).toEqual([]);
}

const v1 = (s: ShopKeys) => t.api(s.sk).v1;
const cartOf = (value: number) => cart([{ unit_price_minor: value }]);
const create = async (s: ShopKeys, body: Parameters<ReturnType<typeof v1>["coupons"]["$post"]>[0]["json"]) =>
  (await expectStatus(v1(s).coupons.$post({ json: body }), 201)).coupon;
const reserve = (s: ShopKeys, body: { code?: string; coupon_id?: string; buyer_id?: string; order_id: string; value?: number }) =>
  v1(s).checkout.redemptions.$post({
    header: {},
    json: {
      code: body.code,
      coupon_id: body.coupon_id,
      buyer_id: body.buyer_id,
      order_id: body.order_id,
      cart: cartOf(body.value ?? 4000),
    },
  });
let ev = 0;
// One occurred_at for every event: a redelivery is the same body under the same id.
const OCCURRED = at(-60_000);
const event = async (s: ShopKeys, fact: EventFact, id = `evt_${++ev}`) =>
  (await calls(t, s.sk).event({ ...fact, id, occurred_at: OCCURRED } as EventJson)).status;
const paid = (s: ShopKeys, buyer: string, order: string) =>
  event(s, { type: "order.paid", buyer_id: buyer, order_id: order, total_minor: 4000 });
const refunded = (s: ShopKeys, buyer: string, order: string, id?: string) =>
  event(s, { type: "order.refunded", buyer_id: buyer, order_id: order }, id);
const perf = async (s: ShopKeys, id: string) => expectStatus(calls(t, s.sk).performance(id), 200);

describe("budgets", () => {
  it("reserved + committed discount never passes the budget: the quote says budget_exhausted, the redemption is 409", async () => {
    const s = await t.shop();
    const c = await create(s, promoBody({ code: "BUDGET1", quantity: 100, per_customer_limit: null, budget_minor: 1_200 }));
    expect(c).toMatchObject({ budget_minor: 1_200, estimated_spend_minor: 1_200 });
    await expectStatus(reserve(s, { code: c.code!, order_id: "o1" }), 201);
    const second = await expectStatus(reserve(s, { code: c.code!, order_id: "o2" }), 201);
    // 1,000 of 1,200 spent: a 500 discount no longer fits, a 200 one does.
    const q = await expectStatus(v1(s).checkout.quote.$post({ json: { code: c.code!, cart: cartOf(4000) } }), 200);
    expect(q.candidates[0].reasons.map((r) => r.code)).toEqual(["budget_exhausted"]);
    expect((await expectStatus(reserve(s, { code: c.code!, order_id: "o3" }), 409)).code).toBe("budget_exhausted");
    expect((await expectStatus(reserve(s, { code: c.code!, order_id: "o4", value: 200 }), 201)).redemption.discount_minor).toBe(200);
    expect(await perf(s, c.id)).toMatchObject({ remaining_budget_minor: 0 });
    // A release gives its discount back to the budget.
    await expectStatus(v1(s).redemptions[":id"].release.$post({ param: { id: second.redemption.id } }), 200);
    expect(await perf(s, c.id)).toMatchObject({ remaining_budget_minor: 500 });
    await expectStatus(reserve(s, { code: c.code!, order_id: "o5" }), 201);
    await expectBooksBalanced(c.id);
  });

  it("while ongoing the budget may be raised, not lowered", async () => {
    const s = await t.shop();
    const c = await create(s, promoBody({ code: "RAISE1", quantity: 100, per_customer_limit: null, budget_minor: 500 }));
    await expectStatus(reserve(s, { code: c.code!, order_id: "o1" }), 201);
    expect((await expectStatus(reserve(s, { code: c.code!, order_id: "o2" }), 409)).code).toBe("budget_exhausted");
    const patch = (budget_minor: number | null) => v1(s).coupons[":id"].$patch({ param: { id: c.id }, header: {}, json: { budget_minor } });
    expect((await expectStatus(patch(400), 409)).code).toBe("edit_not_allowed");
    expect((await expectStatus(patch(1_000), 200)).coupon.budget_minor).toBe(1_000);
    await expectStatus(reserve(s, { code: c.code!, order_id: "o2" }), 201);
    expect((await expectStatus(patch(null), 200)).coupon).toMatchObject({ budget_minor: null, estimated_spend_minor: 50_000 });
    await expectBooksBalanced(c.id);
  });

  it("claim-based coupons carry a budget too: a claim whose discount would pass it cannot be redeemed", async () => {
    const s = await t.shop();
    const c = await create(s, claimableBody("regular", { quantity: 10, budget_minor: 700 }));
    for (const b of ["b1", "b2"])
      await expectStatus(t.api(s.sk).v1.storefront.coupons[":id"].claim.$post({ param: { id: c.id }, json: { buyer_id: b } }), 201);
    await expectStatus(reserve(s, { coupon_id: c.id, buyer_id: "b1", order_id: "o1" }), 201);
    expect((await expectStatus(reserve(s, { coupon_id: c.id, buyer_id: "b2", order_id: "o2" }), 409)).code).toBe("budget_exhausted");
    await expectBooksBalanced(c.id);
  });

  it("property: whatever mix of reservations, commits, releases and refunds, the committed and reserved discount stays within the budget and the books balance", async () => {
    const s = await t.shop();
    type Op = { kind: "reserve"; value: number } | { kind: "commit" | "release" | "refund"; pick: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant("reserve" as const), value: fc.integer({ min: 100, max: 9_000 }) }) },
      fc.record({ kind: fc.constantFrom("commit" as const, "release" as const, "refund" as const), pick: fc.nat() }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 300, max: 3_000 }), fc.array(op, { minLength: 5, maxLength: 25 }), async (budget, ops) => {
        run++;
        const c = await create(
          s,
          promoBody({
            code: `P${run}`,
            quantity: 1_000,
            per_customer_limit: null,
            refund_policy: "return_unit",
            budget_minor: budget,
            discount: { kind: "percent", percent_off: 10 },
          }),
        );
        const orders: { order: string; id: string }[] = [];
        for (const [i, o] of ops.entries()) {
          if (o.kind === "reserve") {
            const order = `p${run}-o${i}`;
            const res = await reserve(s, { code: c.code!, buyer_id: order, order_id: order, value: o.value });
            if (res.status === 201) orders.push({ order, id: (await res.json()).redemption.id });
            else expect(((await res.json()) as { code: string }).code).toBe("budget_exhausted");
          } else if (orders.length > 0) {
            const { order, id } = orders[o.pick % orders.length];
            if (o.kind === "commit") await paid(s, order, order);
            if (o.kind === "release") await calls(t, s.sk).release(id);
            if (o.kind === "refund") await refunded(s, order, order);
          }
        }
        const b = await books(c.id);
        expect(booksMismatches(b, false)).toEqual([]);
        expect(b.spent_rows).toBeLessThanOrEqual(budget);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

describe("refund policies", () => {
  it("keep_used (default): a refund is counted apart and gives nothing back", async () => {
    const s = await t.shop();
    const c = await create(s, promoBody({ code: "KEEP1", quantity: 5, budget_minor: 800 }));
    expect(c.refund_policy).toBe("keep_used");
    await expectStatus(reserve(s, { code: c.code!, buyer_id: "b1", order_id: "o1" }), 201);
    await paid(s, "b1", "o1");
    await refunded(s, "b1", "o1");
    expect(await perf(s, c.id)).toMatchObject({
      redemptions: 1,
      refunds: 1,
      refunded_discount_minor: 500,
      remaining: 4,
      remaining_budget_minor: 300,
    });
    expect((await expectStatus(reserve(s, { code: c.code!, buyer_id: "b1", order_id: "o2" }), 409)).code).toBe(
      "per_customer_limit_reached",
    );
    const red = await t.db.all<{ refunded_at: number | null; returned_at: number | null }>(
      sql`SELECT refunded_at, returned_at FROM redemptions WHERE coupon_id = ${c.id}`,
    );
    expect(red[0].refunded_at).toBeGreaterThan(0);
    expect(red[0].returned_at).toBeNull();
    await expectBooksBalanced(c.id);
  });

  it("return_unit: the unit, the buyer's use and the budget come back once, however often the refund is told", async () => {
    const s = await t.shop();
    const c = await create(s, promoBody({ code: "BACK1", quantity: 1, budget_minor: 500, refund_policy: "return_unit" }));
    await expectStatus(reserve(s, { code: c.code!, buyer_id: "b1", order_id: "o1" }), 201);
    await paid(s, "b1", "o1");
    expect((await expectStatus(reserve(s, { code: c.code!, buyer_id: "b2", order_id: "o2" }), 409)).code).toBe("quantity_exhausted");
    expect(await refunded(s, "b1", "o1", "refund-1")).toBe(200);
    // Redelivered (same id) and told again under a new id: nothing more comes back.
    expect(await refunded(s, "b1", "o1", "refund-1")).toBe(200);
    expect(await refunded(s, "b1", "o1", "refund-again")).toBe(200);
    expect(await perf(s, c.id)).toMatchObject({
      redemptions: 1,
      refunds: 1,
      refunded_discount_minor: 500,
      remaining: 1,
      remaining_budget_minor: 500,
    });
    await expectBooksBalanced(c.id);
    // The same buyer may use it again (the use came back), and it is the one unit there is.
    const again = await expectStatus(reserve(s, { code: c.code!, buyer_id: "b1", order_id: "o3" }), 201);
    expect(again.redemption.discount_minor).toBe(500);
    expect((await expectStatus(reserve(s, { code: c.code!, buyer_id: "b2", order_id: "o4" }), 409)).code).toBe("quantity_exhausted");
    const read = await expectStatus(v1(s).redemptions[":id"].$get({ param: { id: again.redemption.id } }), 200);
    expect(read.redemption).toMatchObject({ refunded_at: null, returned_at: null });
    await expectBooksBalanced(c.id);
  });

  it("return_unit on a claim: the claim is available again while still valid; a lapsed one stays used", async () => {
    const s = await t.shop();
    const c = await create(
      s,
      claimableBody("regular", { quantity: 10, refund_policy: "return_unit", validity: { kind: "days_after_claim", days: 2 } }),
    );
    for (const b of ["b1", "b2"])
      await expectStatus(t.api(s.sk).v1.storefront.coupons[":id"].claim.$post({ param: { id: c.id }, json: { buyer_id: b } }), 201);
    for (const [b, o] of [
      ["b1", "o1"],
      ["b2", "o2"],
    ]) {
      await expectStatus(reserve(s, { coupon_id: c.id, buyer_id: b, order_id: o }), 201);
      await paid(s, b, o);
    }
    await refunded(s, "b1", "o1");
    const wallet = async (b: string) =>
      (await expectStatus(t.api(s.sk).v1.storefront.wallet.$get({ query: { buyer_id: b } }), 200)).data.map((k) => k.state);
    expect(await wallet("b1")).toEqual(["available"]);
    // Three days on (test clock), b2's claim has lapsed: its refund marks the order but the claim stays used.
    await expectStatus(calls(t, s.sk).setClock({ now: at(3 * DAY) }), 200);
    await refunded(s, "b2", "o2");
    expect(await wallet("b2")).toEqual(["used"]);
    expect(await perf(s, c.id)).toMatchObject({ refunds: 2, claims: 2 });
    await expectBooksBalanced(c.id);
  });

  it("return_unit on a campaign: the code is available again, once", async () => {
    const s = await t.shop();
    const c = await create(s, promoBody({ quantity: undefined, unique_codes: { count: 3, length: 5 }, refund_policy: "return_unit" }));
    const code = (await expectStatus(v1(s).coupons[":id"].codes.$get({ param: { id: c.id }, query: { limit: "1" } }), 200)).data[0].code;
    await expectStatus(reserve(s, { code, buyer_id: "b1", order_id: "o1" }), 201);
    await paid(s, "b1", "o1");
    await expectBooksBalanced(c.id, true);
    await refunded(s, "b1", "o1");
    await refunded(s, "b1", "o1");
    const listed = await expectStatus(v1(s).coupons[":id"].codes.$get({ param: { id: c.id }, query: { state: "available" } }), 200);
    expect(listed.data.find((x) => x.code === code)).toEqual({ code, state: "available", order_id: null, redeemed_at: null });
    await expectBooksBalanced(c.id, true);
    await expectStatus(reserve(s, { code, buyer_id: "b2", order_id: "o2" }), 201);
    await expectBooksBalanced(c.id, true);
  });
});
