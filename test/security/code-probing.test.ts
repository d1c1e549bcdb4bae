/**
 * Guessing across shops: promo codes are unique per region (R19), so a 409 `promo_code_taken` tells a
 * seller that some shop's code exists. A shop with the same 4-letter prefix once tested any region code
 * through `PATCH /v1/coupons/{id} {code}`, ~16,000 a minute. Every `promo_code_taken` answer (create,
 * update, duplicate) now counts as a failed look-up of the ASKING shop; past its limit its code-bearing
 * writes answer 429 with Retry-After, and the shop whose codes were probed is not held back.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { answer, at, DAY, makeTestApp, promoBody, type ShopKeys, type TestApp } from "../support/app.js";
import { calls } from "../support/api.js";

const LIMIT = 4;
let t: TestApp;
let realNow = Date.now();
let victim: ShopKeys;
beforeAll(async () => {
  t = await makeTestApp({ env: { RATE_LIMIT_FAILED_LOOKUPS: String(LIMIT) } });
  // Rate limits use real time: a settable clock lets the test end a window without waiting a minute.
  realNow = Date.now();
  t.config.now = () => realNow;
  victim = await t.shop({ name: "Same Victim" });
  for (let i = 1; i <= 8; i++) expect((await create(victim, `VIC${i}`)).status).toBe(201);
});

let n = 0;
const create = (s: ShopKeys, code?: string, over: Parameters<typeof promoBody>[0] = {}) =>
  answer(calls(t, s.sk).createCoupon(promoBody({ name: `Probe ${++n}`, ...(code ? { code } : {}), ...over })));
/** The attacker's own upcoming code, whose code it may change at will. */
async function probe(s: ShopKeys) {
  const res = await create(s, `OWN${++n}`, { active_starts_at: at(DAY, realNow), active_ends_at: at(2 * DAY, realNow) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const { id, active_starts_at, active_ends_at } = res.body.coupon!;
  return { id, active_starts_at: active_starts_at!, active_ends_at: active_ends_at! };
}
const patchCode = (s: ShopKeys, id: string, code: string) => answer(calls(t, s.sk).patchCoupon(id, { code }));

function expectLimited(res: { status: number; headers: Headers; body: { code?: string } }) {
  expect(res.status).toBe(429);
  expect(res.body.code).toBe("rate_limited");
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
}

describe("promo_code_taken counts toward the asking shop's guessing limit", () => {
  it("PATCH probes of another shop's codes: the first LIMIT are 409, then every code-bearing write is 429 until the window ends", async () => {
    const attacker = await t.shop({ name: "Same Attacker" });
    expect(attacker.code_prefix).toBe(victim.code_prefix);
    const own = await probe(attacker);
    for (let i = 1; i <= LIMIT; i++) {
      const res = await patchCode(attacker, own.id, `VIC${i}`);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe("promo_code_taken");
    }
    // Past the limit: taken or free, the answer no longer says (so nothing more is learnt).
    expectLimited(await patchCode(attacker, own.id, "VIC5"));
    expectLimited(await patchCode(attacker, own.id, "FREE1"));
    expectLimited(await create(attacker, "VIC6"));
    // A write without a code the seller chose is not a guess, and goes through.
    expect((await answer(calls(t, attacker.sk).patchCoupon(own.id, { name: "Still editable" }))).status).toBe(200);
    expect((await create(attacker)).status).toBe(201);
    // The probed shop is not held back, nor are the attacker's own storefront look-ups (publishable key).
    expect((await create(victim, "VICNEW")).status).toBe(201);
    expect((await answer(calls(t, victim.pk).lookup(`${victim.code_prefix}VIC1`))).body.valid).toBe(true);

    realNow += 61_000;
    const after = await patchCode(attacker, own.id, "VIC7");
    expect(after.status).toBe(409);
    expect((await patchCode(attacker, own.id, "FREE2")).status).toBe(200);
  });

  it("create and duplicate probes count the same way", async () => {
    const attacker = await t.shop({ name: "Same Duplicator" });
    const own = await probe(attacker);
    for (let i = 1; i <= 2; i++) expect((await create(attacker, `VIC${i}`)).body.code).toBe("promo_code_taken");
    for (let i = 3; i <= LIMIT; i++) {
      const dup = await answer(
        calls(t, attacker.sk).duplicate(own.id, {
          code: `VIC${i}`,
          active_starts_at: own.active_starts_at,
          active_ends_at: own.active_ends_at,
        }),
      );
      expect(dup.body.code).toBe("promo_code_taken");
    }
    expectLimited(
      await answer(
        calls(t, attacker.sk).duplicate(own.id, {
          code: "FREE3",
          active_starts_at: own.active_starts_at,
          active_ends_at: own.active_ends_at,
        }),
      ),
    );
    expectLimited(await create(attacker, "FREE4"));
    // It is the shop's limit, and a failed look-up of it: its secret-key look-ups of unknown codes wait too.
    expectLimited(await answer(calls(t, attacker.sk).lookup(`${attacker.code_prefix}NOPE`)));
  });
});
