/**
 * The Workers limiter on the real runtime: the `RateLimitCounter` Durable Object class, bundled with a
 * tiny Worker that drives it through `DurableObjectRateLimiter`, run by Miniflare (workerd). It must
 * block a key after `limit` failures in its minute, keep keys apart, and free the key when the window ends.
 */
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const limiterPath = resolve(import.meta.dirname, "../../worker/lib/rate-limit-workers.ts");
const entry = `
import { DurableObjectRateLimiter, RateLimitCounter } from ${JSON.stringify(limiterPath)};
export { RateLimitCounter };
export default {
  async fetch(req, env) {
    const limiter = new DurableObjectRateLimiter(env.RATE_LIMITER);
    const u = new URL(req.url);
    const key = u.searchParams.get("key"), now = Number(u.searchParams.get("now"));
    if (u.pathname === "/blocked") return Response.json({ wait: await limiter.blocked(key, Number(u.searchParams.get("limit")), now) });
    await limiter.record(key, now);
    return Response.json({ ok: true });
  },
};`;

let mf: Miniflare;
beforeAll(async () => {
  const out = await build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: "js" }, bundle: true, format: "esm", write: false });
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

const blocked = async (key: string, limit: number, now: number) =>
  ((await (await mf.dispatchFetch(`http://w/blocked?key=${key}&limit=${limit}&now=${now}`)).json()) as { wait: number }).wait;
const record = (key: string, now: number) => mf.dispatchFetch(`http://w/record?key=${key}&now=${now}`).then((r) => r.text());

describe("RateLimitCounter (Durable Object) on workerd", () => {
  it("blocks a key after `limit` failures within its minute, with the seconds left, and keeps keys apart", async () => {
    const t0 = 1_700_000_000_000;
    expect(await blocked("shop:a", 3, t0)).toBe(0);
    // Concurrent failures from many requests all land in the one object: none is lost.
    await Promise.all([0, 1, 2].map((i) => record("shop:a", t0 + i)));
    expect(await blocked("shop:a", 3, t0 + 10_000)).toBeGreaterThanOrEqual(50);
    expect(await blocked("shop:a", 3, t0 + 10_000)).toBeLessThanOrEqual(51);
    expect(await blocked("shop:a", 4, t0 + 10_000)).toBe(0);
    expect(await blocked("shop:b", 3, t0 + 10_000)).toBe(0);
    // The window ends a minute after its first failure: the key may try again.
    expect(await blocked("shop:a", 3, t0 + 60_000)).toBe(0);
    await record("shop:a", t0 + 60_001);
    expect(await blocked("shop:a", 1, t0 + 60_002)).toBe(60);
    expect(await blocked("shop:a", 2, t0 + 60_002)).toBe(0);
  }, 30_000);
});
