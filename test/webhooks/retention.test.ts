/**
 * README "Webhooks", retention: a succeeded or failed delivery stays listed (and retryable) for 30 days after
 * its 24-hour window, then the sweep deletes it; a pending delivery is never deleted, however old.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNodePoster } from "../../worker/adapters/node/webhook-post.js";
import { deliverDue } from "../../worker/services/webhook-delivery.js";
import { DELIVERY_RETENTION_MS, sweepSettledDeliveries } from "../../worker/services/sweeper.js";
import { calls } from "../support/api.js";
import { DAY, expectStatus, makeTestApp, MINUTE, promoBody, type TestApp } from "../support/app.js";
import { type Receiver, startReceiver } from "../support/webhook-receiver.js";

let t: TestApp;
let rx: Receiver;
const poster = createNodePoster();

beforeAll(async () => {
  t = await makeTestApp();
  rx = await startReceiver();
});
afterAll(() => rx.close());

describe("webhook delivery retention", () => {
  it("deletes succeeded and failed deliveries 30 days after their window, keeps pending ones and younger ones", async () => {
    const s = await t.shop();
    const api = calls(t, s.sk);
    const T = Date.parse("2031-03-01T00:00:00.000Z");
    await expectStatus(api.setClock({ now: new Date(T).toISOString() }), 200);
    const endpoint = (await expectStatus(api.createEndpoint({ url: `${rx.url}/hook`, events: ["coupon.created"] }), 201)).webhook_endpoint;
    const promo = (n: number, from = T) =>
      expectStatus(
        api.createCoupon(
          promoBody({
            name: `Kept ${n}`,
            active_starts_at: new Date(from + MINUTE).toISOString(),
            active_ends_at: new Date(from + DAY).toISOString(),
          }),
        ),
        201,
      );
    // The first event is answered 200 (succeeded), the second 503 until its window ends (failed).
    rx.respond = (n) => (n === 0 ? 200 : 503);
    await promo(1);
    await promo(2);
    const pass = () => deliverDue(t.db, { poster, clock: Date.now });
    await pass();
    await expectStatus(api.setClock({ now: new Date(T + DAY).toISOString() }), 200);
    await pass();
    // A third event stays pending: the receiver is down and its window is still open when the sweep runs.
    await promo(3, T + DAY);
    const states = async () => (await expectStatus(api.deliveries(endpoint.id), 200)).data.map((d) => d.status).sort();
    expect(await states()).toEqual(["failed", "pending", "succeeded"]);

    const windowEnd = T + DAY; // the first two events' window ends here (created at T, 24 hours)
    expect(await sweepSettledDeliveries(t.db, windowEnd + DELIVERY_RETENTION_MS - 1)).toBe(0);
    expect(await states()).toEqual(["failed", "pending", "succeeded"]);
    expect(await sweepSettledDeliveries(t.db, windowEnd + DELIVERY_RETENTION_MS + 1)).toBe(2);
    expect(await states()).toEqual(["pending"]);
    // Years later the pending one is still there: only settled deliveries are deleted.
    expect(await sweepSettledDeliveries(t.db, T + 3650 * DAY)).toBe(0);
    expect(await states()).toEqual(["pending"]);
  });
});
