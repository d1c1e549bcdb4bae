/**
 * R5: a claimed coupon is usable from its claim until its validity ends. A fixed validity that ends by the
 * time the claim window opens would hand out claims no one could ever use: 422, on create, on PATCH and on
 * a duplicate's overrides.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { answer, at as atFrom, claimableBody, DAY, makeTestApp, type ShopKeys, type TestApp } from "../support/app.js";
import { calls } from "../support/api.js";

let t: TestApp;
let s: ShopKeys;
beforeAll(async () => {
  t = await makeTestApp();
  s = await t.shop();
});

// One base for every time of a test, so "ends when claims open" is the same millisecond.
const BASE = Date.now();
const at = (offset: number) => atFrom(offset, BASE);
const fixed = (from: number, to: number) => ({ kind: "fixed" as const, starts_at: at(from), ends_at: at(to) });
const create = (over: Record<string, unknown>) => answer(calls(t, s.sk).createCoupon(claimableBody("regular", over)));
const paths = (body: { errors?: { path: string; code: string }[] }) => body.errors?.map((e) => `${e.path}:${e.code}`);

describe("R5: a fixed validity must end after the claim window starts", () => {
  it("create: a validity over before claims open is 422; one that reaches into the window is 201", async () => {
    const window = { claim_starts_at: at(10 * DAY), claim_ends_at: at(50 * DAY) };
    const dead = await create({ ...window, validity: fixed(DAY, 5 * DAY) });
    expect(dead.status).toBe(422);
    expect(dead.body.code).toBe("validation_failed");
    expect(paths(dead.body)).toEqual(["validity.ends_at:validity_ends_before_claims"]);
    const edge = await create({ ...window, validity: fixed(DAY, 10 * DAY) });
    expect(paths(edge.body)).toEqual(["validity.ends_at:validity_ends_before_claims"]);
    const chat = await answer(calls(t, s.sk).createCoupon(claimableBody("chat", { ...window, validity: fixed(DAY, 5 * DAY) })));
    expect(chat.status).toBe(422);
    expect((await create({ ...window, validity: fixed(DAY, 11 * DAY) })).status).toBe(201);
  });

  it("PATCH: neither a new validity nor a later claim start may leave the validity ending before claims open", async () => {
    const made = await create({ claim_starts_at: at(10 * DAY), claim_ends_at: at(50 * DAY), validity: fixed(5 * DAY, 20 * DAY) });
    expect(made.status).toBe(201);
    const id = made.body.coupon!.id;
    const patch = (body: Record<string, unknown>) => answer(calls(t, s.sk).patchCoupon(id, body));
    const earlier = await patch({ validity: fixed(2 * DAY, 9 * DAY) });
    expect(earlier.status).toBe(422);
    expect(paths(earlier.body)).toEqual(["validity.ends_at:validity_ends_before_claims"]);
    const later = await patch({ claim_starts_at: at(25 * DAY), claim_ends_at: at(60 * DAY) });
    expect(later.status).toBe(422);
    expect(paths(later.body)).toEqual(["validity.ends_at:validity_ends_before_claims"]);
    // Nothing changed.
    const now = await answer(calls(t, s.sk).readCoupon(id));
    expect(now.body.coupon).toMatchObject({
      version: 1,
      claim_starts_at: made.body.coupon!.claim_starts_at,
      validity: made.body.coupon!.validity,
    });
    expect((await patch({ claim_starts_at: at(15 * DAY) })).status).toBe(200);
  });

  it("duplicate: new dates that open claims after the copied validity ended are 422; with a new validity too, 201", async () => {
    const made = await create({ claim_starts_at: at(2 * DAY), claim_ends_at: at(40 * DAY), validity: fixed(2 * DAY, 20 * DAY) });
    expect(made.status).toBe(201);
    const dup = (body: Record<string, unknown>) => answer(calls(t, s.sk).duplicate(made.body.coupon!.id, body));
    const dead = await dup({ claim_starts_at: at(30 * DAY), claim_ends_at: at(70 * DAY) });
    expect(dead.status).toBe(422);
    expect(paths(dead.body)).toEqual(["validity.ends_at:validity_ends_before_claims"]);
    const ok = await dup({ claim_starts_at: at(30 * DAY), claim_ends_at: at(70 * DAY), validity: fixed(30 * DAY, 80 * DAY) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.coupon!.origin).toBe("duplicate");
  });
});
