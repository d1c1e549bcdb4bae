/**
 * The key → caller cache (worker/lib/caller-cache.ts) on the hot path: repeated calls skip the key's hash
 * and database lookup, and every write that changes what a cached caller carries takes effect at once in
 * this process — a revoked key is refused by the very next call, a new test clock or allowed origin is
 * seen by it.
 */
import { describe, expect, it } from "vitest";
import { CallerCache } from "../../worker/lib/caller-cache.js";
import type { ShopRow } from "../../worker/lib/caller.js";
import { ADMIN, answer, at, DAY, makeTestApp, promoBody } from "../support/app.js";
import { calls } from "../support/api.js";

describe("key cache on the request path", () => {
  it("caches a resolved key, and a revoked publishable key is refused by the next call", async () => {
    const t = await makeTestApp();
    const s = await t.shop();
    const created = await answer(calls(t, s.sk).createCoupon(promoBody({ code: "CACHE1" })));
    const code = created.body.coupon!.code!;
    expect((await answer(calls(t, s.pk).lookup(code))).body.valid).toBe(true);
    expect(t.config.callerCache!.size).toBeGreaterThanOrEqual(2); // sk and pk both resolved once

    const keys = await answer(calls(t, s.sk).listKeys());
    const pkRow = keys.body.data!.find((k) => k.kind === "publishable");
    expect((await answer(calls(t, s.sk).revokeKey(pkRow!.id))).status).toBe(200);
    const after = await answer(calls(t, s.pk).lookup(code));
    expect(after.status).toBe(401);
  });

  it("a revoked secret key is refused by the next call, the other secret key keeps working", async () => {
    const t = await makeTestApp();
    const s = await t.shop();
    const second = await answer(calls(t, s.sk).createKey({ kind: "secret" }));
    expect(second.status).toBe(201);
    const sk2 = second.body.secret!;
    expect((await answer(calls(t, sk2).listCoupons())).status).toBe(200); // now cached
    expect((await answer(calls(t, s.sk).revokeKey(second.body.key!.id))).status).toBe(200);
    expect((await answer(calls(t, sk2).listCoupons())).status).toBe(401);
    expect((await answer(calls(t, s.sk).listCoupons())).status).toBe(200);
  });

  it("a new test clock is seen by the very next call with a cached key", async () => {
    const t = await makeTestApp();
    const s = await t.shop();
    const created = await answer(calls(t, s.sk).createCoupon(promoBody({ code: "CLOCK1", active_ends_at: at(2 * DAY) })));
    const code = created.body.coupon!.code!;
    expect((await answer(calls(t, s.sk).lookup(code))).body.valid).toBe(true);
    const later = new Date(Date.now() + 3 * DAY).toISOString();
    expect((await answer(calls(t, s.sk).setClock({ now: later }))).status).toBe(200);
    expect((await answer(calls(t, s.sk).lookup(code))).body).toMatchObject({ valid: false, reason: "expired" });
  });

  it("a changed allowed_origins list is applied to the next publishable-key call", async () => {
    const t = await makeTestApp();
    const s = await t.shop({ allowed_origins: [] });
    const origin = "https://shop.example";
    const first = await answer(calls(t, s.pk, { origin: origin }).lookup("NOPE12"));
    expect(first.headers.get("access-control-allow-origin")).toBeNull();
    expect((await answer(calls(t, ADMIN).patchShop(s.id, { allowed_origins: [origin] }))).status).toBe(200);
    const second = await answer(calls(t, s.pk, { origin: origin }).lookup("NOPE12"));
    expect(second.headers.get("access-control-allow-origin")).toBe(origin);
  });
});

describe("CallerCache", () => {
  const shop = (id: string) => ({ id }) as ShopRow;
  const caller = (id: string) => ({ kind: "secret" as const, keyId: `key_${id}`, shop: shop(id) });

  it("forgets an entry after its time to live (how late other isolates learn of a change)", () => {
    const cache = new CallerCache(1_000);
    cache.set("sk_a", "h", caller("s1"), 0, cache.epoch());
    expect(cache.get("sk_a", 999)?.keyId).toBe("key_s1");
    expect(cache.get("sk_a", 1_000)).toBeUndefined();
    // A route that checks the key in its own batch may still plan with it.
    expect(cache.plan("sk_a")?.caller.keyId).toBe("key_s1");
  });

  it("drops only the written shop's keys", () => {
    const cache = new CallerCache();
    cache.set("sk_a", "h", caller("s1"), 0, cache.epoch());
    cache.set("pk_a", "h", caller("s1"), 0, cache.epoch());
    cache.set("sk_b", "h", caller("s2"), 0, cache.epoch());
    cache.dropShop("s1");
    expect(cache.get("sk_a", 1)).toBeUndefined();
    expect(cache.plan("sk_a")).toBeUndefined();
    expect(cache.get("pk_a", 1)).toBeUndefined();
    expect(cache.get("sk_b", 1)?.shop.id).toBe("s2");
  });

  it("does not store a caller whose load began before a drop (a request in flight during a revoke)", () => {
    const cache = new CallerCache();
    const epoch = cache.epoch(); // the request starts loading the key…
    cache.dropShop("s1"); // …the key is revoked meanwhile…
    cache.set("sk_a", "h", caller("s1"), 0, epoch); // …and the stale row it read must not be remembered
    expect(cache.get("sk_a", 1)).toBeUndefined();
  });

  it("holds at most maxEntries, evicting the oldest", () => {
    const cache = new CallerCache(1_000, 2);
    for (const k of ["k1", "k2", "k3"]) cache.set(k, "h", caller("s1"), 0, cache.epoch());
    expect(cache.size).toBe(2);
    expect(cache.get("k1", 1)).toBeUndefined();
    expect(cache.get("k3", 1)).toBeDefined();
  });
});
