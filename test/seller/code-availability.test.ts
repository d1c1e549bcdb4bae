/**
 * `GET /v1/promo-codes/availability?code=`: may this shop take the suffix now? R18 (prefix + suffix,
 * any case), R19 (unique among upcoming and ongoing codes of the region, every shop), R20 (blocked
 * words); the route sits beside `GET /v1/promo-codes/{code}` without taking its codes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { at, DAY, expectStatus, makeTestApp, MINUTE, problemOf, promoBody, type ShopKeys, type TestApp } from "../support/app.js";
import { calls } from "../support/api.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

const availability = (s: ShopKeys, code: string) => expectStatus(calls(t, s.sk).availability(code), 200);
async function create(s: ShopKeys, body: Parameters<typeof promoBody>[0]) {
  return (await expectStatus(calls(t, s.sk).createCoupon(promoBody(body)), 201)).coupon;
}

describe("availability of a suffix", () => {
  it("R18: the answer names the full code (the shop's prefix + the suffix, upper case)", async () => {
    const s = await t.shop({ name: "Avail" });
    expect(await availability(s, "spring5")).toEqual({ code: "AVAISPRING5", available: true });
  });

  it("R19: taken while any shop of the region holds the code upcoming or ongoing; free in another region", async () => {
    const us = await t.shop({ name: "Same Prefix A", region: "US" });
    const us2 = await t.shop({ name: "Same Prefix B", region: "US" });
    const eu = await t.shop({ name: "Same Prefix C", region: "EU" });
    await create(us, { code: "HELD", active_starts_at: at(DAY), active_ends_at: at(3 * DAY) }); // upcoming still holds it
    expect(await availability(us, "held")).toEqual({ code: "SAMEHELD", available: false, reason: "promo_code_taken" });
    expect(await availability(us2, "HELD")).toEqual({ code: "SAMEHELD", available: false, reason: "promo_code_taken" });
    expect(await availability(eu, "HELD")).toEqual({ code: "SAMEHELD", available: true });
    // What availability says, create does.
    expect((await expectStatus(calls(t, us2.sk).createCoupon(promoBody({ code: "HELD" })), 409)).code).toBe("promo_code_taken");
    await expectStatus(calls(t, eu.sk).createCoupon(promoBody({ code: "HELD" })), 201);
  });

  it("R19, R28: a deactivated or ended code is free again", async () => {
    const s = await t.shop({ name: "Freed" });
    const off = await create(s, { code: "OFF" });
    expect((await availability(s, "OFF")).available).toBe(false);
    await expectStatus(calls(t, s.sk).deactivate(off.id), 200);
    expect(await availability(s, "OFF")).toEqual({ code: "FREEOFF", available: true });

    const start = Date.now();
    await expectStatus(calls(t, s.sk).setClock({ now: new Date(start).toISOString() }), 200);
    await create(s, { code: "SHORT", active_starts_at: at(-MINUTE, start), active_ends_at: at(DAY, start) });
    expect((await availability(s, "SHORT")).available).toBe(false);
    await expectStatus(calls(t, s.sk).setClock({ now: new Date(start + 2 * DAY).toISOString() }), 200);
    expect((await availability(s, "SHORT")).available).toBe(true);
    await expectStatus(
      calls(t, s.sk).createCoupon(
        promoBody({ code: "SHORT", active_starts_at: at(0, start + 2 * DAY), active_ends_at: at(5 * DAY, start) }),
      ),
      201,
    );
  });

  it("R20: a blocked word in the suffix is code_not_allowed; one wholly inside the shop's own prefix is not", async () => {
    const s = await t.shop({ name: "Assembly" }); // prefix ASSE: holds a blocked word the seller did not choose
    expect(await availability(s, "SHIT2")).toEqual({ code: "ASSESHIT2", available: false, reason: "code_not_allowed" });
    expect(await availability(s, "MBLE")).toEqual({ code: "ASSEMBLE", available: true });
    expect(await availability(s, "2SEX")).toEqual({ code: "ASSE2SEX", available: false, reason: "code_not_allowed" }); // a word of its own
    expect(await availability(s, "X1")).toEqual({ code: "ASSEX1", available: true }); // ASSEX is not the word SEX
  });

  it("a malformed suffix is 422; a publishable key is 403; the look-up of codes keeps its route", async () => {
    const s = await t.shop({ name: "Route" });
    for (const q of ["code=A", "code=NINECHARS", "code=AB-1", "code=", "", "code=AB&extra=1", "code=%C3%A9t%C3%A9"]) {
      const res = await t.call("GET", `/v1/promo-codes/availability?${q}`, { key: s.sk });
      expect(res.status, q).toBe(422);
      expect(problemOf(res).code).toBe("validation_failed");
    }
    expect((await expectStatus(calls(t, s.pk).availability("ABC"), 403)).code).toBe("forbidden");
    const c = await create(s, { code: "LOOK" });
    for (const key of [s.sk, s.pk]) {
      expect(await expectStatus(calls(t, key).lookup(c.code!), 200)).toMatchObject({ valid: true });
      expect(await expectStatus(calls(t, key).lookup("AVAILABILITY"), 200)).toEqual({ valid: false, reason: "code_not_found" });
    }
  });
});
