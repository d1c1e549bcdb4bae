/**
 * README "Webhooks", delivery, against a real receiver (node:http on 127.0.0.1): signed bodies that
 * `verifySignature` accepts (and refuses when tampered), retries with backoff on the shop's test clock
 * after 500s until a 2xx, `failed` after 24 hours, a manual retry, no redirect followed, deletion stopping
 * deliveries, an endpoint's events in order, and addresses a live shop may not reach refused at connect.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNodePoster } from "../../worker/adapters/node/webhook-post.js";
import { verifySignature } from "../../worker/client/webhooks.js";
import { deliverDue, retryDelayMs } from "../../worker/services/webhook-delivery.js";
import type { WebhookEventType } from "../../worker/contract/webhooks.js";
import { cart, DAY, expectStatus, HOUR, makeTestApp, MINUTE, promoBody, type ShopKeys, type TestApp } from "../support/app.js";
import { calls } from "../support/api.js";
import { startReceiver, type Receiver } from "../support/webhook-receiver.js";

let t: TestApp;
let rx: Receiver;
const poster = createNodePoster();
const pass = () => deliverDue(t.db, { poster, clock: Date.now });

beforeAll(async () => {
  t = await makeTestApp();
  rx = await startReceiver();
});
afterAll(() => rx.close());

async function hooked(events: WebhookEventType[], path = "/hook") {
  const s = await t.shop();
  const made = await expectStatus(calls(t, s.sk).createEndpoint({ url: rx.url + path, events }), 201);
  return { s, endpoint: made.webhook_endpoint };
}
const deliveries = async (s: ShopKeys, endpointId: string) => (await expectStatus(calls(t, s.sk).deliveries(endpointId), 200)).data;
const setClock = (s: ShopKeys, ms: number) => expectStatus(calls(t, s.sk).setClock({ now: new Date(ms).toISOString() }), 200);
/** A promo code made by the API (its `coupon.created` is what most of these tests deliver). */
const createPromo = async (s: ShopKeys, over: Parameters<typeof promoBody>[0] = {}) =>
  (await expectStatus(calls(t, s.sk).createCoupon(promoBody(over)), 201)).coupon;
/** A promo code active from `from` for a day, on a shop whose clock is frozen there. */
const promoFrom = (from: number, to = from + DAY) => ({
  active_starts_at: new Date(from).toISOString(),
  active_ends_at: new Date(to).toISOString(),
});
const at = (path: string) => rx.received.filter((r) => r.path === path);

