/**
 * Guessing promo codes (README "Security and durability"): failed look-ups are rate limited per buyer or client
 * address (429 with Retry-After, limit from RATE_LIMIT_FAILED_LOOKUPS) under a shop-wide ceiling far above
 * it (RATE_LIMIT_SHOP_FAILED_LOOKUPS, 20× by default), found codes never count, a blocked client is refused
 * even for a code that exists, and to a publishable key a code that is not live is indistinguishable from
 * one that never existed. (A seller's `promo_code_taken` answers count too: code-probing.test.ts.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MemoryRateLimiter, type GuessLimiter } from "../../worker/lib/rate-limit.js";
import { answer, at, cart, DAY, makeTestApp, MINUTE, promoBody, type ShopKeys, type TestApp } from "../support/app.js";
import { calls, type QuoteJson } from "../support/api.js";

const LIMIT = 4;
let t: TestApp;
let roomy: TestApp; // the default budget (30), for tests that are not about the limit
let realNow = Date.now();
beforeAll(async () => {
  roomy = await makeTestApp();
  t = await makeTestApp({ env: { RATE_LIMIT_FAILED_LOOKUPS: String(LIMIT) } });
  // The host tells the app the client's address; here a header stands in for the socket.
  t.config.clientAddress = (c) => c.req.header("x-test-client");
  // Rate limits use real time: a settable clock lets the test end a window without waiting a minute.
  realNow = Date.now();
  t.config.now = () => realNow;
});

const lookupIn = (app: TestApp, s: ShopKeys, code: string, client = "1.1.1.1", key = s.pk, origin?: string) =>
  answer(calls(app, key, { "x-test-client": client, ...(origin ? { origin } : {}) }).lookup(code));
const quoteIn = (app: TestApp, s: ShopKeys, code: string, client = "1.1.1.1", key = s.pk, extra: Partial<QuoteJson> = {}) =>
  answer(
    calls(app, key, { "x-test-client": client }).quote({ code, cart: cart([{ unit_price_minor: 2000, product_id: "p1" }]), ...extra }),
  );

const lookup = (s: ShopKeys, ...rest: [string, string?, string?, string?]) => lookupIn(t, s, ...rest);
const quote = (s: ShopKeys, ...rest: [string, string?, string?]) => quoteIn(t, s, ...rest);

async function makeCode(s: ShopKeys, body: Record<string, unknown>, app = t) {
  const res = await answer(calls(app, s.sk).createCoupon(promoBody(body)));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.coupon;
}

describe("code_not_found hides a code's state from publishable keys", () => {
  it("unknown, not yet started, ended and deactivated codes answer alike; the secret key sees the truth", async () => {
    const s = await roomy.shop({ name: "Hide" });
    const clock = Date.now();
    await roomy.call("POST", "/v1/test-clock", { key: s.sk, body: { now: new Date(clock).toISOString() } });
    await makeCode(s, { code: "LATER", active_starts_at: at(2 * DAY, clock), active_ends_at: at(5 * DAY, clock) }, roomy);
    await makeCode(s, { code: "OVER", active_starts_at: at(-MINUTE, clock), active_ends_at: at(DAY, clock) }, roomy);
    const off = await makeCode(s, { code: "OFF", active_starts_at: at(-MINUTE, clock), active_ends_at: at(20 * DAY, clock) }, roomy);
    expect((await roomy.call("POST", `/v1/coupons/${off!.id}/deactivate`, { key: s.sk })).status).toBe(200);
    // A day and a half on: LATER has not started yet, OVER has ended, OFF was deactivated.
    await roomy.call("POST", "/v1/test-clock", { key: s.sk, body: { now: new Date(clock + 1.5 * DAY).toISOString() } });

    const unknown = await lookupIn(roomy, s, "HIDENEVER", "10.0.0.1");
    expect(unknown.body).toEqual({ valid: false, reason: "code_not_found" });
    const unknownQuote = (await quoteIn(roomy, s, "HIDENEVER", "10.0.0.2")).body;
    // Alike but for the typed code itself, which the answer repeats.
    const scrub = (q: unknown, code: string) => JSON.parse(JSON.stringify(q).replaceAll(code.toUpperCase(), "<code>"));
    for (const code of ["HIDELATER", "HIDEOVER", "HIDEOFF", "hideoff"]) {
      const res = await lookupIn(roomy, s, code, "10.0.0.1");
      expect(res.status).toBe(200);
      expect(res.body, code).toEqual(unknown.body);
      const q = await quoteIn(roomy, s, code, "10.0.0.2");
      expect(q.status).toBe(200);
      expect(scrub(q.body, code), code).toEqual(scrub(unknownQuote, "HIDENEVER"));
      expect(q.body.candidates![0]).toMatchObject({ coupon_id: null, applicable: false, reasons: [{ code: "code_not_found" }] });
    }
    // The seller's own server sees each code's true state.
    const truth = { HIDELATER: "not_started", HIDEOVER: "expired", HIDEOFF: "deactivated" };
    for (const [code, reason] of Object.entries(truth)) {
      expect((await lookupIn(roomy, s, code, "10.0.0.3", s.sk)).body).toMatchObject({ valid: false, reason });
      const q = await quoteIn(roomy, s, code, "10.0.0.3", s.sk);
      expect(q.body.candidates![0].reasons.map((r) => r.code)).toContain(reason);
    }
  });

  it("a live code shows its terms and its real reasons (minimum spend, scope) to publishable keys", async () => {
    const s = await roomy.shop({ name: "Live" });
    await makeCode(s, { code: "BIG", min_spend_minor: 5000 }, roomy);
    await makeCode(s, { code: "MUGS", scope: { kind: "products", product_ids: ["mug"] } }, roomy);
    const big = await lookupIn(roomy, s, "LIVEBIG", "10.0.1.1");
    expect(big.body).toMatchObject({ valid: true, coupon: { min_spend_minor: 5000 } });
    expect((await quoteIn(roomy, s, "LIVEBIG", "10.0.1.1")).body.candidates![0].reasons.map((r) => r.code)).toEqual(["min_spend_not_met"]);
    expect((await quoteIn(roomy, s, "LIVEMUGS", "10.0.1.1")).body.candidates![0].reasons.map((r) => r.code)).toEqual(["no_items_in_scope"]);
  });
});

describe("rate limiting failed look-ups", () => {
  it("429 with Retry-After past the limit; found codes never count; the window ends after a minute", async () => {
    const s = await t.shop({ name: "Limit", allowed_origins: ["https://shop.example"] });
    await makeCode(s, { code: "REAL" });
    for (let i = 0; i < LIMIT; i++) {
      // Hits on a live code, before and between the failures, are free.
      const hit = await lookup(s, "LIMIREAL");
      expect(hit.body.valid, JSON.stringify(hit.body)).toBe(true);
      expect((await quote(s, "LIMIREAL")).body.applied).not.toBeNull();
      expect((await lookup(s, `LIMINO${i}X`)).status).toBe(200);
    }
    const blocked = await lookup(s, "LIMIGUESS", "1.1.1.1", s.pk, "https://shop.example");
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ status: 429, code: "rate_limited" });
    expect(blocked.headers.get("content-type")).toMatch(/application\/problem\+json/);
    const retry = Number(blocked.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    // A browser may read it: the allowed origin and the exposed header.
    expect(blocked.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    expect(blocked.headers.get("access-control-expose-headers")).toMatch(/retry-after/i);
    // The quote with a typed code is limited the same way; a quote without a code never is.
    expect((await quote(s, "LIMIGUESS")).status).toBe(429);
    expect((await answer(calls(t, s.pk).quote({ cart: cart([{ unit_price_minor: 100 }]) }))).status).toBe(200);

    // The blocked client is refused even for a code that exists: a 429 tells a guesser nothing.
    expect((await lookup(s, "LIMIREAL")).status).toBe(429);
    expect((await quote(s, "LIMIREAL")).status).toBe(429);
    // Per client: another address of the same shop is not blocked, for codes found or not …
    expect((await lookup(s, "LIMIREAL", "2.2.2.2")).body.valid).toBe(true);
    expect((await lookup(s, "LIMIGUESS", "2.2.2.2")).status).toBe(200);
    // … nor is another shop, nor the seller's own server (its own buckets).
    const other = await t.shop({ name: "Elsewhere" });
    expect((await lookup(other, "ELSEGUESS")).status).toBe(200);
    expect((await lookup(s, "LIMIGUESS", "1.1.1.1", s.sk)).status).toBe(200);

    realNow += 61_000;
    expect((await lookup(s, "LIMIGUESS")).status).toBe(200);
    expect((await lookup(s, "LIMIREAL")).body.valid).toBe(true);
  });

  it("counts per buyer (by token) or else per client address, the address from the host only, then the shop's ceiling", async () => {
    // A recording wrapper around the real limiter shows which buckets each failed look-up counts in.
    const counted: string[][] = [];
    const inner = new MemoryRateLimiter();
    const app = await makeTestApp();
    app.config.rateLimiter = {
      known: (buckets, now) => inner.known(buckets, now),
      countFailure: (buckets, now) => {
        counted.push(buckets.map((b) => `${b.key} ≤ ${b.limit}`));
        return inner.countFailure(buckets, now);
      },
    };
    app.config.clientAddress = () => "203.0.113.7"; // what the socket (or Cloudflare) says
    const s = await app.shop({ name: "Each" });
    // A spoofed header does not choose the address.
    await answer(calls(app, s.pk, { "cf-connecting-ip": "198.51.100.1" }).lookup("EACHNOPE"));
    expect(counted.splice(0)).toEqual([[`shop:${s.id}:publishable:addr:203.0.113.7 ≤ 30`, `shop:${s.id}:publishable ≤ 600`]]);
    // A buyer known by token is counted as that buyer, wherever the request comes from.
    await answer(
      calls(app, s.pk, { "x-buyer-token": await s.token("alice") }).quote({ code: "EACHNOPE", cart: cart([{ unit_price_minor: 100 }]) }),
    );
    expect(counted.splice(0)).toEqual([[`shop:${s.id}:publishable:buyer:alice ≤ 30`, `shop:${s.id}:publishable ≤ 600`]]);
    // The seller's server counts in its own buckets; a found code counts nowhere.
    await answer(calls(app, s.sk).quote({ buyer_id: "bob", code: "EACHNOPE", cart: cart([{ unit_price_minor: 100 }]) }));
    expect(counted.splice(0)).toEqual([[`shop:${s.id}:secret:buyer:bob ≤ 30`, `shop:${s.id}:secret ≤ 600`]]);
    const there = await makeCode(s, { code: "THERE" }, app);
    expect((await answer(calls(app, s.pk).lookup(there!.code!))).body.valid).toBe(true);
    expect(counted).toEqual([]);
  });

  it("a concurrent burst of guesses gets at most the limit through", async () => {
    const s = await t.shop({ name: "Burst" });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => lookup(s, `BURS${i}ZZ`, "3.3.3.3")));
    expect(results.filter((r) => r.status === 200)).toHaveLength(LIMIT);
    expect(results.filter((r) => r.status === 429)).toHaveLength(20 - LIMIT);
  });

  it("many shoppers checking a valid code at the same moment are never refused, and never wait on the counter", async () => {
    const s = await t.shop({ name: "Busy" });
    const c = await makeCode(s, { code: "RUSH" });
    // A counter that answers after a real delay (as a Durable Object does), and counts how often it is asked.
    const inner = t.config.rateLimiter;
    let asked = 0;
    const later = <T>(v: Promise<T>) => new Promise<T>((r) => setTimeout(() => r(v), 5));
    t.config.rateLimiter = {
      known: (b, n) => inner.known(b, n),
      countFailure: (b, n) => {
        asked++;
        return later(inner.countFailure(b, n));
      },
    } satisfies GuessLimiter;
    const results = await Promise.all(Array.from({ length: 5 * LIMIT }, (_, i) => lookup(s, c!.code!, `10.0.0.${i}`))).finally(() => {
      t.config.rateLimiter = inner;
    });
    expect(results.map((r) => r.status)).toEqual(Array(5 * LIMIT).fill(200));
    expect(results.every((r) => r.body.valid === true)).toBe(true);
    expect(asked).toBe(0);
  });

  it("30 bad guesses from one client never block other shoppers' valid codes (default limits)", async () => {
    const app = await makeTestApp();
    app.config.clientAddress = (c) => c.req.header("x-test-client");
    const s = await app.shop({ name: "Guarded" });
    const code = (await makeCode(s, { code: "VALID" }, app))!.code!;
    for (let i = 0; i < 30; i++) expect((await lookupIn(app, s, `GUARNOPE${i}`, "6.6.6.6")).status).toBe(200);
    expect((await lookupIn(app, s, "GUARNOPE30", "6.6.6.6")).status).toBe(429);
    expect((await lookupIn(app, s, code, "6.6.6.6")).status).toBe(429);
    // Everyone else, for the whole minute: valid codes found, quotes applied, their own typos answered.
    for (const client of ["7.7.7.1", "7.7.7.2", "7.7.7.3"]) {
      expect((await lookupIn(app, s, code, client)).body.valid).toBe(true);
      expect((await quoteIn(app, s, code, client)).body.applied?.code).toBe(code);
      expect((await lookupIn(app, s, "GUARTYPO", client)).body).toEqual({ valid: false, reason: "code_not_found" });
    }
    // A signed-in shopper behind the guesser's address is counted as that buyer, not as the address.
    const shopper = { "x-buyer-token": await s.token("shopper-1"), "x-test-client": "6.6.6.6" };
    const asBuyer = await answer(calls(app, s.pk, shopper).quote({ code, cart: cart([{ unit_price_minor: 2000 }]) }));
    expect(asBuyer.body.applied?.code).toBe(code);
  });

  it("the shop-wide ceiling stops guessing spread over many addresses, for every public look-up of the shop", async () => {
    const app = await makeTestApp({ env: { RATE_LIMIT_FAILED_LOOKUPS: String(LIMIT), RATE_LIMIT_SHOP_FAILED_LOOKUPS: String(3 * LIMIT) } });
    app.config.clientAddress = (c) => c.req.header("x-test-client");
    const s = await app.shop({ name: "Spread" });
    const code = (await makeCode(s, { code: "REAL" }, app))!.code!;
    const statuses: number[] = [];
    for (let i = 0; i < 3 * LIMIT + 2; i++) statuses.push((await lookupIn(app, s, `SPRE${i}QQ`, `20.0.0.${i % 6}`)).status);
    expect(statuses).toEqual([...Array(3 * LIMIT).fill(200), 429, 429]);
    // Past the ceiling no public look-up of the shop answers, not even a new client's of a real code …
    const late = await lookupIn(app, s, code, "30.0.0.1");
    expect(late.status).toBe(429);
    expect(Number(late.headers.get("retry-after"))).toBeGreaterThan(0);
    // … while the seller's own server keeps its own buckets.
    expect((await lookupIn(app, s, code, "30.0.0.1", s.sk)).body.valid).toBe(true);
  });

  it("a blocked client's further guesses do not spend the shop's ceiling", async () => {
    const app = await makeTestApp({ env: { RATE_LIMIT_FAILED_LOOKUPS: String(LIMIT), RATE_LIMIT_SHOP_FAILED_LOOKUPS: String(2 * LIMIT) } });
    app.config.clientAddress = (c) => c.req.header("x-test-client");
    const s = await app.shop({ name: "Hammer" });
    for (let i = 0; i < 10 * LIMIT; i++) await lookupIn(app, s, `HAMM${i}QQ`, "40.0.0.1");
    // One client spent LIMIT of the shop's 2 × LIMIT: another client still has its own LIMIT.
    for (let i = 0; i < LIMIT; i++) expect((await lookupIn(app, s, `HAMX${i}QQ`, "40.0.0.2")).status).toBe(200);
  });
});
