/**
 * Real traffic against the OpenAPI document: a walk that calls every operation with valid requests
 * (the whole checkout, every seller route, each kind of caller) and the errors a client meets (401, 403,
 * 404, 409, 412, 413, 415, 422, 429), the seller tools' lists as CSV, campaign codes and webhook endpoints;
 * every exchange checked both ways with Ajv (test/support/contract.ts, which `makeTestApp` puts in front
 * of every suite). The walk must get a 2xx from every operation of the
 * document: a route added later is first tried with requests generated from its own schemas, and if
 * none is accepted, this test names it (add a step below).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  at,
  cart,
  contractChecker,
  DAY,
  makeTestApp,
  MINUTE,
  promoBody,
  bodyAs,
  type ShopKeys,
  type TestApp,
} from "../support/app.js";
import { operations, resolver, seedShop, valueFor, type Schema, type Seeded } from "../security/openapi-walk.js";
import { CouponAnswer } from "../../worker/contract/coupons.js";
import { EventResultSchema } from "../../worker/contract/events.js";
import { CreatedKeySchema } from "../../worker/contract/keys.js";
import { RedemptionAnswer } from "../../worker/contract/redemptions.js";
import { CreatedEndpointSchema, DeliveryPageSchema } from "../../worker/contract/webhooks.js";
import type { Exchange } from "../support/contract.js";

let t: TestApp;
let s: ShopKeys;
let seeded: Seeded;
let token: string;

beforeAll(async () => {
  t = await makeTestApp({ env: { RATE_LIMIT_FAILED_LOOKUPS: "3" } });
  s = await t.shop({ name: "Traffic", allowed_origins: ["https://shop.example"] });
  seeded = await seedShop(t, s);
  token = await s.token("buyer-walk");
});

/** Calls and asserts the status; the contract checker has already judged the exchange. */
async function expectCall(status: number, method: string, path: string, opts: Parameters<TestApp["call"]>[2] = {}) {
  const res = await t.call(method, path, opts);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)?.slice(0, 300)}`).toBe(status);
  return res;
}

describe("real traffic keeps the OpenAPI document", () => {
  it("the platform and the seller: shops, keys, the test clock, coupons of every type and what a seller reads", async () => {
    await expectCall(200, "GET", `/v1/shops/${s.id}`, { key: ADMIN });
    await expectCall(200, "PATCH", `/v1/shops/${s.id}`, {
      key: ADMIN,
      body: { allowed_origins: ["https://shop.example", "http://127.0.0.1:3000"] },
    });
    await expectCall(200, "POST", "/v1/test-clock", { key: s.sk, body: { now: null } });
    const key = await expectCall(201, "POST", "/v1/keys", { key: s.sk, body: { kind: "publishable" } });
    await expectCall(200, "GET", "/v1/keys?limit=2", { key: s.sk });
    await expectCall(200, "POST", `/v1/keys/${bodyAs(key, CreatedKeySchema).key.id}/revoke`, { key: s.sk });

    const { regular, chat, promo_code } = seeded.coupons;
    await expectCall(200, "GET", "/v1/coupons?type=promo_code&limit=5", { key: s.sk });
    const read = await t.call("GET", `/v1/coupons/${regular}`, { key: s.sk });
    expect(read.headers.get("etag")).toBe(`"${bodyAs(read, CouponAnswer).coupon.version}"`);
    await expectCall(200, "PATCH", `/v1/coupons/${regular}`, {
      key: s.sk,
      body: { name: "Walk renamed" },
      headers: { "if-match": read.headers.get("etag")! },
    });
    await expectCall(412, "PATCH", `/v1/coupons/${regular}`, { key: s.sk, body: { name: "Stale" }, headers: { "if-match": '"1"' } });
    await expectCall(201, "POST", `/v1/coupons/${promo_code}/duplicate`, {
      key: s.sk,
      body: { name: "Walk copy", active_starts_at: at(MINUTE), active_ends_at: at(5 * DAY) },
    });
    await expectCall(200, "POST", `/v1/coupons/${chat}/send`, { key: s.sk, body: { buyer_id: "buyer-walk" } });
    await expectCall(200, "GET", `/v1/coupons/${regular}/history`, { key: s.sk });
    await expectCall(200, "GET", `/v1/coupons/${regular}/performance`, { key: s.sk });
    await expectCall(200, "GET", "/v1/reviews", { key: s.sk });
    const event = {
      id: "evt-walk-1",
      type: "order.paid",
      occurred_at: at(-MINUTE),
      buyer_id: "buyer-old",
      order_id: "o-old",
      total_minor: 1000,
    };
    await expectCall(200, "POST", "/v1/events", { key: s.sk, body: event });
    await expectCall(200, "POST", "/v1/events", { key: s.sk, body: event }); // a replay: the first answer
    const review = await expectCall(200, "POST", "/v1/events", {
      key: s.sk,
      body: {
        id: "evt-walk-2",
        type: "review.approved",
        occurred_at: at(-MINUTE),
        buyer_id: "buyer-x",
        order_id: "o-x",
        product_id: "p1",
        word_count: 20,
        media_count: 1,
      },
    });
    expect(bodyAs(review, EventResultSchema).issued_claim).toBeNull(); // and review_label null: the document's enum must allow it
    await expectCall(200, "POST", `/v1/coupons/${seeded.coupons.review}/deactivate`, { key: s.sk });
  });

  it("the storefront and the whole checkout: list, claim, wallet, quote, reserve, commit, release", async () => {
    const buyer = { key: s.pk, headers: { "x-buyer-token": token, origin: "https://shop.example" } };
    await expectCall(200, "GET", "/v1/storefront/coupons?limit=10", buyer);
    await expectCall(200, "GET", "/v1/storefront/coupons", { key: s.pk }); // no buyer: buyer_required
    await expectCall(201, "POST", `/v1/storefront/coupons/${seeded.coupons.chat}/claim`, buyer);
    await expectCall(409, "POST", `/v1/storefront/coupons/${seeded.coupons.chat}/claim`, buyer); // already_claimed
    await expectCall(200, "GET", "/v1/storefront/wallet", buyer);
    await expectCall(200, "GET", `/v1/promo-codes/${seeded.code.toLowerCase()}`, { key: s.pk });
    const lines = cart([{ unit_price_minor: 2500 }, { unit_price_minor: 1200, quantity: 2 }]);
    // Defaults left out: product_discount_minor, shipping_minor, shipping_discount_minor, explain.
    const bare = { currency: "USD", lines: lines.lines.map(({ product_discount_minor: _, ...l }) => l) };
    await expectCall(200, "POST", "/v1/checkout/quote", { ...buyer, body: { cart: bare } });
    await expectCall(200, "POST", "/v1/checkout/quote", {
      key: s.sk,
      body: { buyer_id: "buyer-walk", code: seeded.code, explain: true, cart: lines },
    });

    const reserve = (order: string, body: object = {}) =>
      t.call("POST", "/v1/checkout/redemptions", {
        key: s.sk,
        body: { code: seeded.code, order_id: order, cart: lines, ...body },
        headers: { "idempotency-key": `walk-${order}` },
      });
    const first = await reserve("walk-1", { buyer_id: "buyer-w1" });
    expect(first.status).toBe(201);
    const id = bodyAs(first, RedemptionAnswer).redemption.id;
    await expectCall(200, "GET", `/v1/redemptions/${id}`, { key: s.sk });
    await expectCall(200, "POST", `/v1/redemptions/${id}/commit`, { key: s.sk });
    await expectCall(409, "POST", `/v1/redemptions/${id}/release`, { key: s.sk });
    const second = await t.call("POST", "/v1/checkout/redemptions", {
      key: s.sk,
      body: { coupon_id: seeded.coupons.chat, order_id: "walk-2", cart: lines },
      headers: { "x-buyer-token": token },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    await expectCall(200, "POST", `/v1/redemptions/${bodyAs(second, RedemptionAnswer).redemption.id}/release`, { key: s.sk });
    expect((await reserve("walk-3", { buyer_id: "buyer-w3", code: "NOPE99" })).status).toBe(409);
  });

  it("seller tools, campaign codes and webhooks: lists as JSON and as CSV attachments, the shop's own settings", async () => {
    const csv = { key: s.sk, headers: { accept: "text/csv" } };
    await expectCall(200, "GET", "/v1/promo-codes/availability?code=FRESH1", { key: s.sk });
    await expectCall(200, "POST", "/v1/coupons/preview", { key: s.sk, body: promoBody() });
    await expectCall(200, "GET", `/v1/coupons/${seeded.coupons.regular}/performance?from=2026-01-01&to=2026-02-01`, { key: s.sk });
    await expectCall(201, "POST", "/v1/keys", { key: s.sk, body: { kind: "publishable" } }); // a shop entry (key_created) in the log
    for (const list of ["/v1/redemptions", "/v1/claims", "/v1/audit"]) {
      await expectCall(200, "GET", `${list}?limit=5`, { key: s.sk });
      const file = await expectCall(200, "GET", list, csv);
      expect(file.headers.get("content-disposition"), list).toMatch(/^attachment/);
    }
    await expectCall(200, "PATCH", `/v1/shops/${s.id}`, { key: s.sk, body: { allowed_origins_add: ["https://other.example"] } });

    const campaign = await expectCall(201, "POST", "/v1/coupons", {
      key: s.sk,
      body: promoBody({
        quantity: undefined,
        unique_codes: { count: 5, length: 6 },
        budget_minor: 50_000,
        active_starts_at: at(DAY),
        active_ends_at: at(5 * DAY),
      }),
    });
    const campaignId = bodyAs(campaign, CouponAnswer).coupon.id;
    await expectCall(200, "GET", `/v1/coupons/${campaignId}/codes?state=available&limit=2`, { key: s.sk });
    await expectCall(200, "GET", `/v1/coupons/${campaignId}/codes`, csv);
    await expectCall(200, "POST", `/v1/coupons/${campaignId}/codes`, { key: s.sk, body: { codes: ["OWN123", "own123", "x"] } }); // codes are added while upcoming

    const endpoint = await expectCall(201, "POST", "/v1/webhook-endpoints", {
      key: s.sk,
      body: { url: "http://127.0.0.1:9/hooks", events: ["coupon.created"] },
    });
    const endpointId = bodyAs(endpoint, CreatedEndpointSchema).webhook_endpoint.id;
    await expectCall(201, "POST", "/v1/coupons", { key: s.sk, body: promoBody() }); // one delivery, written with the coupon
    await expectCall(200, "GET", "/v1/webhook-endpoints", { key: s.sk });
    const deliveries = bodyAs(
      await expectCall(200, "GET", `/v1/webhook-endpoints/${endpointId}/deliveries`, { key: s.sk }),
      DeliveryPageSchema,
    );
    expect(deliveries.data).toHaveLength(1);
    await expectCall(200, "POST", `/v1/webhook-deliveries/${deliveries.data[0].id}/retry`, { key: s.sk });
    await expectCall(200, "DELETE", `/v1/webhook-endpoints/${endpointId}`, { key: s.sk });
  });

  it("console sessions: sign in, who is signed in, a seller route through the cookie, sign out (each sets its cookie)", async () => {
    const sameOrigin = { origin: "http://localhost" };
    const signedIn = await expectCall(201, "POST", "/v1/console/sessions", { body: { secret_key: s.sk }, headers: sameOrigin });
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0];
    expect(cookie).toMatch(/^ec_console=/);
    const session = { headers: { ...sameOrigin, cookie } };
    await expectCall(200, "GET", "/v1/console/sessions/current", session);
    await expectCall(200, "GET", "/v1/coupons?limit=1", session);
    const out = await expectCall(204, "DELETE", "/v1/console/sessions/current", session);
    expect(out.headers.get("set-cookie")).toMatch(/^ec_console=;/);
  });

  it("the errors a client meets are the declared ones, problem+json with a listed code", async () => {
    await expectCall(401, "GET", "/v1/coupons");
    await expectCall(401, "GET", "/v1/storefront/wallet", { key: s.pk, headers: { "x-buyer-token": "not.a.token" } });
    await expectCall(403, "GET", "/v1/coupons", { key: s.pk });
    await expectCall(404, "GET", "/v1/coupons/cpn_nothing", { key: s.sk });
    await expectCall(404, "GET", "/v1/nothing-here", { key: s.sk });
    await expectCall(415, "POST", "/v1/checkout/quote", {
      key: s.sk,
      body: "a=1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    await expectCall(413, "POST", "/v1/coupons", { key: s.sk, body: "x".repeat(300 * 1024) });
    await expectCall(422, "POST", "/v1/checkout/quote", { key: s.sk, body: "{broken" });
    await expectCall(422, "POST", "/v1/checkout/quote", { key: s.sk, body: { cart: { currency: "USD", lines: [] } } });
    await expectCall(409, "POST", "/v1/coupons", { key: s.sk, body: { ...promoBody(), code: seeded.code.slice(s.code_prefix.length) } });
    // Failed look-ups past the limit: 429 with Retry-After (declared on every 429).
    let last = 200;
    for (let i = 0; i < 6 && last !== 429; i++) last = (await t.call("GET", `/v1/promo-codes/NOSUCH${i}`, { key: s.pk })).status;
    expect(last).toBe(429);
  });

  it("every operation of the document answered 2xx to a valid request (a new route: generated requests first)", async () => {
    const checker = contractChecker(t.app);
    const doc = (await t.call("GET", "/openapi.json")).body as Schema;
    const resolve = resolver(doc);
    const accepted = (method: string, path: string) => [...(checker.seen.get(`${method} ${path}`) ?? [])].some((st) => st < 300);
    for (const o of operations(doc)) {
      if (accepted(o.method, o.path)) continue;
      // Not in the walk above: requests generated from the route's schemas, with this shop's objects.
      const samples = fc.sample(
        fc.record({ body: o.body ? valueFor(o.body, resolve) : fc.constant(undefined), id: fc.constantFrom(...seeded.ids, seeded.code) }),
        { numRuns: 40, seed: 7 },
      );
      for (const sample of samples) {
        const path = o.path.replace(/{[^}]+}/g, encodeURIComponent(sample.id));
        const key = o.path.startsWith("/v1/shops") ? ADMIN : s.sk;
        if ((await t.call(o.method, path, { key, body: sample.body })).status < 300) break;
      }
    }
    const missing = operations(doc)
      .filter((o) => !accepted(o.method, o.path))
      .map((o) => `${o.method} ${o.path}`);
    expect(missing, "operations no valid request reached: add a step to test/contract/traffic.test.ts").toEqual([]);
  });
});

describe("the checker itself", () => {
  const exchange = (over: Partial<Exchange>): Exchange => ({
    method: "POST",
    url: "http://localhost/v1/checkout/quote",
    requestHeaders: new Headers({ "content-type": "application/json" }),
    requestBody: JSON.stringify({ cart: cart([{ unit_price_minor: 100 }]) }),
    status: 200,
    responseHeaders: new Headers({ "content-type": "application/json", "x-request-id": "req_1" }),
    responseBody: JSON.stringify({ subtotal_minor: 100, applied: null, best: null, candidates: [], total_minor: 100 }),
    ...over,
  });

  it("passes a good exchange and names what is wrong with a bad one", () => {
    const checker = contractChecker(t.app);
    expect(checker.check(exchange({}))).toEqual([]);
    const problems = (over: Partial<Exchange>) => checker.check(exchange(over)).join("\n");
    expect(problems({ status: 418 })).toMatch(/status 418 is not declared/);
    expect(problems({ responseBody: JSON.stringify({ subtotal_minor: 100 }) })).toMatch(/must have required property/);
    expect(problems({ responseHeaders: new Headers({ "content-type": "application/json" }) })).toMatch(/X-Request-Id is missing/);
    expect(problems({ responseHeaders: new Headers({ "content-type": "application/json", "x-request-id": "r", etag: '"1"' }) })).toMatch(
      /etag/,
    );
    expect(problems({ requestBody: JSON.stringify({ cart: cart([{ unit_price_minor: 100 }]), extra: 1 }) })).toMatch(
      /additional properties/,
    );
    expect(
      problems({
        status: 409,
        responseHeaders: new Headers({ "content-type": "application/problem+json", "x-request-id": "r" }),
        responseBody: JSON.stringify({ type: "t", title: "t", status: 409, code: "made_up_code", detail: "d" }),
      }),
    ).toMatch(/status 409 is not declared|not one of the \d+ values the document lists/);
    expect(
      problems({
        status: 422,
        responseHeaders: new Headers({ "content-type": "application/problem+json", "x-request-id": "r" }),
        responseBody: JSON.stringify({ type: "t", title: "t", status: 422, code: "made_up_code", detail: "d" }),
      }),
    ).toMatch(/\/code is not one of the \d+ values the document lists/);
  });
});
