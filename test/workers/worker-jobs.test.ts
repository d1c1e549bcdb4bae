/**
 * The Worker in workerd beside worker.test.ts, for what runs beyond one request: campaign codes in one batch
 * over remote libSQL, the files the wrangler build step serves, and the Cron Trigger (reservation sweep,
 * webhook deliveries to a real receiver). Its own Hrana server, Worker (with --test-scheduled) and shop.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifySignature } from "../../worker/client/webhooks.js";
import { serverCalls } from "../support/api.js";
import { answer, expectStatus, problemOf } from "../support/app.js";
import type { HranaServer } from "../support/hrana-server.js";
import { startReceiver } from "../support/webhook-receiver.js";
import { call, iso, promo } from "./calls.js";
import { type DevWorker, startMigratedHrana, startWorker } from "./wrangler.js";

const ADMIN = "adm_worker_jobs_0123456789";
const DB_TOKEN = "hrana-secret-token";

let hrana: HranaServer;
let worker: DevWorker;
let sk: string;

beforeAll(async () => {
  hrana = await startMigratedHrana({ authToken: DB_TOKEN });
  worker = await startWorker({ DATABASE_URL: hrana.url, DATABASE_AUTH_TOKEN: DB_TOKEN, ADMIN_TOKEN: ADMIN }, ["--test-scheduled"]);
  const json = { name: "Edge Jobs", region: "US", currency: "USD", mode: "test" as const, allowed_origins: [], addon_coupons: false };
  sk = (await expectStatus(serverCalls(worker.url, ADMIN).createShop(json), 201)).secret_key;
}, 90_000);

afterAll(async () => {
  await worker?.stop();
  await hrana?.stop();
});

describe("the Worker in workerd: batches, built files and the Cron Trigger", () => {
  it("campaign codes over remote libSQL: 6,000 codes in one batch, listed as CSV, each used once; a budget and a refund that gives back", async () => {
    const api = serverCalls(worker.url, sk);
    const made = await expectStatus(
      api.createCoupon(
        promo({
          name: "Edge campaign",
          quantity: undefined,
          unique_codes: { count: 6_000, length: 6 },
          budget_minor: 1_000,
          refund_policy: "return_unit",
        }),
      ),
      201,
    );
    const id = made.coupon.id;
    // The CSV form of the list is outside the JSON contract: read as text.
    const csv = await call(worker, "GET", `/v1/coupons/${id}/codes`, sk, undefined, { accept: "text/csv" });
    const lines = String(csv.body).trim().split("\r\n");
    expect(lines[0]).toBe("code,state,order_id,redeemed_at");
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(6_000);
    const [a, b, c] = lines.slice(1, 4).map((l) => l.split(",")[0]);
    const cart = {
      currency: "USD",
      lines: [{ line_id: "1", product_id: "mug", quantity: 1, unit_price_minor: 3000, product_discount_minor: 0 }],
    };
    const redeem = (code: string, order: string) => answer(api.redeem({ code, buyer_id: "buyer-c", order_id: order, cart }));
    expect((await redeem(a, "camp-1")).body.redemption?.code).toBe(a);
    expect((await redeem(a, "camp-2")).body.code).toBe("quantity_exhausted");
    expect((await redeem(b, "camp-3")).status).toBe(201);
    expect((await redeem(c, "camp-4")).body.code).toBe("budget_exhausted");
    const order = { occurred_at: iso(-1000), buyer_id: "buyer-c", order_id: "camp-1" };
    await expectStatus(api.event({ id: "camp-paid", type: "order.paid", total_minor: 2500, ...order }), 200);
    await expectStatus(api.event({ id: "camp-refund", type: "order.refunded", ...order }), 200);
    expect((await redeem(c, "camp-5")).status).toBe(201);
    const perf = await expectStatus(api.performance(id), 200);
    expect(perf).toMatchObject({ redemptions: 1, refunds: 1, remaining_budget_minor: 0, remaining: 5_998 });
  }, 60_000);

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
      const api = serverCalls(worker.url, sk);
      const made = await expectStatus(api.createEndpoint({ url: `${rx.url}/edge`, events: ["coupon.created"] }), 201);
      const secret = made.webhook_endpoint.secret;
      rx.respond = (n) => (n === 0 ? 500 : 200);
      const coupon = await expectStatus(api.createCoupon(promo()), 201);
      const cron = async () => (await fetch(`${worker.url}/__scheduled?cron=*+*+*+*+*`)).arrayBuffer();
      await cron();
      await rx.waitFor((all) => all.length >= 1, 10_000);
      // Not due again until its backoff has passed on the shop clock: move the test clock past it.
      await rx.waitFor(() => /webhook deliveries \(\* \* \* \* \*\): 1 attempted/.test(worker.output()), 10_000);
      await cron();
      await new Promise((r) => setTimeout(r, 300));
      expect(rx.received).toHaveLength(1);
      await expectStatus(api.setClock({ now: new Date(Date.now() + 3_600_000).toISOString() }), 200);
      await cron();
      await rx.waitFor((all) => all.length >= 2, 10_000);
      const [first, second] = rx.received;
      expect(second.event.id).toBe(first.event.id);
      expect(second.event).toMatchObject({ type: "coupon.created", data: { object: { id: coupon.coupon.id } } });
      expect(await verifySignature(secret, String(second.headers["coupon-signature"]), second.raw, 300)).toBe(true);
      await expectStatus(api.setClock({ now: null }), 200);
    } finally {
      await rx.close();
    }
  });
});
