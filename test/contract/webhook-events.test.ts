/**
 * The OpenAPI document's `webhooks`: one entry per event type, whose body is what a receiver really gets.
 * A shop subscribed to every type makes each event happen through the API; the deliveries reach a real
 * receiver (node:http) and every body and its `Coupon-Signature` are validated with Ajv 2020 (strict)
 * against the document's entry for its type. A receiver typed from the document (`WebhookEvent` of
 * `edge-coupons/client`) reads them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Schemas, WebhookEvent } from "../../client/index.js";
import { verifySignature } from "../../client/index.js";
import { WEBHOOK_EVENT_TYPES } from "../../worker/contract/webhooks.js";
import { createNodePoster } from "../../worker/adapters/node/webhook-post.js";
import { deliverDue } from "../../worker/services/webhook-delivery.js";
import { calls, type CouponJson } from "../support/api.js";
import { at, cart, claimableBody, contractChecker, DAY, expectStatus, makeTestApp, promoBody, type TestApp } from "../support/app.js";
import { startReceiver, type Receiver } from "../support/webhook-receiver.js";

let t: TestApp;
let rx: Receiver;
beforeAll(async () => {
  t = await makeTestApp();
  rx = await startReceiver();
});
afterAll(() => rx.close());

/** What a storefront's receiver does with an event, typed from the document: each type's object. */
function summary(event: WebhookEvent): string {
  switch (event.type) {
    case "redemption.reserved":
    case "redemption.committed":
    case "redemption.released": {
      const redemption: Schemas["Redemption"] = event.data.object;
      return `${event.type} ${redemption.order_id} ${redemption.state}`;
    }
    case "claim.created":
      return `${event.type} ${event.data.object.buyer_id}`;
    case "review_coupon.issued":
      return `${event.type} ${event.data.object.order_id} ${event.data.object.product_id}`;
    default: {
      const coupon: Schemas["Coupon"] = event.data.object;
      return `${event.type} ${coupon.name}`;
    }
  }
}

describe("the document's webhooks", () => {
  it("describe every event type: its body (the API's shape of what changed) and the signature header", () => {
    const doc = contractChecker(t.app).doc;
    expect(Object.keys(doc.webhooks)).toEqual([...WEBHOOK_EVENT_TYPES]);
    for (const type of WEBHOOK_EVENT_TYPES) {
      const op = doc.webhooks[type].post;
      const body = doc.components.schemas[op.requestBody.content["application/json"].schema.$ref.split("/").pop()];
      expect(body.properties.type.enum, type).toEqual([type]);
      expect(body.required).toEqual(["id", "type", "created_at", "shop_id", "data"]);
      expect(op.parameters).toContainEqual(expect.objectContaining({ in: "header", name: "coupon-signature", required: true }));
      expect(op.security).toEqual([{ webhookSignature: [] }]);
    }
    expect(doc.components.securitySchemes.webhookSignature).toMatchObject({ type: "apiKey", in: "header", name: "Coupon-Signature" });
    expect(doc.components.schemas.RedemptionCommittedEvent.properties.data.properties.object).toEqual({
      $ref: "#/components/schemas/Redemption",
    });
  });

  it("match what a real receiver gets for each event type, and type a receiver", async () => {
    const s = await t.shop({ name: "Hooked" });
    const api = calls(t, s.sk);
    const endpoint = (await expectStatus(api.createEndpoint({ url: `${rx.url}/all`, events: [...WEBHOOK_EVENT_TYPES] }), 201))
      .webhook_endpoint;

    // coupon.created, coupon.updated; a one-unit code reserved (redemption.reserved, coupon.exhausted) and committed.
    const once = (await expectStatus(api.createCoupon(promoBody({ quantity: 1 })), 201)).coupon;
    await expectStatus(api.patchCoupon(once.id, { name: "Renamed once" }, once.version), 200);
    const order = { cart: cart([{ unit_price_minor: 4000 }]) };
    const first = await expectStatus(api.redeem({ ...order, code: once.code!, buyer_id: "b1", order_id: "o1" }), 201);
    await expectStatus(api.commit(first.redemption.id), 200);
    // redemption.released, coupon.deactivated.
    const other = (await expectStatus(api.createCoupon(promoBody({ quantity: 5 })), 201)).coupon;
    const second = await expectStatus(api.redeem({ ...order, code: other.code!, buyer_id: "b2", order_id: "o2" }), 201);
    await expectStatus(api.release(second.redemption.id), 200);
    await expectStatus(api.deactivate(other.id), 200);
    // claim.created; review_coupon.issued (with its claim.created).
    const regular = (await expectStatus(api.createCoupon(claimableBody("regular")), 201)).coupon;
    await expectStatus(api.claim(regular.id, { buyer_id: "b3" }), 201);
    const review = {
      ...claimableBody("regular"),
      type: "review",
      discount: { kind: "fixed", amount_minor: 300 },
      claim_starts_at: at(-DAY),
    } as CouponJson;
    await expectStatus(api.createCoupon(review), 201);
    await expectStatus(
      api.event({ id: "e-paid", type: "order.paid", occurred_at: at(-1000), buyer_id: "rb", order_id: "ro1", total_minor: 1000 }),
      200,
    );
    const reviewed = await expectStatus(
      api.event({
        id: "e-review",
        type: "review.approved",
        occurred_at: at(-1000),
        buyer_id: "rb",
        order_id: "ro1",
        product_id: "p2",
        word_count: 30,
        media_count: 1,
      }),
      200,
    );
    expect(reviewed.issued_claim).not.toBeNull();

    const deliveries = (await expectStatus(api.deliveries(endpoint.id, { limit: 100 }), 200)).data.length;
    while (rx.received.length < deliveries)
      if ((await deliverDue(t.db, { poster: createNodePoster(), clock: Date.now })).succeeded === 0) break;
    const got = rx.received.filter((r) => r.path === "/all");
    expect(new Set(got.map((r) => r.event.type))).toEqual(new Set(WEBHOOK_EVENT_TYPES));

    const checker = contractChecker(t.app);
    for (const r of got) {
      expect(checker.checkWebhook(r.headers, r.raw)).toEqual([]);
      expect(await verifySignature(endpoint.secret, String(r.headers["coupon-signature"]), r.raw, 300)).toBe(true);
    }
    const said = got.map((r) => summary(JSON.parse(r.raw) as WebhookEvent));
    expect(said).toEqual(
      expect.arrayContaining([
        "redemption.committed o1 committed",
        "claim.created b3",
        "review_coupon.issued ro1 p2",
        "coupon.updated Renamed once",
      ]),
    );
  });

  it("the check names what is wrong with a delivery", () => {
    const checker = contractChecker(t.app);
    const body = {
      id: "evt_1",
      type: "redemption.committed",
      created_at: "2026-12-01T00:00:00Z",
      shop_id: "shop_1",
      data: { object: { id: "cpn_1", name: "A coupon" } },
    };
    expect(checker.checkWebhook({ "coupon-signature": "t=1,v1=00" }, JSON.stringify(body)).join("\n")).toMatch(
      /webhook redemption\.committed: body does not match the document: \/data\/object must have required property/,
    );
    expect(checker.checkWebhook({}, JSON.stringify({ ...body, type: "coupon.created" })).join("\n")).toMatch(
      /required header coupon-signature is missing/,
    );
    expect(checker.checkWebhook({}, JSON.stringify({ ...body, type: "order.shipped" }))).toEqual([
      "a webhook of type order.shipped, which the document's webhooks do not describe",
    ]);
  });
});
