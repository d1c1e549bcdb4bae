/**
 * What a request costs at the edge, counted (README "A request at the edge"): the Worker in workerd
 * (`wrangler dev`, offline) reaches the Hrana server through a counting proxy, so each route's database
 * round trips are counted as Turso would see them, and its Durable Object calls are counted by the test
 * entry (test/workers/counting-entry.ts). Counts, not times: the property cannot regress silently. The
 * same plans run in process in test/edge/one-round-trip.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientResponse } from "hono/client";
import type { HranaServer } from "../support/hrana-server.js";
import { startHranaProxy, type HranaProxy } from "../support/hrana-proxy.js";
import { serverCalls } from "../support/api.js";
import { answer, expectStatus } from "../support/app.js";
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
const cart = {
  currency: "USD",
  lines: [{ line_id: "1", product_id: "mug", quantity: 1, unit_price_minor: 2500, product_discount_minor: 0 }],
  shipping_minor: 0,
  shipping_discount_minor: 0,
};
const limiterCalls = async () => ((await (await fetch(`${worker.url}/__test/limiter-calls`)).json()) as { calls: number }).calls;
const api = (key: string, headers: Record<string, string> = {}) => serverCalls(worker.url, key, headers);

/** One request: its answer, the round trips it made (with their statements, for a failure message) and its limiter calls. */
async function counted<R extends ClientResponse<unknown, number, string>>(call: () => Promise<R>) {
  proxy.take();
  const calls = await limiterCalls();
  const res = await answer(call());
  const trips = proxy.take();
  return {
    ...res,
    trips: trips.length,
    sql: JSON.stringify(trips.map((t) => t.sql.map((s) => s.slice(0, 60)))),
    limiter: (await limiterCalls()) - calls,
  };
}

