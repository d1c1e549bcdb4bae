/**
 * R16: a review that earned a coupon is labelled "Verified purchase Incentivized Review", and the label is
 * stored with the review: `GET /v1/reviews` reads it back later, page by page, per review coupon.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { answer, at, DAY, expectStatus, makeTestApp, type ShopKeys, type TestApp } from "../support/app.js";
import { calls } from "../support/api.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

const LABEL = "Verified purchase Incentivized Review";
let n = 0;
const event = (s: ShopKeys, body: Record<string, unknown>) =>
  expectStatus(t.api(s.sk).v1.events.$post({ json: { id: `evt_${++n}`, occurred_at: at(-1000), ...body } as never }), 200);

async function reviewCoupon(s: ShopKeys, startsIn = -DAY) {
  const res = await answer(
    calls(t, s.sk).createCoupon({
      type: "review",
      name: `Review ${++n}`,
      discount: { kind: "fixed", amount_minor: 300 },
      quantity: 100,
      claim_starts_at: at(startsIn),
      claim_ends_at: at(startsIn + 40 * DAY),
      validity: { kind: "days_after_claim", days: 14 },
    }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.coupon!.id as string;
}

/** A paid order reviewed: qualifying (11 words, a picture) unless told otherwise. Returns the event's answer. */
async function reviewed(s: ShopKeys, buyer: string, order: string, product = "p1", words = 11) {
  await event(s, { type: "order.paid", buyer_id: buyer, order_id: order, total_minor: 1000 });
  return event(s, { type: "review.approved", buyer_id: buyer, order_id: order, product_id: product, word_count: words, media_count: 1 });
}
const list = (s: ShopKeys, query: { coupon_id?: string; limit?: string; cursor?: string } = {}) =>
  expectStatus(t.api(s.sk).v1.reviews.$get({ query }), 200);

describe("R16: incentivized reviews are stored with their label and listed", () => {
  it("each review that earned a coupon is listed, newest first, with its label and claim; one that did not is not", async () => {
    const s = await t.shop();
    const coupon = await reviewCoupon(s);
    const first = (await reviewed(s, "b1", "o1")) as { issued_claim: { id: string } | null; review_label: string | null };
    const second = (await reviewed(s, "b2", "o2", "p2")) as { issued_claim: { id: string } | null };
    await reviewed(s, "b3", "o3", "p1", 10); // 10 words: earns nothing (R13)
    expect(first.review_label).toBe(LABEL);

    const page = await list(s);
    expect(page.next_cursor).toBeNull();
    expect(page.data).toEqual([
      { order_id: "o2", product_id: "p2", buyer_id: "b2", claim_id: second.issued_claim!.id, label: LABEL, at: expect.any(String) },
      { order_id: "o1", product_id: "p1", buyer_id: "b1", claim_id: first.issued_claim!.id, label: LABEL, at: expect.any(String) },
    ]);
    expect((await list(s, { coupon_id: coupon })).data).toHaveLength(2);
  });

  it("pages by cursor without gaps or repeats, and filters by review coupon", async () => {
    const s = await t.shop();
    const early = await reviewCoupon(s);
    for (let i = 1; i <= 3; i++) await reviewed(s, `b${i}`, `early-${i}`);
    // R15: one review coupon at a time. The next one starts after the first ends (test clock moved there).
    const later = await reviewCoupon(s, 45 * DAY);
    await expectStatus(t.api(s.sk).v1["test-clock"].$post({ json: { now: at(46 * DAY) } }), 200);
    for (let i = 1; i <= 2; i++) await reviewed(s, `c${i}`, `later-${i}`);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(s, { limit: "2", ...(cursor ? { cursor } : {}) });
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((r) => r.order_id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["later-2", "later-1", "early-3", "early-2", "early-1"]);
    expect((await list(s, { coupon_id: early })).data.map((r) => r.order_id)).toEqual(["early-3", "early-2", "early-1"]);
    expect((await list(s, { coupon_id: later })).data.map((r) => r.order_id)).toEqual(["later-2", "later-1"]);
  });

  it("is the seller's: another shop sees none of them, even naming the coupon; a publishable key is 403", async () => {
    const s = await t.shop();
    const coupon = await reviewCoupon(s);
    await reviewed(s, "b1", "o1");
    const other = await t.shop();
    expect((await list(other)).data).toEqual([]);
    expect((await list(other, { coupon_id: coupon })).data).toEqual([]);
    const refused = await t.call("GET", "/v1/reviews", { key: s.pk });
    expect(refused.status).toBe(403);
    const bad = await t.call("GET", "/v1/reviews?cursor=nonsense", { key: s.sk });
    expect(bad.status).toBe(422);
  });
});
