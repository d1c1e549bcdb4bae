/**
 * Console sessions (README "Seller console"): sign in with a secret key → an HttpOnly, SameSite=Strict
 * cookie that acts as that key on /v1 routes, only from the API's own origin (CSRF), ending after 12 hours
 * without use, at sign-out, or when its key is revoked; only a hash of its token is stored; failed
 * sign-ins are rate limited.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from "../../worker/services/console-sessions.js";
import { at, DAY, makeTestApp, promoBody, type ShopKeys, type TestApp } from "../support/app.js";

const OWN = "http://localhost"; // app.request's URLs are http://localhost/…
const HOUR = 3_600_000;

let t: TestApp;
let s: ShopKeys;
let clock: number;
beforeEach(async () => {
  t = await makeTestApp();
  clock = Date.now();
  t.config.now = () => clock;
  s = await t.shop();
});

async function request(method: string, path: string, o: { cookie?: string; origin?: string | null; site?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.cookie) headers.cookie = o.cookie;
  if (o.origin !== null) headers.origin = o.origin ?? OWN;
  if (o.site) headers["sec-fetch-site"] = o.site;
  if (o.body !== undefined) headers["content-type"] = "application/json";
  const res = await t.app.request(path, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, text };
}

/** Signs in and answers the `name=value` pair of the session cookie. */
async function signIn(key = s.sk, extra: Record<string, string> = {}) {
  const res = await request("POST", "/v1/console/sessions", { body: { secret_key: key }, headers: extra });
  expect(res.status, res.text).toBe(201);
  return { res, cookie: res.headers.get("set-cookie")!.split(";")[0] };
}

const listAs = (cookie: string, o: { origin?: string | null; site?: string } = {}) => request("GET", "/v1/coupons", { cookie, ...o });

