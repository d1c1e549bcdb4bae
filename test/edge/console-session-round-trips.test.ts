/**
 * A console session at the edge (README "A request at the edge", "Seller console"): the app configured as
 * on Workers, counting round trips, the caller cache at TTL 0. A session this isolate has seen is not
 * resolved alone before a route that checks its caller in its own batch: the batch checks the session
 * live (idle expiry, sign-out, its key's revocation) and its shop as planned, so the request costs the
 * route's one round trip, plus the sliding refresh's write once a minute. CSRF is judged before anything.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { CallerCache } from "../../worker/lib/caller-cache.js";
import { answer, cart, makeTestApp, problemOf, promoBody, type ShopKeys, type TestApp } from "../support/app.js";
import { calls } from "../support/api.js";
import { probes } from "./trips.js";

const OWN = "http://localhost"; // the test client's origin
const HOUR = 3_600_000;
const url = "http://127.0.0.1:9/hook";

let t: TestApp;
const { counted, elsewhere, count } = probes(() => t);
let s: ShopKeys;
let clock: number;
beforeEach(async () => {
  t = await makeTestApp({ edge: true, file: true });
  t.config.callerCache = new CallerCache(0);
  clock = Date.now();
  t.config.now = () => clock;
  s = await t.shop();
});

/** Signs in with the shop's secret key: the console's calls, as its page makes them (cookie, own origin). */
async function console_(origin = OWN) {
  const res = await t.api(undefined, { origin }).v1.console.sessions.$post({ json: { secret_key: s.sk } });
  expect(res.status).toBe(201);
  const cookie = res.headers.get("set-cookie")!.split(";")[0];
  return { cookie, as: (o = origin) => calls(t, undefined, { cookie, origin: o }) };
}

const endpoints = () => count("SELECT count(*) AS n FROM webhook_endpoints WHERE shop_id = ?", [s.id]);

