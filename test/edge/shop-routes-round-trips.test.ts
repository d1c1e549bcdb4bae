/**
 * Shop settings, the test clock, API keys and webhook endpoints at the edge (README "A request at the
 * edge"): the app configured as on Workers, over a real libSQL file, counting what each request sends to
 * the database, with the isolate's caller cache at TTL 0 — the worst case of a warm isolate: the key's
 * shop known, its fresh window lapsed, as for a console clicking around. Each success path is one round
 * trip: the key check rides in the route's read batch or guards its write. A key revoked in another
 * isolate writes nothing; a shop changed elsewhere is planned again and answered as it is now.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CallerCache } from "../../worker/lib/caller-cache.js";
import { ADMIN, answer, claimableBody, DAY, makeTestApp, problemOf, type ShopKeys, type TestApp } from "../support/app.js";
import { calls } from "../support/api.js";
import { probes } from "./trips.js";

let t: TestApp;
const { counted, elsewhere, count } = probes(() => t);
beforeAll(async () => {
  t = await makeTestApp({ edge: true, file: true });
  t.config.callerCache = new CallerCache(0);
});

/**
 * A read that makes this isolate know the key's shop as it is now: a write to the shop's row or keys
 * drops what the isolate knew of it (lib/caller-cache.ts), and the next request resolves the key alone.
 */
const warm = async (s: ShopKeys) => expect((await answer(calls(t, s.sk).readShop(s.id))).status).toBe(200);

const url = "http://127.0.0.1:9/hook";

/** A shop with an endpoint subscribed to `coupon.created` and one delivery for it (nothing sends it here). */
async function shopWithDelivery() {
  const s = await t.shop();
  const seller = calls(t, s.sk);
  const ep = (await answer(seller.createEndpoint({ url, events: ["coupon.created"] }))).body.webhook_endpoint!;
  expect((await answer(seller.createCoupon(claimableBody("regular")))).status).toBe(201);
  const deliveries = (await answer(seller.deliveries(ep.id))).body.data!;
  expect(deliveries).toHaveLength(1);
  return { s, endpointId: ep.id, deliveryId: deliveries[0].id };
}

describe("shop settings and the test clock: one round trip", () => {
  it("a seller reads and patches its own shop, and freezes its clock, one round trip each", async () => {
    const s = await t.shop();
    const seller = calls(t, s.sk);
    await warm(s);
    const read = await counted(() => seller.readShop(s.id));
    expect(read.body.shop).toMatchObject({ id: s.id, name: s.shop.name, allowed_origins: [] });
    expect(read.trips).toBe(1);

    const own = { regular: 100, follower: 400, review: 400, chat: 100, promo_code: 300 };
    const patched = await counted(() => seller.patchShop(s.id, { allowed_origins_add: ["https://shop.example"], min_fixed_minor: own }));
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.shop).toMatchObject({ allowed_origins: ["https://shop.example"], min_fixed_minor: own });
    expect(patched.trips).toBe(1);
    expect(await count("SELECT count(*) AS n FROM audit_entries WHERE shop_id = ? AND action = 'shop_updated'", [s.id])).toBe(1);

    await warm(s);
    const unchanged = await counted(() => seller.patchShop(s.id, {}));
    expect(unchanged.body.shop?.allowed_origins).toEqual(["https://shop.example"]);
    expect(unchanged.trips).toBe(1);

    const frozenAt = Date.UTC(2031, 0, 2, 3, 4, 5);
    const clock = await counted(() => seller.setClock({ now: new Date(frozenAt).toISOString() }));
    expect(clock.body).toEqual({ now: new Date(frozenAt).toISOString(), frozen: true });
    expect(clock.trips).toBe(1);
    await warm(s);
    const released = await counted(() => seller.setClock({ now: null }));
    expect(released.body.frozen).toBe(false);
    expect(released.trips).toBe(1);
    expect((await answer(seller.readShop(s.id))).body.shop?.test_clock).toBeNull();
  });

  it("the admin token creates, reads and patches any shop in one round trip; a seller's refusals are unchanged", async () => {
    const admin = calls(t, ADMIN);
    const made = await counted(() =>
      admin.createShop({ name: "Admin Made", region: "US", currency: "USD", mode: "test", allowed_origins: [], addon_coupons: false }),
    );
    expect(made.status).toBe(201);
    expect(made.trips).toBe(1);
    const id = made.body.shop!.id;
    const read = await counted(() => admin.readShop(id));
    expect(read.body.shop?.name).toBe("Admin Made");
    expect(read.trips).toBe(1);
    const renamed = await counted(() => admin.patchShop(id, { name: "Renamed", blocked_words: ["NOPE"] }));
    expect(renamed.body.shop).toMatchObject({ name: "Renamed", blocked_words: ["NOPE"] });
    expect(renamed.trips).toBe(1);
    expect(
      await count("SELECT count(*) AS n FROM audit_entries WHERE shop_id = ? AND action = 'shop_updated' AND actor = 'admin'", [id]),
    ).toBe(1);

    // A seller: the name is the operator's (403), another shop is unknown (404), a live shop has no clock (403).
    const s = await t.shop();
    await warm(s);
    const name = await answer(calls(t, s.sk).patchShop(s.id, { name: "Mine" }));
    expect(name.status).toBe(403);
    expect(problemOf(name).errors?.map((e) => e.path)).toEqual(["name"]);
    expect((await answer(calls(t, s.sk).readShop(id))).status).toBe(404);
    expect((await answer(calls(t, s.sk).patchShop(id, { allowed_origins: [] }))).status).toBe(404);
    const live = await t.shop({ mode: "live" });
    await warm(live);
    const refused = await answer(calls(t, live.sk).setClock({ now: null }));
    expect(problemOf(refused).code).toBe("live_shop");
  });
});

