/**
 * The edge's request plans, in process (README "A request at the edge"): the app configured as the
 * Workers entry configures it (one batch per request, the caller's key checked inside it), over a real
 * libSQL file, counting what each request sends to the database. The same counts are asserted in workerd
 * through the counting proxy (test/workers/round-trips.test.ts); here the plans' failure paths are cheap
 * to try: a key revoked meanwhile, a shop changed meanwhile, the order of 401 and other problems.
 */
import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  answer,
  at,
  cart,
  claimableBody,
  DAY,
  makeTestApp,
  problemOf,
  promoBody,
  type ShopKeys,
  type TestApp,
} from "../support/app.js";
import { calls } from "../support/api.js";
import { probes } from "./trips.js";
import { checksKeyInBatch, keyCheckedInBatch } from "../../worker/lib/planned-caller.js";

let t: TestApp;
const { counted, elsewhere, revokeFirstKeyElsewhere } = probes(() => t);
beforeAll(async () => {
  t = await makeTestApp({ edge: true, file: true });
});

let codes = 0;
async function shopWithCode(): Promise<{ s: ShopKeys; code: string }> {
  const s = await t.shop();
  const made = await answer(calls(t, s.sk).createCoupon(promoBody({ code: `TEN${++codes}` })));
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return { s, code: made.body.coupon!.code! };
}

const quoteBody = (code: string) => ({ code, cart: cart([{ unit_price_minor: 2500 }]) });

