/**
 * R27 under real races: 200 parallel claims and 200 parallel redemptions of a coupon with quantity 25,
 * against a really started server on a file database, then against two server processes sharing that
 * one file. Exactly 25 win, the rest are 409 with a reason, nothing is a 5xx, and the counters kept beside
 * the rows equal the rows. Calls go through the typed client (`edge-coupons/client`), as a storefront's server makes them.
 */
import { createClient as createDbClient, type Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type EdgeCouponsClient, type RequestBody } from "../../client/index.js";
import { startServer, type StartedServer } from "../support/server.js";

let first: StartedServer;
let second: StartedServer | undefined;
let dbClient: Client;

beforeAll(async () => {
  first = await startServer();
  dbClient = createDbClient({ url: `file:${first.dbFile}` });
});
afterAll(async () => {
  dbClient?.close();
  await Promise.all([first?.stop(), second?.stop()]);
});

/** The seller's client of one server process. */
const clients = new Map<string, EdgeCouponsClient>();
const api = (base: string) => clients.get(base) ?? clients.set(base, createClient({ baseUrl: base, key: first.demo.secretKey })).get(base)!;

/** What a race tallies of an answer: its status and, for a refusal, its code. */
interface Outcome {
  status: number;
  code?: string;
}
const outcome = async (call: Promise<{ response: Response; error?: { code?: string } }>): Promise<Outcome> => {
  const { response, error } = await call;
  return { status: response.status, code: error?.code };
};

const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
let n = 0;

/** A coupon of the given kind, named afresh. */
async function createCoupon(body: RequestBody<"createCoupon">) {
  const res = await api(first.url).POST("/v1/coupons", {
    body: { ...body, name: `Race ${++n} ${Math.random().toString(36).slice(2, 7)}` },
  });
  expect(res.response.status, JSON.stringify(res.error)).toBe(201);
  return res.data!.coupon;
}
const regular = () =>
  createCoupon({
    name: "",
    type: "regular",
    discount: { kind: "fixed", amount_minor: 500 },
    claim_starts_at: iso(-60_000),
    claim_ends_at: iso(60 * 86_400_000),
    validity: { kind: "days_after_claim", days: 7 },
    quantity: 25,
  });
const promo = () =>
  createCoupon({
    name: "",
    type: "promo_code",
    code: `R${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    discount: { kind: "fixed", amount_minor: 500 },
    quantity: 25,
    active_starts_at: iso(-60_000),
    active_ends_at: iso(86_400_000),
  });

const CART: RequestBody<"quoteCheckout">["cart"] = {
  currency: "USD",
  lines: [{ line_id: "l1", product_id: "p1", quantity: 1, unit_price_minor: 4000 }],
};

function tally(results: Outcome[]) {
  const byStatus: Record<number, number> = {};
  const codes: Record<string, number> = {};
  for (const r of results) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    if (r.status >= 400) codes[r.code ?? "?"] = (codes[r.code ?? "?"] ?? 0) + 1;
  }
  return { byStatus, codes };
}

async function row(q: string, args: (string | number)[]) {
  return (await dbClient.execute({ sql: q, args })).rows[0] as unknown as Record<string, number>;
}

/** 200 buyers claim one coupon of quantity 25 at once, spread over the given servers. */
async function claimRace(bases: string[]) {
  const c = await regular();
  const results = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      outcome(
        api(bases[i % bases.length]).POST("/v1/storefront/coupons/{id}/claim", {
          params: { path: { id: c.id } },
          body: { buyer_id: `buyer-${n}-${i}` },
        }),
      ),
    ),
  );
  const { byStatus, codes } = tally(results);
  expect(byStatus, JSON.stringify({ byStatus, codes })).toEqual({ 201: 25, 409: 175 });
  expect(codes).toEqual({ quantity_exhausted: 175 });
  const counts = await row(
    "SELECT claimed_count AS counter, (SELECT count(*) FROM claims WHERE coupon_id = ?) AS rows FROM coupons WHERE id = ?",
    [c.id, c.id],
  );
  expect(counts).toMatchObject({ counter: 25, rows: 25 });
}

/** 200 buyers redeem one promo code of quantity 25 at once, each for their own order. */
async function redemptionRace(bases: string[]) {
  const c = await promo();
  const results = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      outcome(
        api(bases[i % bases.length]).POST("/v1/checkout/redemptions", {
          body: { code: c.code!, buyer_id: `buyer-${n}-${i}`, order_id: `order-${n}-${i}`, cart: CART },
        }),
      ),
    ),
  );
  const { byStatus, codes } = tally(results);
  expect(byStatus, JSON.stringify({ byStatus, codes })).toEqual({ 201: 25, 409: 175 });
  expect(codes).toEqual({ quantity_exhausted: 175 });
  const counts = await row(
    `SELECT reserved_count AS counter, used_count AS used,
       (SELECT count(*) FROM redemptions WHERE coupon_id = ? AND state = 'reserved') AS rows FROM coupons WHERE id = ?`,
    [c.id, c.id],
  );
  expect(counts).toMatchObject({ counter: 25, used: 0, rows: 25 });
}

/** One buyer's one claim redeemed for 20 orders at once: one order gets it. */
async function oneClaimManyOrders(bases: string[]) {
  const c = await regular();
  const buyer = `solo-${n}`;
  const claimed = await api(first.url).POST("/v1/storefront/coupons/{id}/claim", {
    params: { path: { id: c.id } },
    body: { buyer_id: buyer },
  });
  expect(claimed.response.status).toBe(201);
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      outcome(
        api(bases[i % bases.length]).POST("/v1/checkout/redemptions", {
          body: { coupon_id: c.id, buyer_id: buyer, order_id: `o-${n}-${i}`, cart: CART },
        }),
      ),
    ),
  );
  const { byStatus } = tally(results);
  expect(byStatus, JSON.stringify(tally(results))).toEqual({ 201: 1, 409: 19 });
  const counts = await row(
    `SELECT reserved_count AS counter, (SELECT count(*) FROM redemptions WHERE coupon_id = ?) AS rows,
       (SELECT state FROM claims WHERE coupon_id = ?) AS claim FROM coupons WHERE id = ?`,
    [c.id, c.id, c.id],
  );
  expect(counts).toMatchObject({ counter: 1, rows: 1, claim: "reserved" });
}

describe("R27: quantity holds under concurrency (one server process)", () => {
  it("200 parallel claims of a coupon with quantity 25: exactly 25 claims, counter = rows", async () => {
    await claimRace([first.url]);
  });
  it("200 parallel redemptions of a promo code with quantity 25: exactly 25 reservations, counter = rows", async () => {
    await redemptionRace([first.url]);
  });
  it("one claim redeemed for 20 orders at once is reserved once", async () => {
    await oneClaimManyOrders([first.url]);
  });
});

describe("R27: quantity holds under concurrency (two server processes, one database file)", () => {
  beforeAll(async () => {
    second = await startServer({ dbFile: first.dbFile });
  });
  it("200 parallel claims over two processes: exactly 25, no 5xx", async () => {
    await claimRace([first.url, second!.url]);
  });
  it("200 parallel redemptions over two processes: exactly 25, no 5xx", async () => {
    await redemptionRace([first.url, second!.url]);
  });
  it("one claim redeemed for 20 orders over two processes is reserved once", async () => {
    await oneClaimManyOrders([first.url, second!.url]);
  });
});