describe("API keys and webhook endpoints: one round trip", () => {
  it("create, list and revoke a key, one round trip each; the new key works and the revoked one does not", async () => {
    const s = await t.shop();
    const seller = calls(t, s.sk);
    await warm(s);
    const made = await counted(() => seller.createKey({ kind: "secret" }));
    expect(made.status).toBe(201);
    expect(made.body.key).toMatchObject({ kind: "secret", revoked_at: null, hint: made.body.secret!.slice(0, 12) + "…" });
    expect(made.trips).toBe(1);
    expect(await count("SELECT count(*) AS n FROM audit_entries WHERE shop_id = ? AND action = 'key_created'", [s.id])).toBe(1);
    const list = await counted(() => seller.listKeys());
    expect(list.body.data?.map((k) => k.id)).toContain(made.body.key!.id);
    expect(list.body.data).toHaveLength(3);
    expect(list.trips).toBe(1);
    const revoked = await counted(() => seller.revokeKey(made.body.key!.id));
    expect(revoked.body.key?.revoked_at).not.toBeNull();
    expect(revoked.trips).toBe(1);
    expect((await answer(calls(t, made.body.secret!).listKeys())).status).toBe(401);
    // The last active secret key is still refused (a failure path: it reads why afterwards).
    await warm(s);
    const last = await answer(seller.revokeKey(list.body.data!.find((k) => k.hint === s.sk.slice(0, 12) + "…")!.id));
    expect(problemOf(last).code).toBe("last_secret_key");
  });

  it("create, list and delete an endpoint, list its deliveries and retry one, one round trip each", async () => {
    const s = await t.shop();
    const seller = calls(t, s.sk);
    await warm(s);
    const made = await counted(() => seller.createEndpoint({ url, events: ["coupon.created"] }));
    expect(made.status).toBe(201);
    expect(made.body.webhook_endpoint).toMatchObject({ url, events: ["coupon.created"] });
    expect(made.body.webhook_endpoint?.secret).toMatch(/^whsec_/);
    expect(made.trips).toBe(1);
    const id = made.body.webhook_endpoint!.id;
    const list = await counted(() => seller.listEndpoints());
    expect(list.body.data?.map((e) => e.id)).toEqual([id]);
    expect(list.trips).toBe(1);

    const coupon = (await answer(seller.createCoupon(claimableBody("regular")))).body.coupon!;
    const deliveries = await counted(() => seller.deliveries(id));
    expect(deliveries.body.data).toHaveLength(1);
    expect(deliveries.body.data?.[0]).toMatchObject({ endpoint_id: id, type: "coupon.created", status: "pending" });
    expect(deliveries.trips).toBe(1);
    const delivery = deliveries.body.data![0];
    expect(
      JSON.parse(String((await elsewhere("SELECT object FROM webhook_deliveries WHERE id = ?", [delivery.id])).rows[0].object)).id,
    ).toBe(coupon.id);
    await elsewhere("UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL WHERE id = ?", [delivery.id]);
    const retried = await counted(() => seller.retryDelivery(delivery.id));
    expect(retried.body.webhook_delivery).toMatchObject({ id: delivery.id, status: "pending" });
    expect(retried.trips).toBe(1);
    const unknown = await answer(seller.deliveries("whe_nope"));
    expect(unknown.status).toBe(404);

    const deleted = await counted(() => seller.deleteEndpoint(id));
    expect(deleted.body).toMatchObject({ deleted: true, webhook_endpoint: { id } });
    expect(deleted.trips).toBe(1);
    expect(await count("SELECT count(*) AS n FROM webhook_deliveries WHERE endpoint_id = ?", [id])).toBe(0);
    expect(await count("SELECT count(*) AS n FROM webhook_subscriptions WHERE endpoint_id = ?", [id])).toBe(0);
  });
});