describe("console sign-in", () => {
  it("answers the shop and sets an HttpOnly, SameSite=Strict cookie for /v1 that lasts 12 hours", async () => {
    const { res, cookie } = await signIn();
    expect(res.body.shop).toMatchObject({ id: s.id, code_prefix: s.code_prefix, mode: "test" });
    const set = res.headers.get("set-cookie")!;
    expect(set).toMatch(/^ec_console=[A-Za-z0-9]{43};/);
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; SameSite=Strict/);
    expect(set).toMatch(/; Path=\/v1/);
    expect(set).toMatch(/; Max-Age=43200/);
    expect(set).not.toMatch(/Secure/); // plain http (local development)
    // Neither the key nor the session token is in the body: JavaScript never holds either.
    expect(res.text).not.toContain(s.sk);
    expect(res.text).not.toContain(cookie.split("=")[1]);
  });

  it("marks the cookie Secure over https (also behind a TLS-terminating proxy)", async () => {
    const direct = await t.app.request("https://api.example/v1/console/sessions", {
      method: "POST",
      headers: { origin: "https://api.example", "content-type": "application/json" },
      body: JSON.stringify({ secret_key: s.sk }),
    });
    expect(direct.status).toBe(201);
    expect(direct.headers.get("set-cookie")).toMatch(/; Secure/);
    const proxied = await request("POST", "/v1/console/sessions", {
      origin: "https://localhost",
      headers: { "x-forwarded-proto": "https" },
      body: { secret_key: s.sk },
    });
    expect(proxied.status).toBe(201);
    expect(proxied.headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("refuses a publishable key beside the field, and unknown or revoked secret keys with 401; no cookie is set", async () => {
    const pk = await request("POST", "/v1/console/sessions", { body: { secret_key: s.pk } });
    expect(pk.status).toBe(422);
    expect(pk.body.errors[0]).toMatchObject({ path: "secret_key", code: "not_a_secret_key" });
    const unknown = await request("POST", "/v1/console/sessions", { body: { secret_key: "sk_test_" + "x".repeat(32) } });
    expect(unknown.status).toBe(401);
    const made = await t.call("POST", "/v1/keys", { key: s.sk, body: { kind: "secret" } });
    expect((await t.call("POST", `/v1/keys/${made.body.key.id}/revoke`, { key: s.sk })).status).toBe(200);
    const revoked = await request("POST", "/v1/console/sessions", { body: { secret_key: made.body.secret } });
    expect(revoked.status).toBe(401);
    for (const r of [pk, unknown, revoked]) expect(r.headers.get("set-cookie")).toBeNull();
  });

  it("is refused from a foreign origin (login CSRF) with 403 and no cookie", async () => {
    const res = await request("POST", "/v1/console/sessions", { origin: "https://evil.example", body: { secret_key: s.sk } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("cross_origin_refused");
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it(`limits failed attempts to ${SIGN_IN_ATTEMPTS_PER_MINUTE} a minute per client, then 429 with Retry-After even for a good key; successes never count`, async () => {
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_MINUTE + 5; i++) await signIn(); // successes are free
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_MINUTE; i++) {
      const bad = await request("POST", "/v1/console/sessions", { body: { secret_key: `sk_test_${"y".repeat(31)}${i % 10}` } });
      expect(bad.status).toBe(401);
    }
    const blocked = await request("POST", "/v1/console/sessions", { body: { secret_key: s.sk } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe("rate_limited");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(blocked.headers.get("set-cookie")).toBeNull();
    clock += 61_000; // the limiter keeps real time: a minute later the seller may try again
    await signIn();
  });

  it("stores only the SHA-256 of the session token", async () => {
    const { cookie } = await signIn();
    const token = cookie.split("=")[1];
    const rows = await t.db.all<{ token_hash: string; shop_id: string }>(sql`select token_hash, shop_id from console_sessions`);
    expect(rows).toEqual([{ token_hash: createHash("sha256").update(token).digest("hex"), shop_id: s.id }]);
    const dump = JSON.stringify(await t.db.all(sql`select * from console_sessions`));
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(s.sk);
  });
});

describe("a console session acts as its shop's secret key", () => {
  it("reads and writes /v1 routes from the API's own origin; the history names the key it was opened with", async () => {
    const { cookie } = await signIn();
    const who = await request("GET", "/v1/console/sessions/current", { cookie, origin: null, site: "same-origin" });
    expect(who.status).toBe(200);
    expect(who.body.shop.id).toBe(s.id);
    const made = await request("POST", "/v1/coupons", { cookie, body: promoBody({ code: "SESS1" }) });
    expect(made.status, made.text).toBe(201);
    const list = await listAs(cookie, { origin: null, site: "same-origin" });
    expect(list.body.data.map((c: any) => c.id)).toEqual([made.body.coupon.id]);
    const keys = await t.call("GET", "/v1/keys", { key: s.sk });
    const secretKeyId = keys.body.data.find((k: any) => k.kind === "secret").id;
    const history = await request("GET", `/v1/coupons/${made.body.coupon.id}/history`, { cookie });
    expect(history.body.data[0]).toMatchObject({ action: "created", actor: secretKeyId });
  });

  it("refuses a foreign Origin, a cross-site fetch, and a request with no same-origin signal (CSRF); nothing is written", async () => {
    const { cookie } = await signIn();
    const cases = [
      { origin: "https://evil.example" },
      { origin: "http://localhost:8080" }, // another port is another origin
      { origin: null, site: "cross-site" },
      { origin: null, site: "same-site" }, // a sibling subdomain
      { origin: null },
    ];
    for (const o of cases) {
      const res = await request("POST", "/v1/coupons", { cookie, ...o, body: promoBody() });
      expect(res.status, JSON.stringify(o)).toBe(403);
      expect(res.body.code).toBe("cross_origin_refused");
      expect((await listAs(cookie, o)).status).toBe(403);
    }
    expect((await t.call("GET", "/v1/coupons", { key: s.sk })).body.data).toEqual([]);
  });

  it("reaches no platform-operator route and no other shop's objects", async () => {
    const other = await t.shop();
    const theirs = await t.call("POST", "/v1/coupons", { key: other.sk, body: promoBody() });
    const { cookie } = await signIn();
    expect((await request("POST", "/v1/shops", { cookie, body: { name: "X", region: "US", currency: "USD" } })).status).toBe(403);
    expect((await request("GET", `/v1/shops/${s.id}`, { cookie })).status).toBe(403);
    expect((await request("GET", `/v1/coupons/${theirs.body.coupon.id}`, { cookie })).status).toBe(404);
  });

  it("a bearer key in the same request wins over the cookie", async () => {
    const { cookie } = await signIn();
    const other = await t.shop();
    const res = await request("GET", "/v1/console/sessions/current", { cookie, origin: "https://evil.example", headers: { authorization: `Bearer ${other.sk}` } });
    expect(res.status).toBe(200);
    expect(res.body.shop.id).toBe(other.id);
  });
});

describe("a console session ends", () => {
  it("at sign-out: 204, the cookie is cleared, and the old cookie answers 401 session_expired", async () => {
    const { cookie } = await signIn();
    const out = await request("DELETE", "/v1/console/sessions/current", { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^ec_console=;.*Max-Age=0/);
    const after = await listAs(cookie);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe("session_expired");
    // Signing out again (an already ended session) is fine; from a foreign origin it is refused.
    expect((await request("DELETE", "/v1/console/sessions/current", { cookie })).status).toBe(204);
    expect((await request("DELETE", "/v1/console/sessions/current", { cookie, origin: "https://evil.example" })).status).toBe(403);
  });

  it("after 12 hours without use; each use slides the expiry (at most one write a minute)", async () => {
    const { cookie } = await signIn();
    clock += 11 * HOUR;
    const used = await listAs(cookie);
    expect(used.status).toBe(200);
    expect(used.headers.get("set-cookie")).toMatch(/Max-Age=43200/); // the browser's copy slides too
    clock += 30_000;
    const soon = await listAs(cookie);
    expect(soon.status).toBe(200);
    expect(soon.headers.get("set-cookie")).toBeNull(); // within a minute of the last write: no new write
    clock += 11 * HOUR; // 22 h after sign-in, 11 h after the last use
    expect((await listAs(cookie)).status).toBe(200);
    clock += 12 * HOUR + 1;
    const idle = await listAs(cookie);
    expect(idle.status).toBe(401);
    expect(idle.body.code).toBe("session_expired");
  });

  it("keeps real time: a test shop's frozen clock does not stretch or cut it", async () => {
    const { cookie } = await signIn();
    expect((await t.call("POST", "/v1/test-clock", { key: s.sk, body: { now: at(300 * DAY) } })).status).toBe(200);
    expect((await listAs(cookie)).status).toBe(200);
    clock += 12 * HOUR + 1;
    expect((await listAs(cookie)).status).toBe(401);
  });

  it("when the secret key it was opened with is revoked", async () => {
    const made = await t.call("POST", "/v1/keys", { key: s.sk, body: { kind: "secret" } });
    const { cookie } = await signIn(made.body.secret);
    expect((await listAs(cookie)).status).toBe(200);
    expect((await t.call("POST", `/v1/keys/${made.body.key.id}/revoke`, { key: s.sk })).status).toBe(200);
    expect((await listAs(cookie)).status).toBe(401);
  });
});
