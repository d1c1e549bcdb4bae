/**
 * What a request costs at the edge, counted (README "A request at the edge"): the Worker in workerd
 * (`wrangler dev`, offline) reaches the Hrana server through a counting proxy, so each route's database
 * round trips are counted as Turso would see them, and its Durable Object calls are counted by the test
 * entry (test/workers/counting-entry.ts). Counts, not times: the property cannot regress silently. The
 * same plans run in process in test/edge/one-round-trip.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HranaServer } from "../support/hrana-server.js";
import { startHranaProxy, type HranaProxy } from "../support/hrana-proxy.js";
import { httpCall } from "../support/http.js";
import { signBuyerToken } from "../../worker/lib/jwt.js";
import { startMigratedHrana, startWorker, type DevWorker } from "./wrangler.js";

const ADMIN = "adm_round_trips_0123456789";
let hrana: HranaServer;
let proxy: HranaProxy;
let worker: DevWorker;

beforeAll(async () => {
  hrana = await startMigratedHrana();
  proxy = await startHranaProxy(hrana.url);
  worker = await startWorker({ DATABASE_URL: proxy.url, ADMIN_TOKEN: ADMIN }, [], "test/workers/counting-entry.ts");
}, 90_000);

afterAll(async () => {
  await worker?.stop();
  await proxy?.stop();
  await hrana?.stop();
});

const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const cart = { currency: "USD", lines: [{ line_id: "1", product_id: "mug", quantity: 1, unit_price_minor: 2500, product_discount_minor: 0 }], shipping_minor: 0, shipping_discount_minor: 0 };
const limiterCalls = async () => ((await (await fetch(`${worker.url}/__test/limiter-calls`)).json()) as { calls: number }).calls;

/** One request: its answer, the round trips it made (with their statements, for a failure message) and its limiter calls. */
async function counted(method: string, path: string, key: string, body?: unknown, headers: Record<string, string> = {}) {
  proxy.take();
  const calls = await limiterCalls();
  const res = await httpCall(worker.url, key, method, path, body, headers);
  const trips = proxy.take();
  return { ...res, trips: trips.length, sql: JSON.stringify(trips.map((t) => t.sql.map((s) => s.slice(0, 60)))), limiter: (await limiterCalls()) - calls };
}

describe("round trips per request on Workers (through the counting proxy)", () => {
  let sk: string;
  let pk: string;
  let code: string;
  let regular: string;
  let shopper: Record<string, string>;
  let secret: string;

  it("sets up a shop, a promo code and a claimable coupon", async () => {
    const shop = await httpCall(worker.url, ADMIN, "POST", "/v1/shops", { name: "Trips", region: "US", currency: "USD", mode: "live", allowed_origins: [], addon_coupons: false });
    expect(shop.status).toBe(201);
    ({ secret_key: sk, publishable_key: pk, buyer_token_secret: secret } = shop.body);
    const promo = await httpCall(worker.url, sk, "POST", "/v1/coupons", {
      type: "promo_code", name: "Ten", code: "TEN", discount: { kind: "fixed", amount_minor: 500 }, min_spend_minor: 0, quantity: 1000,
      per_customer_limit: 1, active_starts_at: iso(-60_000), active_ends_at: iso(7 * 86_400_000),
    });
    code = promo.body.coupon.code;
    const reg = await httpCall(worker.url, sk, "POST", "/v1/coupons", {
      type: "regular", name: "Claimable", discount: { kind: "fixed", amount_minor: 500 }, min_spend_minor: 0, quantity: 1000,
      claim_starts_at: iso(-60_000), claim_ends_at: iso(60 * 86_400_000), validity: { kind: "days_after_claim", days: 7 },
    });
    regular = reg.body.coupon.id;
    shopper = { "x-buyer-token": await signBuyerToken(secret, "shopper", Math.floor(Date.now() / 1000) + 3600) };
    // The publishable key, once, so this isolate knows its shop (as any isolate that has served the shop).
    expect((await httpCall(worker.url, pk, "GET", `/v1/promo-codes/${code}`)).body.valid).toBe(true);
  });

  it("look-up: one round trip, and no Durable Object call for a code that exists", async () => {
    for (let i = 0; i < 3; i++) {
      const r = await counted("GET", `/v1/promo-codes/${code}`, pk, undefined, { "cf-connecting-ip": `198.51.100.${i}` });
      expect(r.body.valid).toBe(true);
      expect(r.trips, r.sql).toBe(1);
      expect(r.limiter).toBe(0);
    }
    // A code that does not exist is counted: the client's counter, then the shop's.
    const miss = await counted("GET", `/v1/promo-codes/${code}NOPE`, pk);
    expect(miss.body).toEqual({ valid: false, reason: "code_not_found" });
    expect(miss.trips).toBe(1);
    expect(miss.limiter).toBe(2);
  });

  it("quote with a code and a buyer: one round trip, no Durable Object call", async () => {
    const r = await counted("POST", "/v1/checkout/quote", pk, { code, cart }, shopper);
    expect(r.body.applied.code).toBe(code);
    expect(r.trips, r.sql).toBe(1);
    expect(r.limiter).toBe(0);
  });

  it("redemption of a code: one round trip (the guarded write); commit: one", async () => {
    const r = await counted("POST", "/v1/checkout/redemptions", sk, { code, buyer_id: "b1", order_id: "o1", cart }, { "idempotency-key": "k1" });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.trips, r.sql).toBe(1);
    expect(r.limiter).toBe(0);
    const c = await counted("POST", `/v1/redemptions/${r.body.redemption.id}/commit`, sk);
    expect(c.body.redemption.state).toBe("committed");
    expect(c.trips, c.sql).toBe(1);
  });

  it("claim: two round trips (what the engine judges, then the guarded write)", async () => {
    const r = await counted("POST", `/v1/storefront/coupons/${regular}/claim`, pk, {}, shopper);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.trips, r.sql).toBe(2);
  });

  it("storefront list with a buyer, and the wallet: one round trip each", async () => {
    const list = await counted("GET", "/v1/storefront/coupons", pk, undefined, shopper);
    expect(list.body.data[0]).toMatchObject({ id: regular, claimable: false });
    expect(list.trips, list.sql).toBe(1);
    const wallet = await counted("GET", "/v1/storefront/wallet", pk, undefined, shopper);
    expect(wallet.body.data).toHaveLength(1);
    expect(wallet.trips, wallet.sql).toBe(1);
  });

  it("create coupon: one round trip, the created row coming back from the same batch", async () => {
    const r = await counted("POST", "/v1/coupons", sk, {
      type: "regular", name: "Made at the edge", discount: { kind: "fixed", amount_minor: 300 }, min_spend_minor: 0, quantity: 5,
      claim_starts_at: iso(-60_000), claim_ends_at: iso(60 * 86_400_000), validity: { kind: "days_after_claim", days: 7 },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.coupon).toMatchObject({ name: "Made at the edge", version: 1 });
    expect(r.trips, r.sql).toBe(1);
  });
});
