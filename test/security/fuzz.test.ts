/**
 * Hostile input on every route: requests generated from the OpenAPI document itself (so a new route is
 * fuzzed without touching this file), with wrong types, huge numbers, deep nesting, unicode, missing and
 * extra fields, foreign media types, and every kind of caller (secret, publishable, admin, none, junk).
 * Whatever comes in: never a 5xx, and every 4xx is problem+json with a code.
 *
 * Seeded, so a failure replays: each route's requests come from FUZZ_SEED (default below) mixed with the
 * route's method and path, so adding a route does not change what the others are sent. A failure names
 * the seed and the counterexample's path; `FUZZ_SEED=<seed> npx vitest run test/security/fuzz.test.ts`
 * sends the same requests again (times in bodies are relative to the run's clock). About 500 requests,
 * a few seconds.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN, makeTestApp, type ShopKeys, type TestApp } from "../support/app.js";
import {
  expectWellFormed,
  hostileValue,
  mutate,
  mutation,
  nastyString,
  operations,
  resolver,
  safeEncode,
  seedShop,
  valueFor,
  type Operation,
  type Schema,
  type Seeded,
} from "./openapi-walk.js";

/** About 500 requests in all, whatever the number of routes. */
const TOTAL_RUNS = 520;
const SEED = Number(process.env.FUZZ_SEED ?? 14_2026);

