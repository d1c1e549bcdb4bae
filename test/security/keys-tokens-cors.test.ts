/**
 * README "Security and durability" (keys, identities, CORS), through the HTTP API:
 * key kinds reach only their routes, keys can be made and revoked (a revoked key is refused at once),
 * buyer tokens are HS256 with a required `exp`, and CORS answers echo only a shop's allowed origins.
 */
import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { revokeApiKey } from "../../worker/store/api-keys.js";
import { ADMIN, answer, cart, expectStatus, makeTestApp, problemOf, promoBody, type ShopKeys, type TestApp } from "../support/app.js";
import { calls } from "../support/api.js";

let t: TestApp;
let s: ShopKeys;
const ORIGIN = "https://shop.example";
beforeAll(async () => {
  t = await makeTestApp();
  s = await t.shop({ name: "Keys Shop", allowed_origins: [ORIGIN] });
});

const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
/** A JWT with any header and payload, signed HS256 (or with the named HMAC) by `secret`. */
function jwt(header: Record<string, unknown>, payload: unknown, secret: string, hmac: "sha256" | "sha512" = "sha256") {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${createHmac(hmac, secret).update(head).digest("base64url")}`;
}
const nowS = () => Math.floor(Date.now() / 1000);
const quoteWithToken = (key: string, token: string) =>
  answer(calls(t, key, { "x-buyer-token": token }).quote({ cart: cart([{ unit_price_minor: 1000 }]) }));

describe("buyer tokens (X-Buyer-Token with a publishable key)", () => {
  it("accepts a fresh HS256 token signed with the shop's secret", async () => {
    const res = await quoteWithToken(s.pk, jwt({ alg: "HS256", typ: "JWT" }, { sub: "b1", exp: nowS() + 600 }, s.buyerSecret));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it("refuses `alg: none`, other algorithms and a lower-case hs256 with 401 invalid_buyer_token", async () => {
    const payload = { sub: "b1", exp: nowS() + 600 };
    const none = `${b64({ alg: "none", typ: "JWT" })}.${b64(payload)}.`;
    const noneSigned = jwt({ alg: "none" }, payload, s.buyerSecret);
    const hs512 = jwt({ alg: "HS512" }, payload, s.buyerSecret, "sha512");
    const hs512Lying = jwt({ alg: "HS512" }, payload, s.buyerSecret); // HS256 bytes under another name
    const lower = jwt({ alg: "hs256" }, payload, s.buyerSecret);
    const rs = jwt({ alg: "RS256" }, payload, s.buyerSecret);
    for (const token of [none, noneSigned, hs512, hs512Lying, lower, rs]) {
      const res = await quoteWithToken(s.pk, token);
      expect(res.status, token).toBe(401);
      expect(res.body.code).toBe("invalid_buyer_token");
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    }
  });

  it("requires a numeric `exp`, and allows only a small leeway past it", async () => {
    const h = { alg: "HS256", typ: "JWT" };
    const noExp = await quoteWithToken(s.pk, jwt(h, { sub: "b1" }, s.buyerSecret));
    expect(noExp.status).toBe(401);
    expect(noExp.body.detail).toMatch(/exp/);
    const stringExp = await quoteWithToken(s.pk, jwt(h, { sub: "b1", exp: String(nowS() + 600) }, s.buyerSecret));
    expect(stringExp.status).toBe(401);
    const justPast = await quoteWithToken(s.pk, jwt(h, { sub: "b1", exp: nowS() - 5 }, s.buyerSecret));
    expect(justPast.status).toBe(200); // clock skew between the storefront's server and us
    const longPast = await quoteWithToken(s.pk, jwt(h, { sub: "b1", exp: nowS() - 120 }, s.buyerSecret));
    expect(longPast.status).toBe(401);
    expect(longPast.body.detail).toMatch(/expired/);
  });

  it("checks `exp` against real time, never the shop's test clock", async () => {
    const shop = await t.shop({ name: "Clocked" });
    await answer(calls(t, shop.sk).setClock({ now: "2020-01-01T00:00:00Z" }));
    const stale = jwt({ alg: "HS256" }, { sub: "b1", exp: nowS() - 3600 }, shop.buyerSecret);
    expect((await quoteWithToken(shop.pk, stale)).status).toBe(401);
  });

  it("refuses a token signed for another shop, a tampered payload and garbage", async () => {
    const other = await t.shop({ name: "Other" });
    const foreign = jwt({ alg: "HS256" }, { sub: "b1", exp: nowS() + 600 }, other.buyerSecret);
    expect((await quoteWithToken(s.pk, foreign)).status).toBe(401);
    const good = jwt({ alg: "HS256" }, { sub: "b1", exp: nowS() + 600 }, s.buyerSecret);
    const [h, , sig] = good.split(".");
    const tampered = `${h}.${b64({ sub: "b2", exp: nowS() + 600 })}.${sig}`;
    expect((await quoteWithToken(s.pk, tampered)).status).toBe(401);
    for (const junk of ["x", "a.b", "a.b.c", "....", `${h}.${b64("null")}.${sig}`]) {
      const res = await quoteWithToken(s.pk, junk);
      expect(res.status, junk).toBe(401);
    }
    // A validly signed payload that is not an object (null, a number) is refused, not a crash.
    for (const payload of [null, 42, [1]]) {
      expect((await quoteWithToken(s.pk, jwt({ alg: "HS256" }, payload, s.buyerSecret))).status).toBe(401);
    }
  });

  it("refuses a sub that is not a buyer id of 1 to 64 characters", async () => {
    for (const sub of ["", "x".repeat(65), 7]) {
      const res = await quoteWithToken(s.pk, jwt({ alg: "HS256" }, { sub, exp: nowS() + 600 }, s.buyerSecret));
      expect(res.status).toBe(401);
    }
  });

  it("a publishable-key caller names the buyer only by token: a body buyer_id is 422", async () => {
    const res = await answer(calls(t, s.pk).quote({ buyer_id: "b1", cart: cart([{ unit_price_minor: 1000 }]) }));
    expect(res.status).toBe(422);
  });
});

describe("key kinds", () => {
  it("a publishable key reaches only storefront, quote and promo-code lookup routes: 403 elsewhere, before validation", async () => {
    const doc = (await t.call("GET", "/openapi.json")).body as { paths: Record<string, Record<string, unknown>> };
    const allowed = (m: string, p: string) =>
      p.startsWith("/v1/storefront/") || (m === "post" && p === "/v1/checkout/quote") || (m === "get" && p === "/v1/promo-codes/{code}");
    let checked = 0;
    for (const [path, ops] of Object.entries<Record<string, unknown>>(doc.paths)) {
      if (!path.startsWith("/v1/")) continue;
      for (const method of Object.keys(ops)) {
        if (allowed(method, path)) continue;
        const url = path.replace(/\{[^}]+\}/g, "x1");
        // An invalid body too: the wrong kind of key is told so, not how to fix the body.
        const res = await t.call(method.toUpperCase(), url, { key: s.pk, body: method === "get" ? undefined : { nonsense: true } });
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(problemOf(res).code).toBe("forbidden");
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
    expect((await answer(calls(t, s.pk).lookup("NOPE"))).status).toBe(200);
  });

  it("the admin token is not a shop key, and a shop key is not the admin token", async () => {
    expect((await answer(calls(t, ADMIN).quote({ cart: cart([{ unit_price_minor: 1 }]) }))).status).toBe(403);
    // A secret key manages only its own shop (its settings: 200); creating shops stays the operator's.
    expect((await t.call("POST", "/v1/shops", { key: s.sk, body: { name: "Mine", region: "US", currency: "USD" } })).status).toBe(403);
    expect((await answer(calls(t, s.sk).readShop(s.id))).status).toBe(200);
    // Near misses of the admin token are unknown keys.
    for (const near of [ADMIN.slice(0, -1), `${ADMIN}x`, ADMIN.toUpperCase()]) {
      expect((await answer(calls(t, near).readShop(s.id))).status).toBe(401);
    }
    expect((await answer(calls(t, ADMIN).readShop(s.id))).status).toBe(200);
  });

  it("a malformed Authorization header is 401 problem+json", async () => {
    for (const value of ["Basic abc", "Bearer", "Bearer a b", s.sk]) {
      const res = await answer(calls(t, undefined, { authorization: value }).listCoupons());
      expect(res.status, value).toBe(401);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
  });
});

describe("creating and revoking keys", () => {
  it("creates a key whose secret is shown once and stored only as a hash; lists keys without secrets", async () => {
    const shop = await t.shop({ name: "Rotate" });
    const keys = t.api(shop.sk).v1.keys;
    const made = await expectStatus(keys.$post({ json: { kind: "secret" } }), 201);
    expect(made.key).toMatchObject({ kind: "secret", revoked_at: null });
    expect(made.secret).toMatch(/^sk_test_[A-Za-z0-9]{32}$/);
    expect(made.key.hint.length).toBeLessThan(made.secret.length);
    expect(made.secret.startsWith(made.key.hint.replace("…", ""))).toBe(true);
    const pk = await expectStatus(keys.$post({ json: { kind: "publishable" } }), 201);
    expect(pk.secret).toMatch(/^pk_test_/);
    // The new secret key works at once.
    await expectStatus(t.api(made.secret).v1.keys.$get({ query: {} }), 200);

    const list = await expectStatus(keys.$get({ query: {} }), 200);
    expect(list.data).toHaveLength(4);
    expect(list.data[0].id).toBe(pk.key.id); // newest first
    const text = JSON.stringify(list);
    for (const secret of [shop.sk, shop.pk, made.secret, pk.secret]) expect(text).not.toContain(secret);
    const rows = await t.db.$client.execute({ sql: "SELECT key_hash FROM api_keys WHERE shop_id = ?", args: [shop.id] });
    for (const r of rows.rows) expect(String(r.key_hash)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows.rows)).not.toContain(made.secret);

    const page1 = await expectStatus(keys.$get({ query: { limit: "3" } }), 200);
    const page2 = await expectStatus(keys.$get({ query: { limit: "3", cursor: page1.next_cursor ?? undefined } }), 200);
    expect([...page1.data, ...page2.data].map((k) => k.id)).toEqual(list.data.map((k) => k.id));
    expect(page2.next_cursor).toBeNull();
  });

  it("a revoked key answers 401 on the very next request; revoking again is 200", async () => {
    const shop = await t.shop({ name: "Revoke" });
    const extra = await expectStatus(t.api(shop.sk).v1.keys.$post({ json: { kind: "secret" } }), 201);
    const keys = (await expectStatus(t.api(shop.sk).v1.keys.$get({ query: {} }), 200)).data;
    const pkId = keys.find((k) => k.kind === "publishable")!.id;
    const lookup = (key: string) => answer(calls(t, key).lookup("NOPE"));
    expect((await lookup(shop.pk)).status).toBe(200);
    const revoke = (key: string, id: string) => t.api(key).v1.keys[":id"].revoke.$post({ param: { id } });
    const r = await expectStatus(revoke(extra.secret, pkId), 200);
    expect(r.key.revoked_at).not.toBeNull();
    const after = await lookup(shop.pk);
    expect([after.status, after.body.code]).toEqual([401, "unauthorized"]);
    await expectStatus(revoke(extra.secret, pkId), 200);
    // A key may revoke itself while another secret key remains.
    await expectStatus(revoke(extra.secret, extra.key.id), 200);
    await expectStatus(t.api(extra.secret).v1.keys.$get({ query: {} }), 401);
    // Each creation and revocation left an audit entry.
    const audit = await t.db.$client.execute({ sql: "SELECT action FROM audit_entries WHERE shop_id = ? ORDER BY seq", args: [shop.id] });
    expect(audit.rows.map((a) => a.action)).toEqual(["key_created", "key_revoked", "key_revoked"]);
  });

  it("refuses to revoke the shop's last active secret key (409 last_secret_key), even when two revocations race", async () => {
    const shop = await t.shop({ name: "Last" });
    const only = (await expectStatus(t.api(shop.sk).v1.keys.$get({ query: {} }), 200)).data.find((k) => k.kind === "secret")!;
    const revoke = (key: string, id: string) => t.api(key).v1.keys[":id"].revoke.$post({ param: { id } });
    expect((await expectStatus(revoke(shop.sk, only.id), 409)).code).toBe("last_secret_key");
    await expectStatus(t.api(shop.sk).v1.keys.$get({ query: {} }), 200);

    const second = await expectStatus(t.api(shop.sk).v1.keys.$post({ json: { kind: "secret" } }), 201);
    const [a, b] = await Promise.all([revoke(second.secret, only.id), revoke(shop.sk, second.key.id)]);
    // The loser is refused either by the guard (409) or because the winner just revoked its own key (401).
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(200);
    expect([401, 409]).toContain(statuses[1]);
    const activeSecrets = async () =>
      Number(
        (
          await t.db.$client.execute({
            sql: "SELECT COUNT(*) AS n FROM api_keys WHERE shop_id = ? AND kind = 'secret' AND revoked_at IS NULL",
            args: [shop.id],
          })
        ).rows[0].n,
      );
    expect(await activeSecrets()).toBe(1);

    // Five secret keys revoked all at once: the one statement's guard lets exactly four through.
    const [liveSecret, liveId] = a.status === 200 ? [second.secret, second.key.id] : [shop.sk, only.id];
    const made = await Promise.all(
      [1, 2, 3, 4].map(() => expectStatus(t.api(liveSecret).v1.keys.$post({ json: { kind: "secret" } }), 201)),
    );
    const ids = [...made.map((m) => m.key.id), liveId];
    const outcomes = await Promise.all(ids.map((id) => revokeApiKey(t.db, shop.id, id, "test", Date.now())));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(4);
    expect(outcomes.filter((o) => !o.ok && o.why === "last_secret_key")).toHaveLength(1);
    expect(await activeSecrets()).toBe(1);
  });

  it("another shop's key id is 404, unknown fields and kinds are 422, publishable keys may not manage keys", async () => {
    const a = await t.shop({ name: "A keys" });
    const b = await t.shop({ name: "B keys" });
    const aKey = (await expectStatus(calls(t, a.sk).listKeys(), 200)).data[0];
    const res = await answer(calls(t, b.sk).revokeKey(aKey.id));
    expect(res.status).toBe(404);
    // Outside the contract on purpose: sent raw.
    expect((await t.call("POST", "/v1/keys", { key: a.sk, body: { kind: "admin" } })).status).toBe(422);
    expect((await t.call("POST", "/v1/keys", { key: a.sk, body: { kind: "secret", mode: "live" } })).status).toBe(422);
    expect((await t.call("GET", "/v1/keys?limit=5&extra=1", { key: a.sk })).status).toBe(422);
    expect((await answer(calls(t, a.pk).createKey({ kind: "secret" }))).status).toBe(403);
  });
});

describe("CORS", () => {
  it("answers preflights for any origin with the allowed headers", async () => {
    const res = await t.app.request("/v1/checkout/quote", {
      method: "OPTIONS",
      headers: { origin: "https://anyone.example", "access-control-request-method": "POST" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://anyone.example");
    const allowed = res.headers.get("access-control-allow-headers")!.split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(["authorization", "content-type", "x-buyer-token", "idempotency-key", "if-match"]));
  });

  it("echoes only an allowed origin to publishable-key calls, on success and on every error", async () => {
    const code = await answer(calls(t, s.sk).createCoupon(promoBody({ code: "CORS1" })));
    expect(code.status).toBe(201);
    const cases: [string, string, unknown, number][] = [
      ["GET", "/v1/promo-codes/KEYSCORS1", undefined, 200],
      ["POST", "/v1/checkout/quote", { cart: cart([{ unit_price_minor: 1000 }]) }, 200],
      ["POST", "/v1/checkout/quote", { cart: { currency: "usd" } }, 422],
      ["POST", "/v1/checkout/quote", "{broken", 422],
      ["POST", "/v1/checkout/quote", "x".repeat(300 * 1024), 413],
      ["GET", "/v1/coupons", undefined, 403],
      ["GET", "/v1/storefront/nothing-here", undefined, 404],
    ];
    for (const [method, path, body, status] of cases) {
      for (const origin of [ORIGIN, "https://evil.example"]) {
        const res = await t.call(method, path, { key: s.pk, body, headers: { origin } });
        expect(res.status, `${method} ${path}`).toBe(status);
        expect(res.headers.get("access-control-allow-origin"), `${method} ${path} from ${origin}`).toBe(origin === ORIGIN ? ORIGIN : null);
        expect(res.headers.get("vary")).toMatch(/origin/i);
      }
    }
    // A bad buyer token (401) and a rate-limited look-up are publishable-key answers too.
    const bad = await answer(
      calls(t, s.pk, { origin: ORIGIN, "x-buyer-token": "a.b.c" }).quote({ cart: cart([{ unit_price_minor: 1000 }]) }),
    );
    expect(bad.status).toBe(401);
    expect(bad.headers.get("access-control-allow-origin")).toBe(ORIGIN);
  });

  it("never allows an origin to a secret-key or keyless call", async () => {
    for (const key of [s.sk, undefined]) {
      const res = await answer(calls(t, key, { origin: ORIGIN }).listCoupons());
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    }
  });
});