describe("webhook delivery to a real receiver", () => {
  it("POSTs the event body signed with the endpoint's secret; verifySignature accepts it and refuses a tampered one", async () => {
    const { s, endpoint } = await hooked(["coupon.created"], "/signed");
    const made = await expectStatus(calls(t, s.sk).createCoupon(promoBody()), 201);
    expect((await pass()).succeeded).toBeGreaterThanOrEqual(1);
    const [got] = at("/signed");
    expect(got.headers["content-type"]).toBe("application/json");
    expect(got.event).toMatchObject({ type: "coupon.created", shop_id: s.id, data: { object: made.coupon } });
    expect(got.event.id).toMatch(/^evt_/);
    expect(Date.parse(got.event.created_at)).toBeGreaterThan(0);
    const header = String(got.headers["coupon-signature"]);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(await verifySignature(endpoint.secret, header, got.raw, 300)).toBe(true);
    // Tampered body, another secret, a replay outside the tolerance, no header: refused.
    expect(await verifySignature(endpoint.secret, header, got.raw.replace('"coupon.created"', '"coupon.updated"'), 300)).toBe(false);
    expect(await verifySignature(endpoint.secret, header, `${got.raw} `, 300)).toBe(false);
    expect(await verifySignature("whsec_other", header, got.raw, 300)).toBe(false);
    const t0 = Number(/t=(\d+)/.exec(header)![1]);
    expect(await verifySignature(endpoint.secret, header, got.raw, 300, t0 + 301)).toBe(false);
    expect(await verifySignature(endpoint.secret, header.replace(/t=\d+/, `t=${t0 + 1}`), got.raw, 300)).toBe(false);
    expect(await verifySignature(endpoint.secret, undefined, got.raw, 300)).toBe(false);
    const [d] = await deliveries(s, endpoint.id);
    expect(d).toMatchObject({
      event_id: got.event.id,
      type: "coupon.created",
      status: "succeeded",
      attempts: 1,
      last_status_code: 200,
      next_attempt_at: null,
    });
    // Another shop cannot see or retry it: 404, not 403.
    const other = await t.shop();
    expect((await expectStatus(calls(t, other.sk).retryDelivery(d.id), 404)).code).toBe("not_found");
    await expectStatus(calls(t, other.sk).deliveries(endpoint.id), 404);
  });

  it("retries after 500s with backoff on the shop's test clock until a 2xx; each attempt signed afresh", async () => {
    const { s, endpoint } = await hooked(["coupon.created"], "/flaky");
    const T = Date.parse("2030-01-01T00:00:00.000Z");
    await setClock(s, T);
    let hits = 0;
    rx.respond = (_, r) => (r.path === "/flaky" && ++hits <= 2 ? 500 : 200);
    await createPromo(s, promoFrom(T));

    await pass();
    let [d] = await deliveries(s, endpoint.id);
    expect(d).toMatchObject({ status: "pending", attempts: 1, last_status_code: 500 });
    const wait1 = Date.parse(d.next_attempt_at!) - T;
    expect(wait1).toBeGreaterThanOrEqual(15_000); // 30 s with jitter of up to half
    expect(wait1).toBeLessThanOrEqual(30_000);
    await pass(); // not due yet on the shop clock, even though real time moves on
    expect(at("/flaky")).toHaveLength(1);

    await setClock(s, T + 10 * MINUTE);
    await pass();
    [d] = await deliveries(s, endpoint.id);
    expect(d).toMatchObject({ status: "pending", attempts: 2, last_status_code: 500 });
    const wait2 = Date.parse(d.next_attempt_at!) - (T + 10 * MINUTE);
    expect(wait2).toBeGreaterThanOrEqual(30_000); // doubled: 60 s, jittered
    expect(wait2).toBeLessThanOrEqual(60_000);

    await setClock(s, T + 20 * MINUTE);
    await pass();
    [d] = await deliveries(s, endpoint.id);
    expect(d).toMatchObject({ status: "succeeded", attempts: 3, last_status_code: 200, next_attempt_at: null });
    const got = at("/flaky");
    expect(got).toHaveLength(3);
    expect(new Set(got.map((g) => g.event.id)).size).toBe(1); // the same event, three times
    for (const g of got) expect(await verifySignature(endpoint.secret, String(g.headers["coupon-signature"]), g.raw, 300)).toBe(true);
    rx.respond = () => 200;
  });

  it("gives up after 24 hours (failed); a manual retry sends it once more", async () => {
    const { s, endpoint } = await hooked(["coupon.created"], "/down");
    const T = Date.parse("2030-02-01T00:00:00.000Z");
    await setClock(s, T);
    rx.respond = (_, r) => (r.path === "/down" ? 503 : 200);
    await createPromo(s, promoFrom(T));
    await pass();
    // Jump to just before the window ends: the next attempt is capped at the window's end, then the last one fails.
    await setClock(s, T + DAY - 10_000);
    await pass();
    let [d] = await deliveries(s, endpoint.id);
    expect(d.status).toBe("pending");
    expect(Date.parse(d.next_attempt_at!)).toBe(T + DAY);
    await setClock(s, T + DAY);
    await pass();
    [d] = await deliveries(s, endpoint.id);
    expect(d).toMatchObject({ status: "failed", attempts: 3, last_status_code: 503, next_attempt_at: null });
    await setClock(s, T + 2 * DAY);
    await pass();
    expect(at("/down")).toHaveLength(3);

    rx.respond = () => 200;
    const retried = await expectStatus(calls(t, s.sk).retryDelivery(d.id), 200);
    expect(retried.webhook_delivery).toMatchObject({ id: d.id, status: "pending", next_attempt_at: new Date(T + 2 * DAY).toISOString() });
    await pass();
    [d] = await deliveries(s, endpoint.id);
    expect(d).toMatchObject({ status: "succeeded", attempts: 4, last_status_code: 200 });
    expect(at("/down")).toHaveLength(4);
  });

  it("a failing endpoint rests: one attempt per rest, the failed event first again; a manual retry ends the rest", async () => {
    const { s, endpoint } = await hooked(["coupon.created"], "/resting");
    const T = Date.parse("2030-04-01T00:00:00.000Z");
    await setClock(s, T);
    rx.respond = (_, r) => (r.path === "/resting" ? 500 : 200);
    for (let i = 0; i < 3; i++) await createPromo(s, promoFrom(T));
    const events = (await deliveries(s, endpoint.id)).reverse().map((d) => d.event_id); // oldest first
    await pass();
    await pass(); // the endpoint rests: the two waiting events are not sent to a receiver that just failed
    expect(at("/resting").map((g) => g.event.id)).toEqual([events[0]]);
    await setClock(s, T + 31_000); // past the first backoff (at most 30 s): the failed event goes first
    await pass();
    expect(at("/resting").map((g) => g.event.id)).toEqual([events[0], events[0]]);
    // The seller (receiver fixed) retries the third by hand: the rest ends, the waiting events go in order;
    // the first keeps its own backoff.
    const third = (await deliveries(s, endpoint.id)).find((d) => d.event_id === events[2])!;
    rx.respond = () => 200;
    await expectStatus(calls(t, s.sk).retryDelivery(third.id), 200);
    await pass();
    expect(at("/resting").map((g) => g.event.id)).toEqual([events[0], events[0], events[1], events[2]]);
    await setClock(s, T + 31_000 + 61_000);
    while ((await pass()).taken > 0);
    expect(at("/resting").map((g) => g.event.id)).toEqual([events[0], events[0], events[1], events[2], events[0]]);
    expect((await deliveries(s, endpoint.id)).map((d) => d.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
  });

  it("follows no redirect: a 302 is a failed attempt and its target receives nothing", async () => {
    const { s, endpoint } = await hooked(["coupon.created"], "/moved");
    rx.respond = (_, r) => (r.path === "/moved" ? { status: 302, headers: { location: `${rx.url}/target` } } : 200);
    await createPromo(s);
    await pass();
    const [d] = await deliveries(s, endpoint.id);
    expect(d).toMatchObject({ status: "pending", attempts: 1, last_status_code: 302 });
    expect(at("/target")).toHaveLength(0);
    rx.respond = () => 200;
  });

  it("deleting an endpoint stops its deliveries, pending ones included", async () => {
    const { s, endpoint } = await hooked(["coupon.created"], "/deleted");
    const T = Date.parse("2030-03-01T00:00:00.000Z");
    await setClock(s, T);
    rx.respond = (_, r) => (r.path === "/deleted" ? 500 : 200);
    await createPromo(s, promoFrom(T));
    await pass();
    expect(at("/deleted")).toHaveLength(1);
    await expectStatus(calls(t, s.sk).deleteEndpoint(endpoint.id), 200);
    rx.respond = () => 200;
    await setClock(s, T + HOUR);
    await createPromo(s, promoFrom(T + HOUR, T + DAY));
    await pass();
    expect(at("/deleted")).toHaveLength(1);
    const left = await t.client.execute({ sql: "SELECT count(*) AS n FROM webhook_deliveries WHERE endpoint_id = ?", args: [endpoint.id] });
    expect(Number(left.rows[0].n)).toBe(0);
  });

  it("sends an endpoint's events in the order they were written", async () => {
    const { s } = await hooked(["redemption.reserved", "redemption.committed", "coupon.created"], "/ordered");
    const promo = await createPromo(s);
    const api = calls(t, s.sk);
    for (let i = 0; i < 6; i++) {
      const r = await expectStatus(
        api.redeem({ buyer_id: `b${i}`, code: promo.code!, order_id: `o${i}`, cart: cart([{ unit_price_minor: 4000 }]) }),
        201,
      );
      await expectStatus(api.commit(r.redemption.id), 200);
    }
    while ((await pass()).taken > 0);
    const got = at("/ordered").map((g) => `${g.event.type}:${g.event.data.object.order_id ?? ""}`);
    const expected = ["coupon.created:"];
    for (let i = 0; i < 6; i++) expected.push(`redemption.reserved:o${i}`, `redemption.committed:o${i}`);
    expect(got).toEqual(expected);
  });

  it("the backoff doubles from 30 s to a 4-hour cap, jittered by up to half", () => {
    expect([1, 2, 3, 10, 20].map((n) => retryDelayMs(n, () => 1))).toEqual([30_000, 60_000, 120_000, 14_400_000, 14_400_000]);
    expect([1, 2].map((n) => retryDelayMs(n, () => 0))).toEqual([15_000, 30_000]);
  });
});

describe("addresses checked when connecting (the Node poster)", () => {
  const post = (p: ReturnType<typeof createNodePoster>, url: string, mode: "test" | "live") =>
    p.post({ url, headers: { "content-type": "application/json" }, body: "{}", mode, timeoutMs: 10_000 });

  it("refuses a name that resolves to loopback for a live shop, before connecting", async () => {
    const before = rx.received.length;
    // The name resolves to this machine's receiver (as a rebinding DNS answer would).
    const rebinding = createNodePoster({ resolve: async () => ["127.0.0.1"] });
    expect(await post(rebinding, `https://hooks.example.com:${rx.port}/x`, "live")).toEqual({ error: "url_refused" });
    expect(
      await post(
        createNodePoster({ resolve: async () => ["93.184.216.34", "10.0.0.1"] }),
        `https://hooks.example.com:${rx.port}/x`,
        "live",
      ),
    ).toEqual({
      error: "url_refused",
    });
    expect(await post(poster, `${rx.url}/x`, "live")).toEqual({ error: "url_refused" }); // http, and a loopback literal
    expect(rx.received.length).toBe(before);
    // The same resolver for a test shop: loopback is allowed, and the request reaches the receiver.
    expect(await post(rebinding, `http://hooks.example.com:${rx.port}/via-name`, "test")).toEqual({ status: 200 });
    expect(at("/via-name")).toHaveLength(1);
  });

  it("a live shop's loopback endpoint is refused at delivery too (a test shop's, once the shop is live)", async () => {
    const { s, endpoint } = await hooked(["coupon.created"], "/went-live");
    await t.client.execute({ sql: "UPDATE shops SET mode = 'live' WHERE id = ?", args: [s.id] });
    await createPromo(s);
    await pass();
    const [d] = await deliveries(s, endpoint.id);
    expect(d).toMatchObject({ status: "pending", attempts: 1, last_status_code: null, last_error: "url_refused" });
    expect(at("/went-live")).toHaveLength(0);
  });
});
