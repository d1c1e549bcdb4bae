/**
 * The Workers limiter on the real runtime: the `RateLimitCounter` Durable Object class, bundled with a
 * tiny Worker that drives it through `DurableObjectRateLimiter`, run by Miniflare (workerd). It must
 * count attempts atomically (a concurrent burst gets exactly `limit` through), give back refunded ones,
 * keep keys apart, and free the key when its window ends.
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
    if (u.pathname === "/take") return Response.json({ wait: await limiter.take(key, Number(u.searchParams.get("limit")), now) });
    await limiter.refund(key, now);
    return Response.json({ ok: true });
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

const take = async (key: string, limit: number, now: number) =>
  ((await (await mf.dispatchFetch(`http://w/take?key=${key}&limit=${limit}&now=${now}`)).json()) as { wait: number }).wait;
const refund = (key: string, now: number) => mf.dispatchFetch(`http://w/refund?key=${key}&now=${now}`).then((r) => r.text());

describe("RateLimitCounter (Durable Object) on workerd", () => {
  it("lets exactly `limit` attempts of a concurrent burst through, then answers the seconds left", async () => {
    const t0 = 1_700_000_000_000;
    const waits = await Promise.all(Array.from({ length: 12 }, (_, i) => take("shop:burst", 5, t0 + i)));
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
    for (const w of waits.filter((w) => w > 0)) expect(w).toBeGreaterThanOrEqual(59);
    expect(await take("shop:burst", 5, t0 + 10_000)).toBeGreaterThanOrEqual(50);
    expect(await take("shop:other", 5, t0 + 10_000)).toBe(0); // keys are apart
  }, 30_000);

  it("gives back refunded attempts, and frees the key when its minute ends", async () => {
    const t0 = 1_700_000_100_000;
    for (let i = 0; i < 3; i++) {
      expect(await take("shop:r", 3, t0)).toBe(0);
      await refund("shop:r", t0); // a found code: never counts
    }
    for (let i = 0; i < 3; i++) expect(await take("shop:r", 3, t0 + 1)).toBe(0);
    expect(await take("shop:r", 3, t0 + 2)).toBe(60);
    expect(await take("shop:r", 3, t0 + 59_999)).toBe(1);
    expect(await take("shop:r", 3, t0 + 60_000)).toBe(0);
  }, 30_000);
});