describe("a key revoked in another isolate: the write is refused 401 and wrote nothing", () => {
  /** Each write, what it must not have left behind. */
  const writes: {
    name: string;
    run: (s: ShopKeys, ids: { endpointId: string; deliveryId: string; keyId: string }) => Promise<{ status: number; body: unknown }>;
    state: (s: ShopKeys) => Promise<unknown>;
  }[] = [
    {
      name: "PATCH /v1/shops/{id}",
      run: (s) => answer(calls(t, s.sk).patchShop(s.id, { allowed_origins: ["https://evil.example"] })),
      state: async (s) => (await elsewhere("SELECT allowed_origins, updated_at FROM shops WHERE id = ?", [s.id])).rows[0],
    },
    {
      name: "POST /v1/test-clock",
      run: (s) => answer(calls(t, s.sk).setClock({ now: new Date(Date.UTC(2030, 0, 1)).toISOString() })),
      state: async (s) => (await elsewhere("SELECT test_clock_now FROM shops WHERE id = ?", [s.id])).rows[0],
    },
    {
      name: "POST /v1/keys",
      run: (s) => answer(calls(t, s.sk).createKey({ kind: "publishable" })),
      state: (s) => count("SELECT count(*) AS n FROM api_keys WHERE shop_id = ?", [s.id]),
    },
    {
      name: "POST /v1/keys/{id}/revoke",
      run: (s, ids) => answer(calls(t, s.sk).revokeKey(ids.keyId)),
      state: (s) => count("SELECT count(*) AS n FROM api_keys WHERE shop_id = ? AND revoked_at IS NULL", [s.id]),
    },
    {
      name: "POST /v1/webhook-endpoints",
      run: (s) => answer(calls(t, s.sk).createEndpoint({ url, events: ["claim.created"] })),
      state: (s) => count("SELECT count(*) AS n FROM webhook_endpoints WHERE shop_id = ?", [s.id]),
    },
    {
      name: "DELETE /v1/webhook-endpoints/{id}",
      run: (s, ids) => answer(calls(t, s.sk).deleteEndpoint(ids.endpointId)),
      state: async (s) => [
        await count("SELECT count(*) AS n FROM webhook_endpoints WHERE shop_id = ?", [s.id]),
        await count("SELECT count(*) AS n FROM webhook_subscriptions WHERE shop_id = ?", [s.id]),
        await count("SELECT count(*) AS n FROM webhook_deliveries WHERE shop_id = ?", [s.id]),
      ],
    },
    {
      name: "POST /v1/webhook-deliveries/{id}/retry",
      run: (s, ids) => answer(calls(t, s.sk).retryDelivery(ids.deliveryId)),
      state: async (s) =>
        (await elsewhere("SELECT status, next_attempt_at FROM webhook_deliveries WHERE shop_id = ?", [s.id])).rows.map((r) => ({ ...r })),
    },
  ];

  for (const w of writes) {
    it(w.name, async () => {
      const { s, endpointId, deliveryId } = await shopWithDelivery();
      const pk = (await answer(calls(t, s.sk).listKeys())).body.data!.find((k) => k.kind === "publishable")!;
      await elsewhere("UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL WHERE shop_id = ?", [s.id]);
      await warm(s);
      await elsewhere("UPDATE api_keys SET revoked_at = ? WHERE shop_id = ? AND kind = 'secret'", [Date.now(), s.id]);
      const before = await w.state(s);
      const audit = await count("SELECT count(*) AS n FROM audit_entries WHERE shop_id = ?", [s.id]);
      const refused = await w.run(s, { endpointId, deliveryId, keyId: pk.id });
      expect(refused.status, JSON.stringify(refused.body)).toBe(401);
      expect(problemOf(refused).code).toBe("unauthorized");
      expect(await w.state(s)).toEqual(before);
      expect(await count("SELECT count(*) AS n FROM audit_entries WHERE shop_id = ?", [s.id])).toBe(audit);
    });
  }
});