describe("round trips per request on Workers (through the counting proxy)", () => {
  let sk: string;
  let shopId: string;
  let pk: string;
  let code: string;
  let regular: string;
  let campaignCodes: string[];
  let endpoint: string;
  let shopper: Record<string, string>;

  it("sets up a shop, a promo code, a claimable coupon and a campaign with a budget", async () => {
    // A test shop, so its webhook endpoint may be a local address (nothing is delivered: no cron runs here).
    const shop = await expectStatus(
      api(ADMIN).createShop({ name: "Trips", region: "US", currency: "USD", mode: "test", allowed_origins: [], addon_coupons: false }),
      201,
    );
    ({ secret_key: sk, publishable_key: pk } = shop);
    shopId = shop.shop.id;
    endpoint = (await expectStatus(api(sk).createEndpoint({ url: "http://127.0.0.1:9/hook", events: ["redemption.reserved"] }), 201))
      .webhook_endpoint.id;
    const promo = await expectStatus(
      api(sk).createCoupon({
        type: "promo_code",
        name: "Ten",
        code: "TEN",
        discount: { kind: "fixed", amount_minor: 500 },
        min_spend_minor: 0,
        quantity: 1000,
        per_customer_limit: 1,
        active_starts_at: iso(-60_000),
        active_ends_at: iso(7 * 86_400_000),
      }),
      201,
    );
    code = promo.coupon.code!;
    const reg = await expectStatus(
      api(sk).createCoupon({
        type: "regular",
        name: "Claimable",
        discount: { kind: "fixed", amount_minor: 500 },
        min_spend_minor: 0,
        quantity: 1000,
        claim_starts_at: iso(-60_000),
        claim_ends_at: iso(60 * 86_400_000),
        validity: { kind: "days_after_claim", days: 7 },
      }),
      201,
    );
    regular = reg.coupon.id;
    const campaign = await expectStatus(
      api(sk).createCoupon({
        type: "promo_code",
        name: "Campaign",
        unique_codes: { count: 5, length: 8 },
        discount: { kind: "fixed", amount_minor: 400 },
        min_spend_minor: 0,
        budget_minor: 800,
        active_starts_at: iso(-60_000),
        active_ends_at: iso(7 * 86_400_000),
      }),
      201,
    );
    campaignCodes = (await expectStatus(api(sk).codes(campaign.coupon.id), 200)).data.map((c) => c.code);
    expect(campaignCodes).toHaveLength(5);
    shopper = { "x-buyer-token": await signBuyerToken(shop.buyer_token_secret, "shopper", Math.floor(Date.now() / 1000) + 3600) };
    // The publishable key, once, so this isolate knows its shop (as any isolate that has served the shop).
    expect((await expectStatus(api(pk).lookup(code), 200)).valid).toBe(true);
  });

  it("look-up: one round trip, and no Durable Object call for a code that exists", async () => {
    for (let i = 0; i < 3; i++) {
      const r = await counted(() => api(pk, { "cf-connecting-ip": `198.51.100.${i}` }).lookup(code));
      expect(r.body.valid).toBe(true);
      expect(r.trips, r.sql).toBe(1);
      expect(r.limiter).toBe(0);
    }
    // A campaign's code is found in the same one round trip (two statements of one batch).
    const one = await counted(() => api(pk).lookup(campaignCodes[0]));
    expect(one.body.valid).toBe(true);
    expect(one.trips, one.sql).toBe(1);
    expect(one.limiter).toBe(0);
    // A code that does not exist is counted: the client's counter, then the shop's.
    const miss = await counted(() => api(pk).lookup(`${code}NOPE`));
    expect(miss.body).toEqual({ valid: false, reason: "code_not_found" });
    expect(miss.trips).toBe(1);
    expect(miss.limiter).toBe(2);
  });

  it("quote with a code and a buyer: one round trip, no Durable Object call", async () => {
    const r = await counted(() => api(pk, shopper).quote({ code, cart }));
    expect(r.body.applied?.code).toBe(code);
    expect(r.trips, r.sql).toBe(1);
    expect(r.limiter).toBe(0);
  });

  it("redemption of a code: one round trip (the guarded write); commit: one", async () => {
    const r = await counted(() => api(sk).redeem({ code, buyer_id: "b1", order_id: "o1", cart }, "k1"));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.trips, r.sql).toBe(1);
    expect(r.limiter).toBe(0);
    const c = await counted(() => api(sk).commit(r.body.redemption!.id));
    expect(c.body.redemption?.state).toBe("committed");
    expect(c.trips, c.sql).toBe(1);
  });

  it("redemption of a campaign's code under a budget: one round trip each, with its outbox row; the budget and the code's state decided by that write", async () => {
    // Budget 800 at 400 a discount: two redemptions, each its own code; the third is refused by the budget.
    // Each code is quoted first, as a checkout does, so the isolate has read it (README "A request at the edge").
    for (let i = 0; i < 3; i++)
      expect((await expectStatus(api(sk).quote({ code: campaignCodes[i], cart }), 200)).applied?.discount_minor).toBe(400);
    for (let i = 0; i < 2; i++) {
      const r = await counted(() => api(sk).redeem({ code: campaignCodes[i], buyer_id: `cb${i}`, order_id: `co${i}`, cart }));
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.trips, r.sql).toBe(1);
      expect(r.limiter).toBe(0);
    }
    // The third code was quoted before the budget ran out: the write, not that read, refuses it.
    const refused = await answer(api(sk).redeem({ code: campaignCodes[2], buyer_id: "cb2", order_id: "co2", cart }));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("budget_exhausted");
    // A used campaign code is refused, whoever asks.
    const again = await answer(api(sk).redeem({ code: campaignCodes[0], buyer_id: "cb9", order_id: "co9", cart }));
    expect(again.status).toBe(409);
    // Each reservation's event was written by its own one-round-trip batch, and none for the refusals.
    const events = (await expectStatus(api(sk).deliveries(endpoint), 200)).data;
    expect(events.filter((d) => d.type === "redemption.reserved")).toHaveLength(3);
  });

  it("claim: two round trips (what the engine judges, then the guarded write)", async () => {
    const r = await counted(() => api(pk, shopper).claim(regular));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.trips, r.sql).toBe(2);
  });

  it("storefront list with a buyer, and the wallet: one round trip each", async () => {
    const list = await counted(() => api(pk, shopper).storefront());
    expect(list.body.data?.[0]).toMatchObject({ id: regular, claimable: false });
    expect(list.trips, list.sql).toBe(1);
    const wallet = await counted(() => api(pk, shopper).wallet());
    expect(wallet.body.data).toHaveLength(1);
    expect(wallet.trips, wallet.sql).toBe(1);
  });

  it("code availability (seller): one round trip, the key checked in its read", async () => {
    const free = await counted(() => api(sk).availability("FREE1"));
    expect(free.body).toMatchObject({ available: true });
    expect(free.trips, free.sql).toBe(1);
    expect(free.limiter).toBe(0);
  });

  it("create coupon: one round trip, the created row coming back from the same batch", async () => {
    const r = await counted(() =>
      api(sk).createCoupon({
        type: "regular",
        name: "Made at the edge",
        discount: { kind: "fixed", amount_minor: 300 },
        min_spend_minor: 0,
        quantity: 5,
        claim_starts_at: iso(-60_000),
        claim_ends_at: iso(60 * 86_400_000),
        validity: { kind: "days_after_claim", days: 7 },
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.coupon).toMatchObject({ name: "Made at the edge", version: 1 });
    expect(r.trips, r.sql).toBe(1);
  });

  it("seller routes: one round trip each, also once the isolate's 1 s trust in the key has lapsed (the key checked in the route's batch)", async () => {
    const lapse = () => new Promise((r) => setTimeout(r, 1_100));
    const seller = api(sk);
    /** One call after the isolate's fresh window lapsed: its 200 body, having made exactly one round trip. */
    const once = async <R extends ClientResponse<unknown, number, string>>(what: string, call: () => Promise<R>) => {
      await lapse();
      proxy.take();
      const body = await expectStatus(call(), 200);
      const trips = proxy.take();
      expect(trips.length, `${what}: ${JSON.stringify(trips.map((t) => t.sql.map((q) => q.slice(0, 60))))}`).toBe(1);
      return body;
    };
    expect((await once("shop", () => seller.readShop(shopId))).shop.id).toBe(shopId);
    expect((await once("keys", () => seller.listKeys())).data.length).toBeGreaterThanOrEqual(2);
    const coupon = (await once("coupon", () => seller.readCoupon(regular))).coupon;
    expect(coupon.id).toBe(regular);
    expect((await once("coupons", () => seller.listCoupons())).data.length).toBeGreaterThanOrEqual(3);
    const patched = await once("PATCH coupon", () => seller.patchCoupon(regular, { name: "Renamed at the edge" }, coupon.version));
    expect(patched.coupon).toMatchObject({ name: "Renamed at the edge", version: coupon.version + 1 });
    // An order's payment commits its reservation in the same one batch as the event.
    const reserved = await expectStatus(seller.redeem({ code, buyer_id: "payer", order_id: "paid-1", cart }, "k-paid-1"), 201);
    const paid = await once("order.paid", () =>
      seller.event({ id: "evt-paid-1", type: "order.paid", buyer_id: "payer", order_id: "paid-1", total_minor: 2000, occurred_at: iso(0) }),
    );
    expect(paid).toMatchObject({ type: "order.paid", processed: true });
    expect((await expectStatus(seller.redemption(reserved.redemption.id), 200)).redemption.state).toBe("committed");
    expect((await once("redemptions", () => seller.listRedemptions())).data.length).toBeGreaterThanOrEqual(1);
  });

  it("30 bad guesses from one client (the default limit) never block another shopper's valid code, which still waits on no Durable Object", async () => {
    const guesser = api(pk, { "cf-connecting-ip": "192.0.2.66" });
    for (let i = 0; i < 30; i++)
      expect((await answer(guesser.lookup(`${code}X${i}`))).body).toEqual({ valid: false, reason: "code_not_found" });
    expect((await answer(guesser.lookup(`${code}X30`))).status).toBe(429);
    expect((await answer(guesser.lookup(code))).status).toBe(429);
    const other = await counted(() => api(pk, { "cf-connecting-ip": "192.0.2.67" }).lookup(code));
    expect(other.body.valid).toBe(true);
    expect(other.trips, other.sql).toBe(1);
    expect(other.limiter).toBe(0);
    const quote = await counted(() => api(pk, { ...shopper, "cf-connecting-ip": "192.0.2.66" }).quote({ code, cart }));
    expect(quote.body.applied?.code).toBe(code); // a signed-in shopper behind that address counts as the buyer
    expect(quote.limiter).toBe(0);
  });
});
