/**
 * The Workers limiter on the real runtime: the `RateLimitCounter` Durable Object class and
 * `DurableObjectRateLimiter`, bundled with a tiny Worker and run by Miniflare (workerd). The object must
 * count atomically (a concurrent burst gets exactly `limit` through) and keep keys apart; the limiter
 * must count a client before its shop (a refused failure counts nowhere after), remember a block in the
 * isolate, share it with the colo's other isolates through the Cache API, and refuse a burst inside one
 * isolate from its own count before the object answers.
 */
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const limiterPath = resolve(import.meta.dirname, "../../worker/lib/rate-limit-workers.ts");
// Two limiters stand for two isolates of one colo: their memories are apart, the colo's cache is shared.
const entry = `
import { cacheApiBlocks, DurableObjectRateLimiter, RateLimitCounter } from ${JSON.stringify(limiterPath)};
export { RateLimitCounter };
let isolates;
export default {
  async fetch(req, env) {
    isolates ??= [1, 2].map(() => new DurableObjectRateLimiter(env.RATE_LIMITER, cacheApiBlocks(() => caches.open("guessing-test"))));
    const u = new URL(req.url);
    const q = (k) => u.searchParams.get(k);
    const now = Number(q("now"));
    if (u.pathname === "/take") {
      const stub = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(q("key")));
      return stub.fetch("https://rate-limit/take?limit=" + q("limit") + "&now=" + now, { method: "POST" });
    }
    const limiter = isolates[Number(q("isolate") ?? "0")];
    const buckets = q("buckets").split(",").map((b) => ({ key: b.split("=")[0], limit: Number(b.split("=")[1]) }));
    if (u.pathname === "/fail") return Response.json({ wait: await limiter.countFailure(buckets, now) });
    if (u.pathname === "/burst") {
      // n failures sent at once, and what the isolate knows while their answers are pending.
      const sent = Array.from({ length: Number(q("n")) }, () => limiter.countFailure(buckets, now));
      const whilePending = await limiter.known(buckets, now).wait();
      return Response.json({ whilePending, waits: await Promise.all(sent) });
    }
    return Response.json({ wait: await limiter.known(buckets, now).wait() });
  },
};`;

let mf: Miniflare;
beforeAll(async () => {
  const out = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    format: "esm",
    write: false,
  });
  mf = new Miniflare({
    modules: true,
    script: out.outputFiles[0].text,
    compatibilityDate: "2025-06-01",
    durableObjects: { RATE_LIMITER: { className: "RateLimitCounter", useSQLite: true } },
  });
  await mf.ready;
}, 60_000);
afterAll(async () => {
  await mf?.dispose();
});

const get = async (path: string) =>
  (await (await mf.dispatchFetch(`http://w${path}`)).json()) as { wait: number; count?: number; end?: number };
const take = (key: string, limit: number, now: number) => get(`/take?key=${key}&limit=${limit}&now=${now}`);
const fail = async (buckets: string, now: number, isolate = 0) =>
  (await get(`/fail?buckets=${buckets}&now=${now}&isolate=${isolate}`)).wait;
const known = async (buckets: string, now: number, isolate = 0) =>
  (await get(`/known?buckets=${buckets}&now=${now}&isolate=${isolate}`)).wait;

describe("RateLimitCounter (Durable Object) on workerd", () => {
  it("lets exactly `limit` attempts of a concurrent burst through, then answers the seconds left with its window", async () => {
    const t0 = 1_700_000_000_000;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => take("shop:burst", 5, t0 + i)));
    expect(answers.filter((a) => a.wait === 0)).toHaveLength(5);
    for (const a of answers.filter((a) => a.wait > 0)) {
      expect(a.wait).toBeGreaterThanOrEqual(59);
      expect(a).toMatchObject({ count: 5, end: t0 + 60_000 });
    }
    expect((await take("shop:burst", 5, t0 + 10_000)).wait).toBeGreaterThanOrEqual(50);
    expect((await take("shop:other", 5, t0 + 10_000)).wait).toBe(0); // keys are apart
    expect((await take("shop:burst", 5, t0 + 60_000)).wait).toBe(0); // a new window
  }, 30_000);
});

describe("DurableObjectRateLimiter on workerd", () => {
  it("counts the client, then the shop; a refused failure counts nowhere after it", async () => {
    const t0 = 1_700_000_200_000;
    const buckets = "c1=2,shopA=3";
    expect(await fail(buckets, t0)).toBe(0);
    expect(await fail(buckets, t0)).toBe(0);
    expect(await fail(buckets, t0)).toBeGreaterThanOrEqual(59); // c1 over its 2
    expect(await fail(buckets, t0)).toBeGreaterThanOrEqual(59);
    // The shop counted only c1's two: another client still has room under the shop's 3.
    expect(await fail("c2=2,shopA=3", t0)).toBe(0);
    expect(await fail("c3=2,shopA=3", t0)).toBeGreaterThanOrEqual(59); // the shop's ceiling
  }, 30_000);

  it("a block is known in the isolate that learned it and, through the colo's cache, in another isolate", async () => {
    const t0 = Date.now(); // the Cache API keeps entries by real time
    const buckets = "blocked-client=1,shopB=100";
    expect(await known(buckets, t0, 0)).toBe(0);
    expect(await fail(buckets, t0, 0)).toBe(0);
    // The isolate's memory already knows the client is at its limit (before any refusal).
    expect(await known(buckets, t0, 0)).toBeGreaterThanOrEqual(59);
    expect(await known(buckets, t0, 1)).toBe(0); // not told yet
    expect(await fail(buckets, t0, 0)).toBeGreaterThanOrEqual(59); // refused: written to the colo's cache
    expect(await known(buckets, t0, 1)).toBeGreaterThanOrEqual(58);
    expect(await known("someone-else=1,shopB=100", t0, 1)).toBe(0);
  }, 30_000);

  it("a burst inside one isolate is refused from the isolate's own count while the object's answers are pending", async () => {
    const t0 = 1_700_000_400_000;
    // Five failures sent at once: while they are in flight, the isolate already counts them.
    const res = (await (await mf.dispatchFetch(`http://w/burst?n=5&buckets=burster=3,shopC=100&now=${t0}`)).json()) as {
      whilePending: number;
      waits: number[];
    };
    expect(res.whilePending).toBeGreaterThanOrEqual(59);
    expect(res.waits.filter((w) => w === 0)).toHaveLength(3);
  }, 30_000);
});