describe("a shop changed in another isolate is planned again and answered as it is now", () => {
  it("a retry is due at the shop's new test clock; a new key and a patch are written once", async () => {
    const { s, deliveryId } = await shopWithDelivery();
    const seller = calls(t, s.sk);
    await elsewhere("UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL WHERE id = ?", [deliveryId]);
    await warm(s);
    const frozen = Date.UTC(2032, 5, 6);
    await elsewhere("UPDATE shops SET test_clock_now = ? WHERE id = ?", [frozen, s.id]);
    const retried = await counted(() => seller.retryDelivery(deliveryId));
    expect(retried.body.webhook_delivery?.next_attempt_at).toBe(new Date(frozen).toISOString());
    expect(retried.trips).toBe(2); // planned on the old clock (its guarded write refused), then on the new one

    await elsewhere("UPDATE shops SET test_clock_now = ? WHERE id = ?", [frozen + DAY, s.id]);
    const keys = await count("SELECT count(*) AS n FROM api_keys WHERE shop_id = ?", [s.id]);
    const made = await counted(() => seller.createKey({ kind: "publishable" }));
    expect(made.status).toBe(201);
    expect(made.trips).toBe(2);
    expect(await count("SELECT count(*) AS n FROM api_keys WHERE shop_id = ?", [s.id])).toBe(keys + 1);
    expect(await count("SELECT count(*) AS n FROM audit_entries WHERE shop_id = ? AND action = 'key_created'", [s.id])).toBe(1);

    // Origins changed elsewhere (its settings, so `updated_at` too): the seller's addition keeps them.
    await warm(s);
    await elsewhere("UPDATE shops SET allowed_origins = ?, updated_at = updated_at + 1 WHERE id = ?", [
      JSON.stringify(["https://a.example"]),
      s.id,
    ]);
    const patched = await counted(() => seller.patchShop(s.id, { allowed_origins_add: ["https://b.example"] }));
    expect(patched.body.shop?.allowed_origins).toEqual(["https://a.example", "https://b.example"]);
    expect(patched.trips).toBe(2);
    expect(await count("SELECT count(*) AS n FROM audit_entries WHERE shop_id = ? AND action = 'shop_updated'", [s.id])).toBe(1);

    await warm(s);
    await elsewhere("UPDATE shops SET test_clock_now = NULL WHERE id = ?", [s.id]);
    const read = await counted(() => seller.readShop(s.id));
    expect(read.body.shop?.test_clock).toBeNull();
    expect(read.trips).toBe(2);
  });
});