describe("a console session rides in the route's batch", () => {
  it("signing in is one round trip (the session written only for an active secret key, its shop read back); a revoked key opens nothing", async () => {
    const signIn = (key: string) => t.api(undefined, { origin: OWN }).v1.console.sessions.$post({ json: { secret_key: key } });
    const sessions = () => count("SELECT count(*) AS n FROM console_sessions WHERE shop_id = ?", [s.id]);
    const opened = await counted(() => signIn(s.sk));
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ shop: { id: s.id } });
    expect(opened.trips).toBe(1);
    expect(await sessions()).toBe(1);
    await elsewhere("UPDATE api_keys SET revoked_at = ? WHERE shop_id = ? AND kind = 'secret'", [Date.now(), s.id]);
    const refused = await counted(() => signIn(s.sk));
    expect(refused.status).toBe(401);
    expect(problemOf(refused).code).toBe("unauthorized");
    expect(refused.trips).toBe(1);
    expect(await sessions()).toBe(1);
  });

  it("once seen, a read and a write each cost one round trip, acting as the session's key", async () => {
    const { as } = await console_();
    const first = await counted(() => as().listKeys());
    expect(first.body.data).toHaveLength(2);
    expect(first.trips).toBe(2); // this isolate had never seen the session: resolved alone first
    const again = await counted(() => as().listKeys());
    expect(again.body.data?.map((k) => k.kind).sort()).toEqual(["publishable", "secret"]);
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(again.trips).toBe(1);
    const made = await counted(() => as().createEndpoint({ url, events: ["coupon.created"] }));
    expect(made.status).toBe(201);
    expect(made.trips).toBe(1);
    const secretId = again.body.data!.find((k) => k.kind === "secret")!.id;
    const actor = await elsewhere("SELECT actor FROM audit_entries WHERE shop_id = ? AND action = 'webhook_endpoint_created'", [s.id]);
    expect(actor.rows[0].actor).toBe(secretId);
    const shop = await counted(() => as().readShop(s.id));
    expect(shop.body.shop?.id).toBe(s.id);
    expect(shop.trips).toBe(1);
  });

  it("slides once a minute: the write after the route, and the cookie's Max-Age again", async () => {
    const { as, cookie } = await console_();
    await answer(as().listKeys());
    clock += 61_000;
    const slid = await counted(() => as().listKeys());
    expect(slid.status).toBe(200);
    expect(slid.headers.get("set-cookie")).toMatch(/Max-Age=43200/);
    expect(slid.trips).toBe(2); // the route's batch, then the refresh
    const hash = await sha256(cookie.split("=")[1]);
    const row = await elsewhere("SELECT last_used_at, expires_at FROM console_sessions WHERE token_hash = ?", [hash]);
    expect(row.rows[0]).toMatchObject({ last_used_at: clock, expires_at: clock + 12 * HOUR });
    clock += 30_000;
    const soon = await counted(() => as().listKeys());
    expect(soon.headers.get("set-cookie")).toBeNull();
    expect(soon.trips).toBe(1);
    // 11 h of use, each slide keeping it open; then 12 idle hours end it.
    for (let i = 0; i < 11; i++) {
      clock += HOUR;
      expect((await answer(as().listKeys())).status).toBe(200);
    }
    clock += 12 * HOUR + 1;
    const idle = await counted(() => as().createEndpoint({ url, events: ["coupon.created"] }));
    expect(idle.status).toBe(401);
    expect(problemOf(idle).code).toBe("session_expired");
    expect(idle.trips).toBe(1);
    expect(await endpoints()).toBe(0);
  });

  it("a session ended in another isolate (signed out, or its key revoked) is refused 401 and writes nothing", async () => {
    const { as, cookie } = await console_();
    await answer(as().listKeys());
    await elsewhere("DELETE FROM console_sessions WHERE token_hash = ?", [await sha256(cookie.split("=")[1])]);
    const out = await counted(() => as().createEndpoint({ url, events: ["coupon.created"] }));
    expect(out.status).toBe(401);
    expect(problemOf(out).code).toBe("session_expired");
    expect(out.trips).toBe(1);
    expect(await endpoints()).toBe(0);

    const second = await console_();
    await answer(second.as().listKeys());
    await elsewhere("UPDATE api_keys SET revoked_at = ? WHERE shop_id = ? AND kind = 'secret'", [clock, s.id]);
    const revoked = await counted(() => second.as().patchShop(s.id, { allowed_origins: ["https://evil.example"] }));
    expect(problemOf(revoked).code).toBe("session_expired");
    expect(revoked.trips).toBe(1);
    expect((await elsewhere("SELECT allowed_origins FROM shops WHERE id = ?", [s.id])).rows[0].allowed_origins).toBe("[]");
    // A request refused before its batch (an invalid body) still has its session checked first.
    const invalid = await t.call("POST", "/v1/webhook-endpoints", { headers: { cookie: second.cookie, origin: OWN }, body: { url: 7 } });
    expect(invalid.status).toBe(401);
    expect(problemOf(invalid).code).toBe("session_expired");
  });

  it("a reservation's guarded write (its fixed-text statements) checks the session too", async () => {
    const code = (await answer(calls(t, s.sk).createCoupon(promoBody({ code: "CONSOLE", quantity: 10 })))).body.coupon!.code!;
    const { as, cookie } = await console_();
    const body = (n: number) => ({ code, buyer_id: `b-${n}`, order_id: `o-${n}`, cart: cart([{ unit_price_minor: 2500 }]) });
    expect((await answer(as().redeem(body(1)))).status).toBe(201);
    const second = await counted(() => as().redeem(body(2)));
    expect(second.status).toBe(201);
    expect(second.trips).toBe(1); // priced on the coupon as last read; the write carries the session's check
    await elsewhere("DELETE FROM console_sessions WHERE token_hash = ?", [await sha256(cookie.split("=")[1])]);
    const refused = await counted(() => as().redeem(body(3)));
    expect(problemOf(refused).code).toBe("session_expired");
    expect(refused.trips).toBe(1);
    expect(await count("SELECT count(*) AS n FROM redemptions WHERE shop_id = ?", [s.id])).toBe(2);
  });

  it("CSRF is judged before anything: another origin is 403 with no round trip", async () => {
    const { as } = await console_();
    await answer(as().listKeys());
    const foreign = await counted(() => as("https://evil.example").createEndpoint({ url, events: ["coupon.created"] }));
    expect(foreign.status).toBe(403);
    expect(problemOf(foreign).code).toBe("cross_origin_refused");
    expect(foreign.trips).toBe(0);
    expect(await endpoints()).toBe(0);
  });

  it("a shop changed elsewhere is planned again; a live session's invalid body is 422 as before", async () => {
    const { as, cookie } = await console_();
    await answer(as().listKeys());
    const frozen = Date.UTC(2033, 1, 2);
    await elsewhere("UPDATE shops SET test_clock_now = ? WHERE id = ?", [frozen, s.id]);
    const read = await counted(() => as().readShop(s.id));
    expect(read.body.shop?.test_clock).toBe(new Date(frozen).toISOString());
    expect(read.trips).toBe(2);
    const clockSet = await counted(() => as().setClock({ now: null }));
    expect(clockSet.body.frozen).toBe(false);
    expect(clockSet.trips).toBe(1);
    const invalid = await t.call("POST", "/v1/webhook-endpoints", { headers: { cookie, origin: OWN }, body: { url: 7 } });
    expect(invalid.status).toBe(422);
  });
});

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