/** A 32-bit seed per route (FNV-1a of the route mixed into the run's seed). */
function routeSeed(o: Operation): number {
  let h = 0x811c9dc5 ^ SEED;
  for (const ch of `${o.method} ${o.path}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h | 0;
}

/** Answers that show a request got past authentication and media-type checks to the route itself. */
const reachedRoute = (status: number) => ![401, 403, 413, 415].includes(status);

let t: TestApp;
let s: ShopKeys;
let seeded: Seeded;
let doc: Schema;
let ops: Operation[];
beforeAll(async () => {
  t = await makeTestApp();
  s = await t.shop({ name: "Fuzz", allowed_origins: ["https://shop.example"] });
  seeded = await seedShop(t, s);
  doc = (await t.call("GET", "/openapi.json")).body as Schema;
  ops = operations(doc);
});

function preferredCaller(o: Operation): string {
  if (o.path.startsWith("/v1/shops")) return "admin";
  if (o.path.startsWith("/v1/storefront/") || o.path === "/v1/checkout/quote" || o.path === "/v1/promo-codes/{code}") return "publishable";
  return "secret";
}

function requestArb(o: Operation) {
  const resolve = resolver(doc);
  const known = [...seeded.ids, seeded.code, seeded.code.toLowerCase()];
  const pathParams = o.params.filter((p) => p.in === "path");
  const queryParams = o.params.filter((p) => p.in === "query");
  const headerParams = o.params.filter((p) => p.in === "header");
  const scalar = (schema: Schema) =>
    fc
      .oneof(
        { weight: 5, arbitrary: valueFor(schema, resolve) },
        { weight: 1, arbitrary: nastyString },
        { weight: 1, arbitrary: hostileValue },
      )
      .map((v) => (typeof v === "string" ? v : (JSON.stringify(v) ?? "")));

  const path = fc
    .tuple(
      ...pathParams.map((p) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: scalar(p.schema) })),
    )
    .map((values) => {
      let url = o.path;
      pathParams.forEach((p, i) => {
        url = url.replace(`{${p.name}}`, safeEncode(values[i]) || "%20");
      });
      return url;
    });
  const query = fc
    .tuple(
      ...queryParams.map((p) => fc.option(scalar(p.schema), { nil: undefined, freq: 2 })),
      fc.oneof(
        { weight: 5, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), nastyString) },
      ),
    )
    .map((values) => {
      const parts: string[] = [];
      queryParams.forEach((p, i) => {
        if (values[i] !== undefined) parts.push(`${p.name}=${safeEncode(values[i] as string)}`);
      });
      const extra = values[queryParams.length] as [string, string] | undefined;
      if (extra) parts.push(`${safeEncode(extra[0])}=${safeEncode(extra[1])}`);
      return parts.length ? `?${parts.join("&")}` : "";
    });
  const headers = fc
    .tuple(
      ...headerParams.map((p) => fc.option(scalar(p.schema), { nil: undefined })),
      // Mostly the key the route is for (so requests reach its handler), every other kind now and then.
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(preferredCaller(o)) },
        { weight: 1, arbitrary: fc.constantFrom("secret", "publishable", "admin", "none", "junk") },
      ),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 2, arbitrary: fc.constant("valid") },
        { weight: 1, arbitrary: nastyString },
      ),
      fc.oneof(
        { weight: 9, arbitrary: fc.constant("application/json") },
        { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-8", "") },
      ),
    )
    .map((values) => {
      const h: Record<string, string> = {};
      headerParams.forEach((p, i) => {
        if (values[i] !== undefined) h[p.name] = String(values[i]).replace(/[^\x20-\x7e]/g, "?");
      });
      const [who, token, type] = values.slice(headerParams.length) as [string, string | undefined, string];
      const key = { secret: s.sk, publishable: s.pk, admin: ADMIN, none: undefined, junk: `sk_test_${"A".repeat(32)}` }[who];
      if (key) h.authorization = `Bearer ${key}`;
      if (token !== undefined) h["x-buyer-token"] = token === "valid" ? "valid" : token.replace(/[^\x20-\x7e]/g, "?");
      if (type) h["content-type"] = type;
      h.origin = "https://shop.example";
      return h;
    });
  const validish = o.body ? valueFor(o.body, resolve) : fc.constant(undefined);
  const body = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(validish, mutation).map(([v, m]) => (v === undefined ? undefined : JSON.stringify(mutate(v, m)))) },
    { weight: 1, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? "null") },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "{not json",
        "",
        "[".repeat(20_000) + "]".repeat(20_000),
        `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`,
        "x".repeat(300 * 1024),
        '{"__proto__":{"admin":true}}',
      ),
    },
  );
  return fc.record({ path, query, headers, body, keepBuyerId: fc.nat(4) });
}

describe("fuzzing every route of the OpenAPI document", () => {
  it("is reproducible: one seed makes the same requests", () => {
    for (const o of ops) {
      const draw = () => fc.sample(requestArb(o), { seed: routeSeed(o), numRuns: 5 });
      expect(draw(), `${o.method} ${o.path}`).toEqual(draw());
    }
    expect(fc.sample(requestArb(ops[0]), { seed: routeSeed(ops[0]) + 1, numRuns: 5 })).not.toEqual(
      fc.sample(requestArb(ops[0]), { seed: routeSeed(ops[0]), numRuns: 5 }),
    );
  });

  it("never answers 5xx, and every error is problem+json with a code", async () => {
    expect(ops.length).toBeGreaterThanOrEqual(15);
    const runs = Math.max(12, Math.floor(TOTAL_RUNS / ops.length));
    const tokenFor = await s.token("fuzz-buyer");
    let sent = 0;
    const stats = new Map<string, number>();
    const reached = new Map<string, number>();
    for (const o of ops) {
      await fc
        .assert(
          fc.asyncProperty(requestArb(o), async (r) => {
            const headers = { ...r.headers };
            if (headers["x-buyer-token"] === "valid") headers["x-buyer-token"] = tokenFor;
            let { path: url, query, body } = r;
            // A publishable key names its buyer by token only: usually leave out the `buyer_id` it may not send.
            if (headers.authorization === `Bearer ${s.pk}` && r.keepBuyerId > 0) {
              query = query.replace(/([?&])buyer_id=[^&]*&?/, "$1").replace(/[?&]$/, "");
              try {
                const parsed = JSON.parse(body ?? "");
                if (parsed && typeof parsed === "object" && "buyer_id" in parsed) {
                  delete parsed.buyer_id;
                  body = JSON.stringify(parsed);
                }
              } catch {
                // not JSON: leave it
              }
            }
            const withBody = o.method !== "GET" && body !== undefined;
            const res = await t.call(o.method, url + query, { headers, body: withBody ? body : undefined });
            sent++;
            const k = `${o.method} ${o.path} ${res.status >= 400 ? "4xx" : "2xx"}`;
            stats.set(k, (stats.get(k) ?? 0) + 1);
            if (reachedRoute(res.status)) reached.set(`${o.method} ${o.path}`, (reached.get(`${o.method} ${o.path}`) ?? 0) + 1);
            expectWellFormed(res, `${o.method} ${url}${query.slice(0, 80)} ${headers.authorization?.slice(7, 15) ?? "no key"}`);
          }),
          { numRuns: runs, seed: routeSeed(o), endOnFailure: true },
        )
        .catch((err: Error) => {
          err.message = `${o.method} ${o.path} (FUZZ_SEED=${SEED}): ${err.message}`;
          throw err;
        });
    }
    // Every route of the document was fuzzed, and some of its requests reached the route itself.
    expect(ops.filter((o) => !reached.get(`${o.method} ${o.path}`)).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(300);
    // Not only refusals: a fair share of requests got through validation and auth to a handler's answer.
    const ok = [...stats].filter(([k]) => k.endsWith("2xx")).reduce((n, [, v]) => n + v, 0);
    expect(ok / sent).toBeGreaterThan(0.1);
  }, 60_000);
});
