/**
 * `GET /v1/promo-codes/availability?code=`: may this shop take the suffix now? R18 (prefix + suffix,
 * any case), R19 (unique among upcoming and ongoing codes of the region, every shop), R20 (blocked
 * words); the route sits beside `GET /v1/promo-codes/{code}` without taking its codes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { at, DAY, expectStatus, makeTestApp, MINUTE, promoBody, type ShopKeys, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

const availability = (s: ShopKeys, code: string) => expectStatus(t.api(s.sk).v1["promo-codes"].availability.$get({ query: { code } }), 200);
async function create(s: ShopKeys, body: Record<string, unknown>) {
  const res = await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody(body) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.coupon as { id: string; code: string };
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
    expect((await t.call("POST", "/v1/coupons", { key: us2.sk, body: promoBody({ code: "HELD" }) })).body.code).toBe("promo_code_taken");
    expect((await t.call("POST", "/v1/coupons", { key: eu.sk, body: promoBody({ code: "HELD" }) })).status).toBe(201);
  });

  it("R19, R28: a deactivated or ended code is free again", async () => {
    const s = await t.shop({ name: "Freed" });
    const off = await create(s, { code: "OFF" });
    expect((await availability(s, "OFF")).available).toBe(false);
    expect((await t.call("POST", `/v1/coupons/${off.id}/deactivate`, { key: s.sk })).status).toBe(200);
    expect(await availability(s, "OFF")).toEqual({ code: "FREEOFF", available: true });

    const start = Date.now();
    await t.call("POST", "/v1/test-clock", { key: s.sk, body: { now: new Date(start).toISOString() } });
    await create(s, { code: "SHORT", active_starts_at: at(-MINUTE, start), active_ends_at: at(DAY, start) });
    expect((await availability(s, "SHORT")).available).toBe(false);
    await t.call("POST", "/v1/test-clock", { key: s.sk, body: { now: new Date(start + 2 * DAY).toISOString() } });
    expect((await availability(s, "SHORT")).available).toBe(true);
    expect((await t.call("POST", "/v1/coupons", { key: s.sk, body: promoBody({ code: "SHORT", active_starts_at: at(0, start + 2 * DAY), active_ends_at: at(5 * DAY, start) }) })).status).toBe(201);
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
      expect(res.body.code).toBe("validation_failed");
    }
    const pk = await t.call("GET", "/v1/promo-codes/availability?code=ABC", { key: s.pk });
    expect(pk.status).toBe(403);
    expect(pk.body.code).toBe("forbidden");
    const c = await create(s, { code: "LOOK" });
    for (const key of [s.sk, s.pk]) {
      expect((await t.call("GET", `/v1/promo-codes/${c.code}`, { key })).body).toMatchObject({ valid: true });
      expect((await t.call("GET", "/v1/promo-codes/AVAILABILITY", { key })).body).toEqual({ valid: false, reason: "code_not_found" });
    }
  });
});
