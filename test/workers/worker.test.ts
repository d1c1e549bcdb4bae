/**
 * The Worker in the Workers runtime: `wrangler dev` (workerd, offline) running worker/index.ts against a
 * Hrana server over a real, migrated libSQL file, i.e. the production code path with `@libsql/client/web`.
 * The main API scenarios run here as they do on Node, including the R19 race through HTTP errors.
 * Campaign batches, the built files and the Cron Trigger: worker-jobs.test.ts.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMigratedHrana, startWorker, type DevWorker } from "./wrangler.js";
import type { HranaServer } from "../support/hrana-server.js";
import { expectCsvOf } from "../support/csv.js";
import { call, iso, promo } from "./calls.js";
import { serverCalls } from "../support/api.js";
import { answer, expectStatus, problemOf } from "../support/app.js";

const ADMIN = "adm_worker_test_0123456789";
const DB_TOKEN = "hrana-secret-token";
// Failed look-ups a minute per client: low enough to reach quickly.
const LOOKUP_LIMIT = 10;

let hrana: HranaServer;
let worker: DevWorker;
let noAdmin: DevWorker;

beforeAll(async () => {
  // The Hrana server checks the database token, as Turso does, so the Worker must pass DATABASE_AUTH_TOKEN.
  hrana = await startMigratedHrana({ authToken: DB_TOKEN });
  // The second Worker has no ADMIN_TOKEN: it must refuse to serve rather than run unprotected.
  [worker, noAdmin] = await Promise.all([
    startWorker(
      { DATABASE_URL: hrana.url, DATABASE_AUTH_TOKEN: DB_TOKEN, ADMIN_TOKEN: ADMIN, RATE_LIMIT_FAILED_LOOKUPS: String(LOOKUP_LIMIT) },
      ["--test-scheduled"],
    ),
    startWorker({ DATABASE_URL: hrana.url, DATABASE_AUTH_TOKEN: DB_TOKEN }),
  ]);
}, 90_000);

afterAll(async () => {
  await Promise.all([worker?.stop(), noAdmin?.stop()]);
  await hrana?.stop();
});

describe("the Worker in workerd over remote libSQL", () => {
  let sk: string;
  let pk: string;

  it("serves /health with a request id", async () => {
    const res = await call(worker, "GET", "/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("creates a shop with the ADMIN_TOKEN secret, and refuses another token", async () => {
    const json = { name: "Edge Mugs", region: "US", currency: "USD", mode: "test" as const, allowed_origins: [], addon_coupons: false };
    const shops = (key: string) => serverCalls(worker.url, key).createShop(json);
    await expectStatus(shops("adm_wrong_token_0123456789"), 401);
    const res = await expectStatus(shops(ADMIN), 201);
    expect(res.shop.code_prefix).toBe("EDGE");
    sk = res.secret_key;
    pk = res.publishable_key;
  });

  it("R18: creates a promo code, looks it up (case-insensitive) and quotes a cart with it", async () => {
    const created = await answer(
      serverCalls(worker.url, sk).createCoupon(
        promo({
          name: "Welcome 15%",
          code: "welcome",
          discount: { kind: "percent", percent_off: 15, max_discount_minor: 3000 },
          min_spend_minor: 2000,
        }),
      ),
    );
    expect(created.status).toBe(201);
    expect(created.body.coupon!.code).toBe("EDGEWELCOME");

    const looked = await answer(serverCalls(worker.url, pk).lookup("edgeWelcome"));
    expect(looked.status).toBe(200);
    expect(looked.body).toMatchObject({ valid: true, coupon: { name: "Welcome 15%", min_spend_minor: 2000 } });

    const quoted = await answer(
      serverCalls(worker.url, sk).quote({
        buyer_id: "buyer-42",
        code: "edgewelcome",
        cart: {
          currency: "USD",
          lines: [
            { line_id: "1", product_id: "mug", quantity: 2, unit_price_minor: 1200, product_discount_minor: 0 },
            { line_id: "2", product_id: "tee", quantity: 1, unit_price_minor: 2500, product_discount_minor: 500 },
          ],
          shipping_minor: 499,
          shipping_discount_minor: 0,
        },
      }),
    );
    expect(quoted.status).toBe(200);
    expect(quoted.body.subtotal_minor).toBe(4400);
    expect(quoted.body.applied).toMatchObject({ code: "EDGEWELCOME", discount_minor: 660 });
    expect(quoted.body.applied!.allocations.reduce((s, a) => s + a.discount_minor, 0)).toBe(660);
    expect(quoted.body.total_minor).toBe(4400 - 660 + 499);
  });

  it("R19 under a race through HTTP: concurrent creates of one code give one 201 and the rest 409", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => answer(serverCalls(worker.url, sk).createCoupon(promo({ name: `Race ${i}`, code: "RACE1" })))),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === "promo_code_taken")).toBe(true);
  });

  it("rate-limits failed look-ups by the client's cf-connecting-ip in the RateLimitCounter Durable Object (429 with Retry-After)", async () => {
    const headers = { "cf-connecting-ip": "203.0.113.9" };
    for (let i = 0; i < LOOKUP_LIMIT; i++) {
      const miss = await answer(serverCalls(worker.url, pk, headers).lookup(`EDGENOPE${i}`));
      expect(miss.body).toEqual({ valid: false, reason: "code_not_found" });
    }
    const blocked = await answer(serverCalls(worker.url, pk, headers).lookup("EDGEBLOCKED"));
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe("rate_limited");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // The blocked client is refused even for a code that exists; another client is not blocked.
    expect((await answer(serverCalls(worker.url, pk, headers).lookup("EDGEWELCOME"))).status).toBe(429);
    const other = await answer(serverCalls(worker.url, pk, { "cf-connecting-ip": "203.0.113.10" }).lookup("EDGEWELCOME"));
    expect(other.body.valid).toBe(true);
    // The seller's server (secret key) counts in its own buckets: public guessing does not lock it out.
    const found = await answer(serverCalls(worker.url, sk, headers).lookup("EDGEWELCOME"));
    expect(found.body.valid).toBe(true);
    // The counts live in Durable Object storage (shared by isolates), not in the isolate's memory.
    const doDir = join(worker.persistDir, "v3", "do");
    expect(existsSync(doDir) && readdirSync(doDir).some((d) => d.includes("RateLimitCounter"))).toBe(true);
  });

  it("R23: claims a coupon for a buyer, reserves it for an order (idempotently) and commits it", async () => {
    const coupon = await answer(
      serverCalls(worker.url, sk).createCoupon({
        type: "regular",
        name: "Edge regular",
        discount: { kind: "fixed", amount_minor: 500 },
        min_spend_minor: 0,
        claim_starts_at: iso(-60_000),
        claim_ends_at: iso(60 * 86_400_000),
        validity: { kind: "days_after_claim", days: 7 },
        quantity: 10,
      }),
    );
    expect(coupon.status).toBe(201);
    const id = coupon.body.coupon!.id;
    const claim = await answer(serverCalls(worker.url, sk).claim(id, { buyer_id: "buyer-7" }));
    expect(claim.status).toBe(201);
    expect(claim.body.claim).toMatchObject({ coupon_id: id, state: "available" });

    const body = {
      buyer_id: "buyer-7",
      order_id: "order-7",
      coupon_id: id,
      cart: {
        currency: "USD",
        lines: [{ line_id: "1", product_id: "mug", quantity: 1, unit_price_minor: 2000, product_discount_minor: 0 }],
        shipping_minor: 0,
        shipping_discount_minor: 0,
      },
    };
    const reserved = await expectStatus(serverCalls(worker.url, sk).redeem(body, "edge-order-7"), 201);
    expect(reserved.redemption).toMatchObject({ state: "reserved", discount_minor: 500 });
    const again = await expectStatus(serverCalls(worker.url, sk).redeem(body, "edge-order-7"), 201);
    expect(again.redemption.id).toBe(reserved.redemption.id);
    const committed = await expectStatus(serverCalls(worker.url, sk).commit(reserved.redemption.id), 200);
    expect(committed.redemption.state).toBe("committed");
  });

  it("R27 under a race through HTTP: 8 buyers redeem a code with 3 uses, exactly 3 are reserved", async () => {
    const created = await answer(serverCalls(worker.url, sk).createCoupon(promo({ name: "Three uses", code: "THREE", quantity: 3 })));
    expect(created.status).toBe(201);
    const cart = {
      currency: "USD",
      lines: [{ line_id: "1", product_id: "mug", quantity: 1, unit_price_minor: 2000, product_discount_minor: 0 }],
      shipping_minor: 0,
      shipping_discount_minor: 0,
    };
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        answer(
          serverCalls(worker.url, sk).redeem({ buyer_id: `racer-${i}`, order_id: `race-order-${i}`, code: "EDGETHREE", cart }, `race-${i}`),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(5);
    expect(refused.map((r) => [r.status, r.body.code])).toEqual(Array(5).fill([409, "quantity_exhausted"]));
  });

  it("seller tools in workerd: a CSV download streamed page by page equals the JSON list; availability and preview judge codes", async () => {
    // The redemptions made above, read as JSON two at a time; the CSV must hold the same rows in the same order.
    const api = serverCalls(worker.url, sk);
    const json: Record<string, unknown>[] = [];
    const pageAfter = (cursor: string | null) => expectStatus(api.listRedemptions(cursor ? { limit: "2", cursor } : { limit: "2" }), 200);
    for (let page = await pageAfter(null); ; page = await pageAfter(page.next_cursor)) {
      json.push(...page.data);
      if (!page.next_cursor) break;
    }
    expect(json.length).toBeGreaterThanOrEqual(4);
    const res = await fetch(`${worker.url}/v1/redemptions`, { headers: { authorization: `Bearer ${sk}`, accept: "text/csv" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="redemptions-/);
    expect(res.headers.get("content-length")).toBeNull();
    expectCsvOf(await res.text(), json, "workerd redemptions");

    // Another shop of the region with the same prefix (and a guessing budget not spent by the race above).
    const other = await expectStatus(
      serverCalls(worker.url, ADMIN).createShop({
        name: "Edge Tools",
        region: "US",
        currency: "USD",
        mode: "test",
        allowed_origins: [],
        addon_coupons: false,
      }),
      201,
    );
    const api2 = serverCalls(worker.url, other.secret_key);
    expect(await expectStatus(api2.availability("race1"), 200)).toEqual({
      code: "EDGERACE1",
      available: false,
      reason: "promo_code_taken",
    });
    expect(await expectStatus(api2.availability("FRESH1"), 200)).toEqual({ code: "EDGEFRESH1", available: true });
    expect((await expectStatus(api2.preview(promo({ code: "RACE1" })), 409)).code).toBe("promo_code_taken");
    const fine = await expectStatus(api2.preview(promo({ quantity: 4 })), 200);
    expect(fine).toMatchObject({ coupon: { id: null, estimated_spend_minor: 2000 }, addons: [], estimated_spend_minor: 2000 });
  });

  it("answers an unknown route with a 404 problem", async () => {
    const res = await call(worker, "GET", "/v1/nothing-here", sk);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(problemOf(res)).toMatchObject({ status: 404, code: "route_not_found" });
  });

  it("serves the seller console as on Node: the page from the Worker, its hashed scripts as static assets cached for good", async () => {
    const page = await fetch(`${worker.url}/console`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("cache-control")).toBe("no-cache");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    const entry = /\/console\/assets\/(console-[A-Z0-9]+\.js)/.exec(html)?.[1];
    expect(entry, html).toBeTruthy();
    const again = await fetch(`${worker.url}/console`, { headers: { "if-none-match": page.headers.get("etag")! } });
    expect(again.status).toBe(304);
    for (const name of [...html.matchAll(/\/console\/assets\/([\w.-]+\.js)/g)].map((m) => m[1])) {
      const js = await fetch(`${worker.url}/console/assets/${name}`);
      expect(js.status, name).toBe(200);
      expect(js.headers.get("content-type"), name).toContain("javascript");
      expect(js.headers.get("cache-control"), name).toBe("public, max-age=31536000, immutable");
      if (name === entry) expect(await js.text()).toContain("ec-coupon-list");
      else await js.arrayBuffer();
    }
    expect((await fetch(`${worker.url}/console/assets/nope.js`)).status).toBe(404);
  });

  it("opens console sessions in workerd too: the cookie acts as the secret key from the API's own origin only", async () => {
    const origin = new URL(worker.url).origin;
    const signIn = await call(worker, "POST", "/v1/console/sessions", undefined, { secret_key: sk }, { origin });
    expect(signIn.status).toBe(201);
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0];
    expect(signIn.headers.get("set-cookie")).toMatch(/HttpOnly/);
    const mine = await call(worker, "GET", "/v1/coupons", undefined, undefined, { cookie, "sec-fetch-site": "same-origin" });
    expect(mine.status).toBe(200);
    const foreign = await call(worker, "GET", "/v1/coupons", undefined, undefined, { cookie, origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
  });

  it("without the ADMIN_TOKEN secret, every request is a 500 problem naming it", async () => {
    for (const path of ["/health", "/v1/shops"]) {
      const res = await call(noAdmin, "GET", path);
      expect(res.status).toBe(500);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(problemOf(res)).toMatchObject({ status: 500, code: "misconfigured" });
      expect(problemOf(res).detail).toContain("ADMIN_TOKEN");
    }
  });
});
