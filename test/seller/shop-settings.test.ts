/**
 * `PATCH /v1/shops/{id}` by the seller (README "Seller tools"): a secret key changes its own shop's
 * allowed origins (replace, or add and remove without resending the list) and R3 thresholds; the name,
 * addon coupons (R32), region and mode stay the platform operator's; origins are checked strictly and
 * kept as browsers send them, so CORS answers follow at once; every change is in the operation log (R30).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN, answer, expectStatus, makeTestApp, type ShopKeys, type TestApp } from "../support/app.js";
import { calls } from "../support/api.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ file: true });
});

const patch = (key: string, s: ShopKeys, json: Record<string, unknown>) => t.api(key).v1.shops[":id"].$patch({ param: { id: s.id }, json });
const origins = async (s: ShopKeys) =>
  (await expectStatus(t.api(s.sk).v1.shops[":id"].$get({ param: { id: s.id } }), 200)).shop.allowed_origins;

describe("a seller's own shop settings", () => {
  it("replaces the origin list, adds and removes origins without resending it", async () => {
    const s = await t.shop({ name: "Origins", allowed_origins: ["https://a.example"] });
    expect(
      (await expectStatus(patch(s.sk, s, { allowed_origins: ["https://b.example", "http://localhost:5173"] }), 200)).shop.allowed_origins,
    ).toEqual(["https://b.example", "http://localhost:5173"]);
    const added = await expectStatus(patch(s.sk, s, { allowed_origins_add: ["https://c.example", "https://b.example"] }), 200);
    expect(added.shop.allowed_origins).toEqual(["https://b.example", "http://localhost:5173", "https://c.example"]);
    const removed = await expectStatus(patch(s.sk, s, { allowed_origins_remove: ["http://localhost:5173", "https://never.example"] }), 200);
    expect(removed.shop.allowed_origins).toEqual(["https://b.example", "https://c.example"]);
    const both = await expectStatus(
      patch(s.sk, s, { allowed_origins_add: ["https://d.example"], allowed_origins_remove: ["https://b.example"] }),
      200,
    );
    expect(both.shop.allowed_origins).toEqual(["https://c.example", "https://d.example"]);
    expect(await origins(s)).toEqual(["https://c.example", "https://d.example"]);
  });

  it("concurrent adds from two storefronts both stay (the list is changed in place, never read and resent)", async () => {
    const s = await t.shop({ name: "Racing" });
    const adds = Array.from({ length: 12 }, (_, i) => `https://store${i}.example`);
    const answers = await Promise.all(adds.map((o) => patch(s.sk, s, { allowed_origins_add: [o] })));
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect((await origins(s)).sort()).toEqual([...adds].sort());
  });

  it("origins are strict (scheme://host[:port], no path) and stored as a browser sends them; CORS follows at once", async () => {
    const s = await t.shop({ name: "Strict" });
    for (const bad of [
      "https://shop.example/",
      "https://shop.example/app",
      "shop.example",
      "ftp://shop.example",
      "https://*.example",
      "https://shop.example:70000",
      "https://user@shop.example",
      "https://shop.example?x=1",
      "null",
      "",
    ]) {
      for (const field of ["allowed_origins", "allowed_origins_add", "allowed_origins_remove"]) {
        const res = await expectStatus(patch(s.sk, s, { [field]: [bad] }), 422);
        expect(res.errors?.[0].path, `${field} ${bad}`).toBe(`${field}.0`);
      }
    }
    const stored = await expectStatus(
      patch(s.sk, s, { allowed_origins: ["HTTPS://Shop.Example:443", "http://127.0.0.1:8080", "https://shop.example"] }),
      200,
    );
    expect(stored.shop.allowed_origins).toEqual(["https://shop.example", "http://127.0.0.1:8080"]);
    const cors = await answer(calls(t, s.pk, { origin: "https://shop.example" }).lookup("STRINOPE"));
    expect(cors.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    expect((await expectStatus(patch(s.sk, s, { allowed_origins_remove: ["https://SHOP.example"] }), 200)).shop.allowed_origins).toEqual([
      "http://127.0.0.1:8080",
    ]);
    const gone = await answer(calls(t, s.pk, { origin: "https://shop.example" }).lookup("STRINOPE"));
    expect(gone.headers.get("access-control-allow-origin")).toBeNull();
    // The list and its changes do not go together; an origin is not both added and removed.
    expect((await expectStatus(patch(s.sk, s, { allowed_origins: [], allowed_origins_add: ["https://x.example"] }), 422)).code).toBe(
      "validation_failed",
    );
    expect(
      (
        await expectStatus(
          patch(s.sk, s, { allowed_origins_add: ["https://x.example"], allowed_origins_remove: ["https://X.example:443"] }),
          422,
        )
      ).code,
    ).toBe("validation_failed");
  });

  it("at most 50 origins: an add past that is 422 and changes nothing", async () => {
    const s = await t.shop({ name: "Many" });
    const fifty = Array.from({ length: 50 }, (_, i) => `https://s${i}.example`);
    await expectStatus(patch(s.sk, s, { allowed_origins: fifty }), 200);
    expect((await expectStatus(patch(s.sk, s, { allowed_origins_add: ["https://one-more.example"] }), 422)).errors?.[0].path).toBe(
      "allowed_origins_add",
    );
    expect(await origins(s)).toEqual(fifty);
    await expectStatus(patch(s.sk, s, { allowed_origins_add: ["https://s1.example"] }), 200); // already in: still 50
    await expectStatus(
      patch(s.sk, s, { allowed_origins_add: ["https://one-more.example"], allowed_origins_remove: ["https://s0.example"] }),
      200,
    );
    expect(await origins(s)).toHaveLength(50);
  });

  it("R3: a seller sets its own minimum fixed discounts, and null returns to the currency's", async () => {
    const s = await t.shop({ name: "Thresholds" });
    const own = { regular: 100, follower: 400, review: 400, chat: 100, promo_code: 100 };
    expect((await expectStatus(patch(s.sk, s, { min_fixed_minor: own }), 200)).shop.min_fixed_minor).toEqual(own);
    expect((await expectStatus(patch(s.sk, s, { min_fixed_minor: null }), 200)).shop.min_fixed_minor).toEqual({
      regular: 50,
      follower: 300,
      review: 300,
      chat: 50,
      promo_code: 50,
    });
  });

  it("name, addon coupons (R32) and blocked words (R20) stay the platform operator's: 403 naming the fields; region and mode cannot change at all", async () => {
    const s = await t.shop({ name: "Guarded", addon_coupons: false });
    const refused = await expectStatus(
      patch(s.sk, s, { name: "Renamed", addon_coupons: true, blocked_words: ["SALE"], allowed_origins_add: ["https://ok.example"] }),
      403,
    );
    expect(refused.code).toBe("forbidden");
    expect(refused.errors?.map((e) => e.path)).toEqual(["name", "addon_coupons", "blocked_words"]);
    expect(await origins(s)).toEqual([]); // nothing of the refused body applied
    for (const body of [{ region: "EU" }, { mode: "live" }]) {
      expect((await t.call("PATCH", `/v1/shops/${s.id}`, { key: s.sk, body })).status).toBe(422);
      expect((await t.call("PATCH", `/v1/shops/${s.id}`, { key: ADMIN, body })).status).toBe(422);
    }
    const admin = await expectStatus(
      patch(ADMIN, s, { name: "Renamed", addon_coupons: true, allowed_origins_add: ["https://ok.example"] }),
      200,
    );
    expect(admin.shop).toMatchObject({
      name: "Renamed",
      addon_coupons: true,
      allowed_origins: ["https://ok.example"],
      code_prefix: "GUAR",
    });
  });

  it("another shop's id is 404 for a secret key (never 403), and a publishable key is 403", async () => {
    const mine = await t.shop({ name: "Mine" });
    const theirs = await t.shop({ name: "Theirs", allowed_origins: ["https://theirs.example"] });
    expect((await expectStatus(patch(mine.sk, theirs, { allowed_origins_add: ["https://evil.example"] }), 404)).code).toBe("not_found");
    expect((await expectStatus(t.api(mine.sk).v1.shops[":id"].$get({ param: { id: theirs.id } }), 404)).code).toBe("not_found");
    expect((await expectStatus(patch(theirs.pk, theirs, { allowed_origins_add: ["https://evil.example"] }), 403)).code).toBe("forbidden");
    expect(await origins(theirs)).toEqual(["https://theirs.example"]);
  });

  it("R30: each change is a shop_updated entry of the operation log, by the key or the operator, before and after", async () => {
    const s = await t.shop({ name: "Logged", allowed_origins: ["https://a.example"] });
    await expectStatus(patch(s.sk, s, { allowed_origins_add: ["https://b.example"] }), 200);
    await expectStatus(patch(s.sk, s, { allowed_origins_add: ["https://b.example"] }), 200); // no change: no entry
    await expectStatus(patch(ADMIN, s, { addon_coupons: true }), 200);
    const log = await expectStatus(t.api(s.sk).v1.audit.$get({ query: { action: "shop_updated" } }), 200);
    expect(log.data.map((e) => [e.actor === "admin" ? "admin" : e.actor.slice(0, 4), e.coupon_id, e.changes])).toEqual([
      ["admin", null, { before: { addon_coupons: false }, after: { addon_coupons: true } }],
      [
        "key_",
        null,
        { before: { allowed_origins: ["https://a.example"] }, after: { allowed_origins: ["https://a.example", "https://b.example"] } },
      ],
    ]);
  });
});
