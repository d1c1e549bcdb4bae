/**
 * The Worker in the Workers runtime: `wrangler dev` (workerd, offline) running worker/index.ts against a
 * Hrana server over a real, migrated libSQL file, i.e. the production code path with `@libsql/client/web`.
 * The main API scenarios run here as they do on Node, including the R19 race through HTTP errors.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMigratedHrana, startWorker, type DevWorker } from "./wrangler.js";
import type { HranaServer } from "../support/hrana-server.js";
import { expectCsvOf } from "../support/csv.js";
import { httpCall } from "../support/http.js";
import { startReceiver } from "../support/webhook-receiver.js";
import { verifySignature } from "../../worker/client/webhooks.js";
import { serverCalls, type CouponJson } from "../support/api.js";
import { answer, expectStatus, problemOf } from "../support/app.js";

const ADMIN = "adm_worker_test_0123456789";
const DB_TOKEN = "hrana-secret-token";
// Low enough to reach quickly, above the 8 concurrent look-ups of the redemption race (in-flight look-ups
// hold a slot of the shop's bucket until they are refunded).
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

const call = (w: DevWorker, method: string, path: string, key?: string, body?: unknown, headers: Record<string, string> = {}) =>
  httpCall(w.url, key, method, path, body, headers);

const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const promo = (over: Partial<Extract<CouponJson, { type: "promo_code" }>> = {}): CouponJson => ({
  type: "promo_code",
  name: `Promo ${Math.random().toString(36).slice(2, 8)}`,
  discount: { kind: "fixed", amount_minor: 500 },
  min_spend_minor: 0,
  quantity: 100,
  active_starts_at: iso(-60_000),
  active_ends_at: iso(7 * 86_400_000),
  ...over,
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
    // The seller's server (secret key) counts in its own bucket: public guessing does not lock it out.
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
    const json: Record<string, unknown>[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page = await call(worker, "GET", `/v1/redemptions?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, sk);
      expect(page.status).toBe(200);
      json.push(...page.body.data);
      cursor = page.body.next_cursor;
    }
    expect(json.length).toBeGreaterThanOrEqual(4);
    const res = await fetch(`${worker.url}/v1/redemptions`, { headers: { authorization: `Bearer ${sk}`, accept: "text/csv" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="redemptions-/);
    expect(res.headers.get("content-length")).toBeNull();
    expectCsvOf(await res.text(), json, "workerd redemptions");

    // Another shop of the region with the same prefix (and a guessing budget not spent by the race above).
    const other = await call(worker, "POST", "/v1/shops", ADMIN, {
      name: "Edge Tools",
      region: "US",
      currency: "USD",
      mode: "test",
      allowed_origins: [],
      addon_coupons: false,
    });
    const sk2: string = other.body.secret_key;
    expect((await call(worker, "GET", "/v1/promo-codes/availability?code=race1", sk2)).body).toEqual({
      code: "EDGERACE1",
      available: false,
      reason: "promo_code_taken",
    });
    expect((await call(worker, "GET", "/v1/promo-codes/availability?code=FRESH1", sk2)).body).toEqual({
      code: "EDGEFRESH1",
      available: true,
    });
    const preview = await call(worker, "POST", "/v1/coupons/preview", sk2, promo({ code: "RACE1" }));
    expect([preview.status, preview.body.code]).toEqual([409, "promo_code_taken"]);
    const fine = await call(worker, "POST", "/v1/coupons/preview", sk2, promo({ quantity: 4 }));
    expect(fine.body).toMatchObject({ coupon: { id: null, estimated_spend_minor: 2000 }, addons: [], estimated_spend_minor: 2000 });
  });

  it("campaign codes over remote libSQL: 6,000 codes in one batch, listed as CSV, each used once; a budget and a refund that gives back", async () => {
    const made = await call(
      worker,
      "POST",
      "/v1/coupons",
      sk,
      promo({
        name: "Edge campaign",
        quantity: undefined,
        unique_codes: { count: 6_000, length: 6 },
        budget_minor: 1_000,
        refund_policy: "return_unit",
      }),
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const id = made.body.coupon.id;
    const csv = await call(worker, "GET", `/v1/coupons/${id}/codes`, sk, undefined, { accept: "text/csv" });
    const lines = String(csv.body).trim().split("\r\n");
    expect(lines[0]).toBe("code,state,order_id,redeemed_at");
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(6_000);
    const [a, b, c] = lines.slice(1, 4).map((l) => l.split(",")[0]);
    const cart = {
      currency: "USD",
      lines: [{ line_id: "1", product_id: "mug", quantity: 1, unit_price_minor: 3000, product_discount_minor: 0 }],
    };
    const redeem = (code: string, order: string) =>
      call(worker, "POST", "/v1/checkout/redemptions", sk, { code, buyer_id: "buyer-c", order_id: order, cart });
    expect((await redeem(a, "camp-1")).body.redemption.code).toBe(a);
    expect((await redeem(a, "camp-2")).body.code).toBe("quantity_exhausted");
    expect((await redeem(b, "camp-3")).status).toBe(201);
    expect((await redeem(c, "camp-4")).body.code).toBe("budget_exhausted");
    const event = (id: string, type: string, extra: Record<string, unknown>) =>
      call(worker, "POST", "/v1/events", sk, { id, type, occurred_at: iso(-1000), buyer_id: "buyer-c", order_id: "camp-1", ...extra });
    expect((await event("camp-paid", "order.paid", { total_minor: 2500 })).status).toBe(200);
    expect((await event("camp-refund", "order.refunded", {})).status).toBe(200);
    expect((await redeem(c, "camp-5")).status).toBe(201);
    const perf = await call(worker, "GET", `/v1/coupons/${id}/performance`, sk);
    expect(perf.body).toMatchObject({ redemptions: 1, refunds: 1, remaining_budget_minor: 0, remaining: 5_998 });
  }, 60_000);

  it("answers an unknown route with a 404 problem", async () => {
    const res = await call(worker, "GET", "/v1/nothing-here", sk);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(problemOf(res)).toMatchObject({ status: 404, code: "route_not_found" });
  });

  it("serves the widget and the modules beside it built by the wrangler build step; /demo is Node-only", async () => {
    const widget = await fetch(`${worker.url}/widget.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get("content-type")).toContain("text/javascript");
    const js = await widget.text();
    expect(js).toContain("promo-code-field");
    expect(js).toContain("coupon-list");
    expect(widget.headers.get("cache-control")).toContain("max-age=300");
    const etag = widget.headers.get("etag")!;
    expect((await fetch(`${worker.url}/widget.js`, { headers: { "if-none-match": etag } })).status).toBe(304);
    const manifest = await (await fetch(`${worker.url}/widget/manifest.json`)).json();
    const hashed = await fetch(worker.url + manifest.widget);
    expect(hashed.headers.get("cache-control")).toContain("immutable");
    expect(await hashed.text()).toBe(js);
    const de = await fetch(worker.url + manifest.locales.de);
    expect(de.status).toBe(200);
    expect(await de.text()).toContain(`from"../..${manifest.widget}"`);
    // <coupon-summary> is served beside the widget, under both names, importing the widget of its name.
    const summary = await fetch(`${worker.url}/widget/coupon-summary.js`);
    expect(summary.status).toBe(200);
    expect(summary.headers.get("etag")).toMatch(/"[0-9a-f]{24}"/);
    expect(await summary.text()).toContain('from"../widget.js"');
    const hashedSummary = await fetch(worker.url + manifest.components["coupon-summary"]);
    expect(hashedSummary.headers.get("cache-control")).toContain("immutable");
    expect(await hashedSummary.text()).toContain(`from"..${manifest.widget}"`);
    const demo = await call(worker, "GET", "/demo");
    expect(demo.status).toBe(404);
    expect(demo.headers.get("content-type")).toContain("application/problem+json");
    expect(problemOf(demo).detail).toContain("Node-only");
  });

  it("serves /docs with the viewer from the static assets directory (no other host), and the index page", async () => {
    const docs = await fetch(`${worker.url}/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await docs.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/docs\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets).toHaveLength(2);
    for (const path of assets) {
      const res = await fetch(worker.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toBe("public, max-age=31536000, immutable");
      expect((await res.arrayBuffer()).byteLength, path).toBeGreaterThan(100_000);
    }
    const index = await fetch(`${worker.url}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('href="/docs"');
    expect((await fetch(`${worker.url}/favicon.ico`)).headers.get("content-type")).toBe("image/svg+xml");
  });

  it("runs the reservation sweep on the Cron Trigger", async () => {
    const res = await fetch(`${worker.url}/__scheduled?cron=*+*+*+*+*`);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    const deadline = Date.now() + 5_000;
    while (!/reservation sweep \(\* \* \* \* \*\): \d+ released/.test(worker.output()) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(worker.output()).toMatch(/reservation sweep \(\* \* \* \* \*\): \d+ released/);
  });

  it("the Cron Trigger drains the webhook outbox: a signed event reaches a real receiver, a 500 is retried later", async () => {
    const rx = await startReceiver();
    try {
      const made = await call(worker, "POST", "/v1/webhook-endpoints", sk, { url: `${rx.url}/edge`, events: ["coupon.created"] });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const secret = made.body.webhook_endpoint.secret;
      rx.respond = (n) => (n === 0 ? 500 : 200);
      const coupon = await call(worker, "POST", "/v1/coupons", sk, promo());
      expect(coupon.status).toBe(201);
      const cron = async () => (await fetch(`${worker.url}/__scheduled?cron=*+*+*+*+*`)).arrayBuffer();
      await cron();
      await rx.waitFor((all) => all.length >= 1, 10_000);
      // Not due again until its backoff has passed on the shop clock: move the test clock past it.
      await rx.waitFor(() => /webhook deliveries \(\* \* \* \* \*\): 1 attempted/.test(worker.output()), 10_000);
      await cron();
      await new Promise((r) => setTimeout(r, 300));
      expect(rx.received).toHaveLength(1);
      await call(worker, "POST", "/v1/test-clock", sk, { now: new Date(Date.now() + 3_600_000).toISOString() });
      await cron();
      await rx.waitFor((all) => all.length >= 2, 10_000);
      const [first, second] = rx.received;
      expect(second.event.id).toBe(first.event.id);
      expect(second.event).toMatchObject({ type: "coupon.created", data: { object: { id: coupon.body.coupon.id } } });
      expect(await verifySignature(secret, String(second.headers["coupon-signature"]), second.raw, 300)).toBe(true);
      await call(worker, "POST", "/v1/test-clock", sk, { now: null });
    } finally {
      await rx.close();
    }
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
