/**
 * The edge's request plans, in process (README "A request at the edge"): the app configured as the
 * Workers entry configures it (one batch per request, the caller's key checked inside it), over a real
 * libSQL file, counting what each request sends to the database. The same counts are asserted in workerd
 * through the counting proxy (test/workers/round-trips.test.ts); here the plans' failure paths are cheap
 * to try: a key revoked meanwhile, a shop changed meanwhile, the order of 401 and other problems.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN, at, cart, claimableBody, DAY, makeTestApp, promoBody, type ShopKeys, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ edge: true, file: true });
});

/** The answer of one request and the database round trips it made. */
async function counted(method: string, path: string, opts: Parameters<TestApp["call"]>[2] = {}) {
  const before = t.trips();
  const res = await t.call(method, path, opts);
  return { ...res, trips: t.trips() - before };
}

let codes = 0;
async function shopWithCode(code = `TEN${++codes}`): Promise<{ s: ShopKeys; code: string }> {
  const s = await t.shop();
  const made = await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ code }) });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return { s, code: made.body.coupon.code };
}

const quoteBody = (code: string) => ({ code, cart: cart([{ unit_price_minor: 2500 }]) });

describe("one round trip per request, the key checked inside it", () => {
  it("a look-up and a quote each make one round trip once the key's shop is known", async () => {
    const { s, code } = await shopWithCode();
    const first = await counted("GET", `/v1/promo-codes/${code}`, { key: s.pk });
    expect(first.body.valid).toBe(true);
    expect(first.trips).toBe(2); // this isolate had never seen the key: it is resolved first
    for (let i = 0; i < 3; i++) {
      const again = await counted("GET", `/v1/promo-codes/${code}`, { key: s.pk });
      expect(again.body.valid).toBe(true);
      expect(again.trips).toBe(1);
    }
    const q = await counted("POST", "/v1/checkout/quote", { key: s.pk, body: quoteBody(code), headers: { "x-buyer-token": await s.token("b1") } });
    expect(q.status).toBe(200);
    expect(q.body.applied.code).toBe(code);
    expect(q.trips).toBe(1);
  });

  it("a key revoked in another isolate is refused by the very next request (its check rode in the batch)", async () => {
    const { s, code } = await shopWithCode();
    expect((await t.call("GET", `/v1/promo-codes/${code}`, { key: s.pk })).status).toBe(200);
    // Revoked behind this isolate's back: the statement another isolate would run.
    await t.db.$client.execute({ sql: "UPDATE api_keys SET revoked_at = ? WHERE shop_id = ? AND kind = 'publishable'", args: [Date.now(), s.id] });
    const refused = await counted("GET", `/v1/promo-codes/${code}`, { key: s.pk });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe("unauthorized");
    expect(refused.trips).toBe(1);
    const quote = await t.call("POST", "/v1/checkout/quote", { key: s.pk, body: quoteBody(code) });
    expect(quote.status).toBe(401);
  });

  it("a shop changed in another isolate (its test clock) is seen by the next request, planned again", async () => {
    const clock = Date.now();
    const s = await t.shop();
    await t.call("POST", "/v1/test-clock", { key: s.sk, body: { now: new Date(clock).toISOString() } });
    const made = await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ code: "SOON", active_starts_at: at(-1000, clock), active_ends_at: at(2 * DAY, clock) }) });
    const code = made.body.coupon.code;
    expect((await t.call("GET", `/v1/promo-codes/${code}`, { key: s.sk })).body.valid).toBe(true);
    await t.db.$client.execute({ sql: "UPDATE shops SET test_clock_now = ? WHERE id = ?", args: [clock + 3 * DAY, s.id] });
    const later = await counted("GET", `/v1/promo-codes/${code}`, { key: s.sk });
    expect(later.body).toMatchObject({ valid: false, reason: "expired" });
    expect(later.trips).toBe(2); // planned on the old clock, then again on the new one
    expect((await counted("GET", `/v1/promo-codes/${code}`, { key: s.sk })).trips).toBe(1);
  });

  it("an unknown key is 401 before any other problem, as when the key is resolved first", async () => {
    const { s, code } = await shopWithCode();
    await t.call("GET", `/v1/promo-codes/${code}`, { key: s.pk });
    await t.db.$client.execute({ sql: "UPDATE api_keys SET revoked_at = ? WHERE shop_id = ? AND kind = 'publishable'", args: [Date.now(), s.id] });
    // An invalid body, a bad buyer token: the key is checked first (a failure may cost a round trip more).
    const invalid = await t.call("POST", "/v1/checkout/quote", { key: s.pk, body: { code, cart: { lines: "nope" } } });
    expect(invalid.status).toBe(401);
    const badToken = await t.call("POST", "/v1/checkout/quote", { key: s.pk, body: quoteBody(code), headers: { "x-buyer-token": "not.a.token" } });
    expect(badToken.status).toBe(401);
    expect(badToken.body.code).toBe("unauthorized");
    // With a live key those are the answers they always were.
    const live = await t.call("POST", "/v1/checkout/quote", { key: s.sk, body: { code, cart: { lines: "nope" } } });
    expect(live.status).toBe(422);
  });

  it("every main route: redemption 1, commit 1, claim 2, storefront list 1, wallet 1, create 1", async () => {
    const { s, code } = await shopWithCode();
    const regular = (await t.call("POST", "/v1/coupons", { key: s.sk, body: claimableBody("regular", { quantity: 100 }) })).body.coupon;
    const buyer = { "x-buyer-token": await s.token("b-main") };
    await t.call("GET", `/v1/promo-codes/${code}`, { key: s.pk }); // the publishable key known in this isolate
    const claim = await counted("POST", `/v1/storefront/coupons/${regular.id}/claim`, { key: s.pk, body: {}, headers: buyer });
    expect(claim.status).toBe(201);
    expect(claim.trips).toBe(2);
    const list = await counted("GET", "/v1/storefront/coupons", { key: s.pk, headers: buyer });
    expect(list.body.data.find((c: { id: string }) => c.id === regular.id)).toMatchObject({ claimable: false, reason: "already_claimed" });
    expect(list.trips).toBe(1);
    const wallet = await counted("GET", "/v1/storefront/wallet", { key: s.pk, headers: buyer });
    expect(wallet.body.data).toHaveLength(1);
    expect(wallet.trips).toBe(1);
    // The code's coupon as this isolate last read it prices the reservation; the write re-checks it.
    const red = await counted("POST", "/v1/checkout/redemptions", { key: s.sk, body: { code, buyer_id: "b-red", order_id: "o-1", cart: cart([{ unit_price_minor: 2500 }]) }, headers: { "idempotency-key": "k-1" } });
    expect(red.status).toBe(201);
    expect(red.trips).toBe(1);
    const commit = await counted("POST", `/v1/redemptions/${red.body.redemption.id}/commit`, { key: s.sk });
    expect(commit.body.redemption.state).toBe("committed");
    expect(commit.trips).toBe(1);
    const made = await counted("POST", "/v1/coupons", { key: s.sk, body: claimableBody("regular") });
    expect(made.status).toBe(201);
    expect(made.body.coupon.version).toBe(1);
    expect(made.trips).toBe(1);
  });

  it("a write whose key was revoked meanwhile writes nothing and answers 401 (the key guards the write)", async () => {
    const { s, code } = await shopWithCode();
    const body = { code, buyer_id: "b-w", order_id: "o-w", cart: cart([{ unit_price_minor: 2500 }]) };
    expect((await t.call("POST", "/v1/checkout/redemptions", { key: s.sk, body: { ...body, buyer_id: "b-first", order_id: "o-first" } })).status).toBe(201);
    // A second secret key, so revoking the first is allowed; revoked behind this isolate's back.
    const other = (await t.call("POST", "/v1/keys", { key: s.sk, body: { kind: "secret" } })).body.secret;
    await t.db.$client.execute({ sql: "UPDATE api_keys SET revoked_at = ? WHERE shop_id = ? AND kind = 'secret' AND key_hint = ?", args: [Date.now(), s.id, `${s.sk.slice(0, 12)}…`] });
    const count = async () => Number((await t.db.$client.execute({ sql: "SELECT count(*) AS n FROM redemptions WHERE shop_id = ?", args: [s.id] })).rows[0].n);
    const before = await count();
    const refused = await counted("POST", "/v1/checkout/redemptions", { key: s.sk, body, headers: { "idempotency-key": "k-w" } });
    expect(refused.status).toBe(401);
    expect(refused.trips).toBe(1);
    expect(await count()).toBe(before);
    const created = await t.call("POST", "/v1/coupons", { key: s.sk, body: claimableBody("regular") });
    expect(created.status).toBe(401);
    const coupons = await t.call("GET", "/v1/coupons", { key: other });
    expect(coupons.body.data.map((c: { code: string | null }) => c.code)).toEqual([code]);
    // The same order through a live key goes through.
    expect((await t.call("POST", "/v1/checkout/redemptions", { key: other, body, headers: { "idempotency-key": "k-w" } })).status).toBe(201);
  });

  it("an Idempotency-Key replay is answered with the first answer (a failure path: it may read again)", async () => {
    const { s, code } = await shopWithCode();
    const send = () =>
      counted("POST", "/v1/checkout/redemptions", { key: s.sk, body: { code, buyer_id: "b-r", order_id: "o-r", cart: cart([{ unit_price_minor: 2500 }]) }, headers: { "idempotency-key": "k-r" } });
    const first = await send();
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
  });

  it("the admin token and unknown keys are answered as before", async () => {
    expect((await t.call("GET", "/v1/promo-codes/NOPE", { key: ADMIN })).status).toBe(403);
    expect((await t.call("GET", "/v1/promo-codes/NOPE", { key: "pk_test_0123456789abcdefXYZ" })).status).toBe(401);
  });
});
