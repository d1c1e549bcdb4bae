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
import { at, DAY, expectStatus, makeTestApp, promoBody, type ShopKeys, type TestApp } from "../support/app.js";

const OWN = "http://localhost"; // testClient's and app.request's URLs are http://localhost/…
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

/** How a page of some origin calls: with the session cookie, and the `Origin` / `Sec-Fetch-Site` it sends. */
interface Via {
  cookie?: string;
  /** null: no `Origin` header (a browser's same-origin GET); default: the API's own. */
  origin?: string | null;
  site?: string;
  headers?: Record<string, string>;
}

/** The typed API (testClient) as such a page calls it. */
const as = (o: Via = {}) =>
  t.api(undefined, {
    ...(o.cookie ? { cookie: o.cookie } : {}),
    ...(o.origin === null ? {} : { origin: o.origin ?? OWN }),
    ...(o.site ? { "sec-fetch-site": o.site } : {}),
    ...o.headers,
  });

/** An answer's status, headers and parsed body, for assertions about cookies and problems alike. */
async function read(call: Promise<Response> | Response) {
  const res = await call;
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, text };
}

/** Signs in and answers the `name=value` pair of the session cookie. */
async function signIn(key = s.sk, extra: Record<string, string> = {}) {
  const res = await read(as({ headers: extra }).v1.console.sessions.$post({ json: { secret_key: key } }));
  expect(res.status, res.text).toBe(201);
  return { res, cookie: res.headers.get("set-cookie")!.split(";")[0] };
}

const listAs = (cookie: string, o: Omit<Via, "cookie"> = {}) => read(as({ cookie, ...o }).v1.coupons.$get({ query: {} }));
const signInAs = (o: Via, secret_key: string) => read(as(o).v1.console.sessions.$post({ json: { secret_key } }));

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
    const proxied = await signInAs({ origin: "https://localhost", headers: { "x-forwarded-proto": "https" } }, s.sk);
    expect(proxied.status).toBe(201);
    expect(proxied.headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("refuses a publishable key beside the field, and unknown or revoked secret keys with 401; no cookie is set", async () => {
    const pk = await signInAs({}, s.pk);
    expect(pk.status).toBe(422);
    expect(pk.body.errors[0]).toMatchObject({ path: "secret_key", code: "not_a_secret_key" });
    const unknown = await signInAs({}, `sk_test_${"x".repeat(32)}`);
    expect(unknown.status).toBe(401);
    const made = await expectStatus(t.api(s.sk).v1.keys.$post({ json: { kind: "secret" } }), 201);
    await expectStatus(t.api(s.sk).v1.keys[":id"].revoke.$post({ param: { id: made.key.id } }), 200);
    const revoked = await signInAs({}, made.secret);
    expect(revoked.status).toBe(401);
    for (const r of [pk, unknown, revoked]) expect(r.headers.get("set-cookie")).toBeNull();
  });

  it("is refused from a foreign origin (login CSRF) with 403 and no cookie", async () => {
    const res = await signInAs({ origin: "https://evil.example" }, s.sk);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("cross_origin_refused");
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it(`limits failed attempts to ${SIGN_IN_ATTEMPTS_PER_MINUTE} a minute per client, then 429 with Retry-After even for a good key; successes never count`, async () => {
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_MINUTE + 5; i++) await signIn(); // successes are free
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_MINUTE; i++) {
      const bad = await signInAs({}, `sk_test_${"y".repeat(31)}${i % 10}`);
      expect(bad.status).toBe(401);
    }
    const blocked = await signInAs({}, s.sk);
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
    const who = await expectStatus(as({ cookie, origin: null, site: "same-origin" }).v1.console.sessions.current.$get(), 200);
    expect(who.shop.id).toBe(s.id);
    const made = await expectStatus(as({ cookie }).v1.coupons.$post({ json: promoBody({ code: "SESS1" }) }), 201);
    const list = await expectStatus(as({ cookie, origin: null, site: "same-origin" }).v1.coupons.$get({ query: {} }), 200);
    expect(list.data.map((c) => c.id)).toEqual([made.coupon.id]);
    const keys = await expectStatus(t.api(s.sk).v1.keys.$get({ query: {} }), 200);
    const secretKeyId = keys.data.find((k) => k.kind === "secret")!.id;
    const history = await expectStatus(as({ cookie }).v1.coupons[":id"].history.$get({ param: { id: made.coupon.id }, query: {} }), 200);
    expect(history.data[0]).toMatchObject({ action: "created", actor: secretKeyId });
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
      const res = await read(as({ cookie, ...o }).v1.coupons.$post({ json: promoBody() }));
      expect(res.status, JSON.stringify(o)).toBe(403);
      expect(res.body.code).toBe("cross_origin_refused");
      expect((await listAs(cookie, o)).status).toBe(403);
    }
    expect((await expectStatus(t.api(s.sk).v1.coupons.$get({ query: {} }), 200)).data).toEqual([]);
  });

  it("reaches no platform-operator route and no other shop's objects", async () => {
    const other = await t.shop();
    const theirs = await expectStatus(t.api(other.sk).v1.coupons.$post({ json: promoBody() }), 201);
    const { cookie } = await signIn();
    expect((await as({ cookie }).v1.shops.$post({ json: { name: "X", region: "US", currency: "USD" } })).status).toBe(403);
    // Its own shop it may read (as its secret key may), another shop's not even that.
    expect((await as({ cookie }).v1.shops[":id"].$get({ param: { id: s.id } })).status).toBe(200);
    expect((await as({ cookie }).v1.shops[":id"].$get({ param: { id: other.id } })).status).toBe(404);
    expect((await as({ cookie }).v1.coupons[":id"].$get({ param: { id: theirs.coupon.id } })).status).toBe(404);
  });

  it("a bearer key in the same request wins over the cookie", async () => {
    const { cookie } = await signIn();
    const other = await t.shop();
    const res = await expectStatus(t.api(other.sk, { cookie, origin: "https://evil.example" }).v1.console.sessions.current.$get(), 200);
    expect(res.shop.id).toBe(other.id);
  });
});

describe("a console session ends", () => {
  it("at sign-out: 204, the cookie is cleared, and the old cookie answers 401 session_expired", async () => {
    const { cookie } = await signIn();
    const out = await read(as({ cookie }).v1.console.sessions.current.$delete());
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^ec_console=;.*Max-Age=0/);
    const after = await listAs(cookie);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe("session_expired");
    // Signing out again (an already ended session) is fine; from a foreign origin it is refused.
    expect((await as({ cookie }).v1.console.sessions.current.$delete()).status).toBe(204);
    expect((await as({ cookie, origin: "https://evil.example" }).v1.console.sessions.current.$delete()).status).toBe(403);
    // Without a session there is nothing to end: 204 whatever the origin.
    expect((await as({ origin: null }).v1.console.sessions.current.$delete()).status).toBe(204);
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
    await expectStatus(t.api(s.sk).v1["test-clock"].$post({ json: { now: at(300 * DAY) } }), 200);
    expect((await listAs(cookie)).status).toBe(200);
    clock += 12 * HOUR + 1;
    expect((await listAs(cookie)).status).toBe(401);
  });

  it("when the secret key it was opened with is revoked", async () => {
    const made = await expectStatus(t.api(s.sk).v1.keys.$post({ json: { kind: "secret" } }), 201);
    const { cookie } = await signIn(made.secret);
    expect((await listAs(cookie)).status).toBe(200);
    await expectStatus(t.api(s.sk).v1.keys[":id"].revoke.$post({ param: { id: made.key.id } }), 200);
    expect((await listAs(cookie)).status).toBe(401);
  });
});