describe("one round trip per request, the key checked inside it", () => {
  it("a look-up and a quote each make one round trip once the key's shop is known", async () => {
    const { s, code } = await shopWithCode();
    const first = await counted(() => calls(t, s.pk).lookup(code));
    expect(first.body.valid).toBe(true);
    expect(first.trips).toBe(2); // this isolate had never seen the key: it is resolved first
    for (let i = 0; i < 3; i++) {
      const again = await counted(() => calls(t, s.pk).lookup(code));
      expect(again.body.valid).toBe(true);
      expect(again.trips).toBe(1);
    }
    const q = await counted(async () => calls(t, s.pk, { "x-buyer-token": await s.token("b1") }).quote(quoteBody(code)));
    expect(q.status).toBe(200);
    expect(q.body.applied?.code).toBe(code);
    expect(q.trips).toBe(1);
  });

  it("a key revoked in another isolate is refused by the very next request (its check rode in the batch)", async () => {
    const { s, code } = await shopWithCode();
    expect((await answer(calls(t, s.pk).lookup(code))).status).toBe(200);
    await elsewhere("UPDATE api_keys SET revoked_at = ? WHERE shop_id = ? AND kind = 'publishable'", [Date.now(), s.id]);
    const refused = await counted(() => calls(t, s.pk).lookup(code));
    expect(refused.status).toBe(401);
    expect(problemOf(refused).code).toBe("unauthorized");
    expect(refused.trips).toBe(1);
    expect((await answer(calls(t, s.pk).quote(quoteBody(code)))).status).toBe(401);
  });

  it("a shop changed in another isolate (its test clock) is seen by the next request, planned again", async () => {
    const clock = Date.now();
    const s = await t.shop();
    const seller = calls(t, s.sk);
    await answer(seller.setClock({ now: new Date(clock).toISOString() }));
    const made = await answer(
      seller.createCoupon(promoBody({ code: "SOON", active_starts_at: at(-1000, clock), active_ends_at: at(2 * DAY, clock) })),
    );
    const code = made.body.coupon!.code!;
    expect((await answer(seller.lookup(code))).body.valid).toBe(true);
    await elsewhere("UPDATE shops SET test_clock_now = ? WHERE id = ?", [clock + 3 * DAY, s.id]);
    const later = await counted(() => seller.lookup(code));
    expect(later.body).toMatchObject({ valid: false, reason: "expired" });
    expect(later.trips).toBe(2); // planned on the old clock, then again on the new one
    expect((await counted(() => seller.lookup(code))).trips).toBe(1);
  });

  it("an unknown key is 401 before any other problem, as when the key is resolved first", async () => {
    const { s, code } = await shopWithCode();
    await answer(calls(t, s.pk).lookup(code));
    await elsewhere("UPDATE api_keys SET revoked_at = ? WHERE shop_id = ? AND kind = 'publishable'", [Date.now(), s.id]);
    // An invalid body, a bad buyer token: the key is checked first (a failure may cost a round trip more).
    const invalid = await t.call("POST", "/v1/checkout/quote", { key: s.pk, body: { code, cart: { lines: "nope" } } });
    expect(invalid.status).toBe(401);
    const badToken = await answer(calls(t, s.pk, { "x-buyer-token": "not.a.token" }).quote(quoteBody(code)));
    expect(badToken.status).toBe(401);
    expect(problemOf(badToken).code).toBe("unauthorized");
    // With a live key those are the answers they always were.
    expect((await t.call("POST", "/v1/checkout/quote", { key: s.sk, body: { code, cart: { lines: "nope" } } })).status).toBe(422);
  });

  it("every main route: redemption 1, commit 1, claim 2, storefront list 1, wallet 1, create 1", async () => {
    const { s, code } = await shopWithCode();
    const seller = calls(t, s.sk);
    const regular = (await answer(seller.createCoupon(claimableBody("regular", { quantity: 100 })))).body.coupon!;
    const shopper = calls(t, s.pk, { "x-buyer-token": await s.token("b-main") });
    await answer(shopper.lookup(code)); // the publishable key known in this isolate
    const claim = await counted(() => shopper.claim(regular.id));
    expect(claim.status).toBe(201);
    expect(claim.trips).toBe(2);
    const list = await counted(() => shopper.storefront());
    expect(list.body.data?.find((c) => c.id === regular.id)).toMatchObject({ claimable: false, reason: "already_claimed" });
    expect(list.trips).toBe(1);
    const wallet = await counted(() => shopper.wallet());
    expect(wallet.body.data).toHaveLength(1);
    expect(wallet.trips).toBe(1);
    // The code's coupon as this isolate last read it prices the reservation; the write re-checks it.
    const red = await counted(() =>
      seller.redeem({ code, buyer_id: "b-red", order_id: "o-1", cart: cart([{ unit_price_minor: 2500 }]) }, "k-1"),
    );
    expect(red.status).toBe(201);
    expect(red.trips).toBe(1);
    const commit = await counted(() => seller.commit(red.body.redemption!.id));
    expect(commit.body.redemption?.state).toBe("committed");
    expect(commit.trips).toBe(1);
    const made = await counted(() => seller.createCoupon(claimableBody("regular")));
    expect(made.status).toBe(201);
    expect(made.body.coupon?.version).toBe(1);
    expect(made.trips).toBe(1);
  });

  it("a write whose key was revoked meanwhile writes nothing and answers 401 (the key guards the write)", async () => {
    const { s, code } = await shopWithCode();
    const body = { code, buyer_id: "b-w", order_id: "o-w", cart: cart([{ unit_price_minor: 2500 }]) };
    expect((await answer(calls(t, s.sk).redeem({ ...body, buyer_id: "b-first", order_id: "o-first" }))).status).toBe(201);
    const other = await revokeFirstKeyElsewhere(s);
    const count = async () => Number((await elsewhere("SELECT count(*) AS n FROM redemptions WHERE shop_id = ?", [s.id])).rows[0].n);
    const before = await count();
    const refused = await counted(() => calls(t, s.sk).redeem(body, "k-w"));
    expect(refused.status).toBe(401);
    expect(refused.trips).toBe(1);
    expect(await count()).toBe(before);
    expect((await answer(calls(t, s.sk).createCoupon(claimableBody("regular")))).status).toBe(401);
    const coupons = await answer(calls(t, other).listCoupons());
    expect(coupons.body.data?.map((c) => c.code)).toEqual([code]);
    // The same order through a live key goes through.
    expect((await answer(calls(t, other).redeem(body, "k-w"))).status).toBe(201);
  });

  it("an Idempotency-Key replay is answered with the first answer (a failure path: it may read again)", async () => {
    const { s, code } = await shopWithCode();
    const send = () =>
      answer(calls(t, s.sk).redeem({ code, buyer_id: "b-r", order_id: "o-r", cart: cart([{ unit_price_minor: 2500 }]) }, "k-r"));
    const first = await send();
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
  });

  it("code availability: one round trip, the key checked in its read, whatever the answer", async () => {
    const { s, code } = await shopWithCode();
    const seller = calls(t, s.sk);
    // The secret key is known to this isolate now (it created the code).
    for (const [suffix, want] of [
      ["FREE1", { available: true }],
      [code.slice(s.code_prefix.length), { available: false, reason: "promo_code_taken" }],
    ] as const) {
      const r = await counted(() => seller.availability(suffix));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject(want);
      expect(r.trips).toBe(1);
    }
    // A blocked word is answered from the words alone, but only once the key's check has come back.
    await elsewhere("UPDATE api_keys SET revoked_at = ? WHERE shop_id = ? AND kind = 'secret'", [Date.now(), s.id]);
    expect((await answer(seller.availability("FREE2"))).status).toBe(401);
  });

  it("the admin token and unknown keys are answered as before", async () => {
    expect((await answer(calls(t, ADMIN).lookup("NOPE"))).status).toBe(403);
    expect((await answer(calls(t, "pk_test_0123456789abcdefXYZ").lookup("NOPE"))).status).toBe(401);
  });
});

describe("which route plans its key", () => {
  it("only the route that answers: a path matching a marked pattern too (as availability matches {code}) is not planned", async () => {
    const app = new Hono();
    const planned: boolean[] = [];
    app.use("*", async (c, next) => {
      planned.push(checksKeyInBatch(c as never));
      await next();
    });
    // Registered first, with a validator-like middleware before its handler, as a contract route is.
    app.get(
      "/x/special",
      async (_c, next) => next(),
      (c) => c.text("special"),
    );
    app.get(
      "/x/:id",
      keyCheckedInBatch((c) => c.text("by id")),
    );
    expect(await (await app.request("/x/special")).text()).toBe("special");
    expect(await (await app.request("/x/7")).text()).toBe("by id");
    expect(planned).toEqual([false, true]);
  });
});
