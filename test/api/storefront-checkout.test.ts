/** The checkout quote over claimed coupons: the buyer's wallet as candidates, the best one, explain (R23, R24, R26). */
import { beforeAll, describe, expect, it } from "vitest";
import { at, cart, claimableBody, DAY, expectStatus, makeTestApp, promoBody, type ShopKeys, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

type Api = ReturnType<TestApp["api"]>["v1"];
type QuoteJson = Parameters<Api["checkout"]["quote"]["$post"]>[0]["json"];

const create = async (s: ShopKeys, body: Parameters<Api["coupons"]["$post"]>[0]["json"]) =>
  (await expectStatus(t.api(s.sk).v1.coupons.$post({ json: body }), 201)).coupon;
/** A regular coupon the buyer has claimed. */
async function claimed(s: ShopKeys, buyer: string, over: Parameters<typeof claimableBody<"regular">>[1] = {}) {
  const c = await create(s, claimableBody("regular", over));
  await expectStatus(t.api(s.sk).v1.storefront.coupons[":id"].claim.$post({ param: { id: c.id }, json: { buyer_id: buyer } }), 201);
  return c;
}
const quote = (s: ShopKeys, body: QuoteJson) => expectStatus(t.api(s.sk).v1.checkout.quote.$post({ json: body }), 200);
const codes = (cand?: { reasons: { code: string }[] }) => cand?.reasons.map((r) => r.code);

describe("quote over the buyer's claimed coupons", () => {
  it("R23, R26: every claimed coupon is a candidate; the largest discount applies, the others say one_seller_coupon_per_order", async () => {
    const s = await t.shop();
    const five = await claimed(s, "b1");
    const ten = await claimed(s, "b1", { discount: { kind: "percent", percent_off: 10 } });
    const far = await claimed(s, "b1", { min_spend_minor: 100_000 });
    const res = await quote(s, { buyer_id: "b1", cart: cart([{ unit_price_minor: 8000 }]) });
    expect(res.applied).toMatchObject({ coupon_id: ten.id, discount_minor: 800 });
    expect(res.best).toEqual({ coupon_id: ten.id, discount_minor: 800 });
    const byId = Object.fromEntries(res.candidates.map((c) => [c.coupon_id ?? "", c]));
    expect(Object.keys(byId).sort()).toEqual([five.id, ten.id, far.id].sort());
    expect(codes(byId[five.id])).toEqual(["one_seller_coupon_per_order"]);
    expect(byId[five.id].discount_minor).toBe(500);
    expect(codes(byId[far.id])).toEqual(["min_spend_not_met"]);
    expect(res.total_minor).toBe(8000 - 800);
  });

  it("R23: among equal discounts the claim expiring first applies", async () => {
    const s = await t.shop();
    await claimed(s, "b1", { validity: { kind: "days_after_claim", days: 20 } });
    const soon = await claimed(s, "b1", { validity: { kind: "days_after_claim", days: 3 } });
    await claimed(s, "b1", { validity: { kind: "days_after_claim", days: 10 } });
    const res = await quote(s, { buyer_id: "b1", cart: cart([{ unit_price_minor: 8000 }]) });
    expect(res.applied?.coupon_id).toBe(soon.id);
  });

  it("R23: a named code takes precedence over a better claimed coupon", async () => {
    const s = await t.shop({ name: "Named" });
    const big = await claimed(s, "b1", { discount: { kind: "fixed", amount_minor: 2000 } });
    await create(s, promoBody({ code: "SMALL" }));
    const res = await quote(s, { buyer_id: "b1", code: "namesmall", cart: cart([{ unit_price_minor: 8000 }]) });
    expect(res.applied).toMatchObject({ code: "NAMESMALL", discount_minor: 500 });
    expect(res.best).toEqual({ coupon_id: big.id, discount_minor: 2000 });
    const other = res.candidates.find((c) => c.coupon_id === big.id);
    expect(codes(other)).toEqual(["one_seller_coupon_per_order"]);
  });

  it("R24: a claimed coupon stacks with product-level and shipping discounts; min spend after product discounts", async () => {
    const s = await t.shop();
    await claimed(s, "b1", { discount: { kind: "fixed", amount_minor: 1000 }, min_spend_minor: 5000 });
    const c = {
      ...cart([{ unit_price_minor: 3000, quantity: 2, product_discount_minor: 1000 }]),
      shipping_minor: 600,
      shipping_discount_minor: 600,
    };
    const res = await quote(s, { buyer_id: "b1", cart: c });
    expect(res).toMatchObject({ subtotal_minor: 5000, total_minor: 5000 - 1000 + 600 - 600 });
    expect(res.applied?.discount_minor).toBe(1000);
    const short = await quote(s, { buyer_id: "b1", cart: { ...c, lines: [{ ...c.lines[0], product_discount_minor: 1001 }] } });
    expect(short.applied).toBeNull();
    expect(codes(short.candidates[0])).toEqual(["min_spend_not_met"]);
  });

  it("R26: explain adds the steps — subtotal, every candidate with its reasons, the choice and why, the spread, the total", async () => {
    const s = await t.shop();
    const a = await claimed(s, "b1");
    const b = await claimed(s, "b1", { scope: { kind: "products", product_ids: ["other"] } });
    const plain = await quote(s, { buyer_id: "b1", cart: cart([{ unit_price_minor: 4000 }]) });
    const res = await quote(s, { buyer_id: "b1", explain: true, cart: cart([{ unit_price_minor: 4000 }]) });
    const { trace, ...rest } = res;
    expect(rest).toEqual(plain);
    const steps = trace ?? [];
    expect(steps.map((x) => x.step)).toEqual(["subtotal", "candidate", "candidate", "chosen", "spread", "total"]);
    const cands = steps.filter((x) => x.step === "candidate").map((x) => x.detail);
    expect(cands.find((d) => d.coupon_id === b.id)?.reasons).toEqual(["no_items_in_scope"]);
    expect(steps.find((x) => x.step === "chosen")?.detail).toMatchObject({ coupon_id: a.id, why: expect.any(String) });
  });

  it("claims that cannot be used say why: reserved for another order, expired, deactivated; a lapsed reservation gives the claim back", async () => {
    const s = await t.shop();
    const reserved = await claimed(s, "b1");
    const lapsed = await claimed(s, "b1", { validity: { kind: "days_after_claim", days: 1 } });
    const off = await claimed(s, "b1");
    const v1 = t.api(s.sk).v1;
    const order = { buyer_id: "b1", coupon_id: reserved.id, order_id: "o1", cart: cart([{ unit_price_minor: 4000 }]) };
    await expectStatus(v1.checkout.redemptions.$post({ json: order, header: {} }), 201);
    await expectStatus(v1.coupons[":id"].deactivate.$post({ param: { id: off.id }, header: {} }), 200);
    const now = await quote(s, { buyer_id: "b1", cart: cart([{ unit_price_minor: 4000 }]) });
    const reasonsNow = Object.fromEntries(now.candidates.map((c) => [c.coupon_id ?? "", codes(c)]));
    expect(reasonsNow[reserved.id]).toEqual(["not_claimed"]);
    expect(reasonsNow[off.id]).toContain("deactivated");
    expect(now.applied?.coupon_id).toBe(lapsed.id);

    await expectStatus(v1["test-clock"].$post({ json: { now: at(2 * DAY) } }), 200);
    const later = await quote(s, { buyer_id: "b1", cart: cart([{ unit_price_minor: 4000 }]) });
    const reasonsLater = Object.fromEntries(later.candidates.map((c) => [c.coupon_id ?? "", codes(c)]));
    expect(reasonsLater[lapsed.id]).toEqual(["claim_expired"]);
    // The reservation has lapsed on the shop clock (R27): that claim is available again and applies.
    expect(later.applied?.coupon_id).toBe(reserved.id);
  });
});
