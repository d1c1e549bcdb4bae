import { beforeAll, describe, expect, it } from "vitest";
import { at, cart, DAY, expectStatus, makeTestApp, MINUTE, promoBody, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

const HOUR = 60 * MINUTE;
/** The seller's calls with `key`, typed by the routes' contracts. */
const seller = (key: string, app: TestApp = t) => {
  const v1 = app.api(key).v1;
  return {
    create: (body: Parameters<typeof v1.coupons.$post>[0]["json"]) => v1.coupons.$post({ json: body }),
    lookup: (code: string) => v1["promo-codes"][":code"].$get({ param: { code } }),
    list: (query: Parameters<typeof v1.coupons.$get>[0]["query"]) => v1.coupons.$get({ query }),
    read: (id: string) => v1.coupons[":id"].$get({ param: { id } }),
    setClock: (now: number) => v1["test-clock"].$post({ json: { now: new Date(now).toISOString() } }),
  };
};

describe("promo codes", () => {
  it("R18: the full code is the shop prefix plus the seller's suffix, case-insensitive", async () => {
    const s = await t.shop({ name: "Mugs & More" });
    const created = await expectStatus(seller(s.sk).create(promoBody({ code: "winter5" })), 201);
    expect(created.coupon.code).toBe("MUGSWINTER5");
    expect(created.coupon.status).toBe("ongoing");
    expect(created.addons).toEqual([]);
    expect((await expectStatus(seller(s.pk).lookup("mugsWinter5"), 200)).valid).toBe(true);
    const quote = await expectStatus(
      t.api(s.sk).v1.checkout.quote.$post({ json: { code: "mugswinter5", cart: cart([{ unit_price_minor: 2000 }]) } }),
      200,
    );
    expect(quote.applied).toMatchObject({ code: "MUGSWINTER5", discount_minor: 500 });
  });

  it("R18: a suffix is 2 to 8 letters or digits", async () => {
    const s = await t.shop();
    for (const code of ["A", "ABCDEFGHI", "AB-C", "ÄBC"]) {
      const refused = await expectStatus(seller(s.sk).create(promoBody({ code })), 422);
      expect(refused.errors?.[0].path, code).toBe("code");
    }
    for (const code of ["AB", "ABCDEFGH", "a1b2"]) await expectStatus(seller(s.sk).create(promoBody({ code })), 201);
  });

  it("R18: an omitted suffix is generated without look-alike characters", async () => {
    const s = await t.shop({ name: "Gen Shop" });
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const code = (await expectStatus(seller(s.sk).create(promoBody()), 201)).coupon.code!;
      expect(code.startsWith("GENS")).toBe(true);
      const suffix = code.slice(4);
      expect(suffix).toMatch(/^[A-Z0-9]{2,8}$/);
      expect(suffix).not.toMatch(/[0O1IL5S2Z8B]/);
      codes.add(code);
    }
    expect(codes.size).toBe(20);
  });

  it("R19: a full code is unique among upcoming and ongoing codes of every shop in the region", async () => {
    const a = await t.shop({ name: "Same Prefix A", region: "EU" });
    const b = await t.shop({ name: "Same Prefix B", region: "EU" });
    const c = await t.shop({ name: "Same Prefix C", region: "JP" });
    expect(a.code_prefix).toBe(b.code_prefix);
    await expectStatus(seller(a.sk).create(promoBody({ code: "DUP1" })), 201);
    expect((await expectStatus(seller(b.sk).create(promoBody({ code: "dup1" })), 409)).code).toBe("promo_code_taken");
    // An upcoming code holds the name too.
    await expectStatus(seller(a.sk).create(promoBody({ code: "LATER", active_starts_at: at(DAY), active_ends_at: at(3 * DAY) })), 201);
    expect((await expectStatus(seller(b.sk).create(promoBody({ code: "LATER" })), 409)).code).toBe("promo_code_taken");
    // Another region is another namespace.
    await expectStatus(seller(c.sk).create(promoBody({ code: "DUP1" })), 201);
  });

  it("R19: once a code has ended it may be used again", async () => {
    const s = await t.shop({ name: "Reuse Shop" });
    const start = Date.parse("2031-01-01T00:00:00Z");
    await expectStatus(seller(s.sk).setClock(start), 200);
    await expectStatus(
      seller(s.sk).create(promoBody({ code: "AGAIN", active_starts_at: at(0, start), active_ends_at: at(2 * HOUR, start) })),
      201,
    );
    await expectStatus(seller(s.sk).setClock(start + 3 * HOUR), 200);
    await expectStatus(
      seller(s.sk).create(promoBody({ code: "AGAIN", active_starts_at: at(3 * HOUR, start), active_ends_at: at(DAY, start) })),
      201,
    );
    // The shop's latest coupon with the code is the one that answers.
    expect((await expectStatus(seller(s.sk).lookup("REUSAGAIN"), 200)).valid).toBe(true);
  });

  it("R20: a code with a blocked word is refused with code_not_allowed", async () => {
    const s = await t.shop();
    expect((await expectStatus(seller(s.sk).create(promoBody({ code: "fuckoff" })), 409)).code).toBe("code_not_allowed");
  });

  it("R20: the blocked-word list is configurable", async () => {
    const custom = await makeTestApp({ env: { BLOCKED_WORDS: "rival" } });
    const s = await custom.shop();
    expect((await expectStatus(seller(s.sk, custom).create(promoBody({ code: "RIVAL1" })), 409)).code).toBe("code_not_allowed");
  });

  it("R21: the active window is longer than 10 minutes and shorter than 30 days", async () => {
    const s = await t.shop();
    const now = Date.now() + MINUTE;
    const cases: [number, 201 | 422][] = [
      [10 * MINUTE, 422],
      [10 * MINUTE + 1000, 201],
      [30 * DAY, 422],
      [30 * DAY - 1000, 201],
    ];
    for (const [len, status] of cases) {
      const res = await seller(s.sk).create(promoBody({ active_starts_at: at(0, now), active_ends_at: at(len, now) }));
      expect(res.status, `length ${len}`).toBe(status);
    }
    await expectStatus(seller(s.sk).create(promoBody({ active_starts_at: at(-2 * DAY), active_ends_at: at(-DAY) })), 422);
  });

  it("R22: per customer one use or unlimited, optional minimum purchase, total quantity", async () => {
    const s = await t.shop();
    // A limit of 2 is not even expressible in the typed contract: sent raw.
    const bad = await t.call("POST", "/v1/coupons", { key: s.sk, body: { ...promoBody(), per_customer_limit: 2 } });
    expect(bad.status).toBe(422);
    const unlimited = await expectStatus(seller(s.sk).create(promoBody({ per_customer_limit: null })), 201);
    expect(unlimited.coupon.per_customer_limit).toBeNull();
    const min = await expectStatus(seller(s.sk).create(promoBody({ code: "MIN20", min_spend_minor: 2000, quantity: 7 })), 201);
    expect(min.coupon).toMatchObject({ min_spend_minor: 2000, quantity: 7, estimated_spend_minor: 3500 });
    await expectStatus(seller(s.sk).create(promoBody({ quantity: 1_000_001 })), 422);
  });

  it("looks codes up: unknown is 200 code_not_found, live shows its terms", async () => {
    const s = await t.shop({ name: "Look Shop" });
    await expectStatus(
      seller(s.sk).create(
        promoBody({ code: "TEN", discount: { kind: "percent", percent_off: 10, max_discount_minor: 1000 }, min_spend_minor: 1500 }),
      ),
      201,
    );
    expect(await expectStatus(seller(s.pk).lookup("NOPE123"), 200)).toEqual({ valid: false, reason: "code_not_found" });
    expect(await expectStatus(seller(s.pk).lookup("lookten"), 200)).toMatchObject({
      valid: true,
      coupon: { discount: { kind: "percent", percent_off: 10, max_discount_minor: 1000 }, min_spend_minor: 1500, scope: { kind: "shop" } },
    });
  });

  it("lists promo codes newest first in cursor pages, and reads one; another shop's is 404", async () => {
    const s = await t.shop();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await expectStatus(seller(s.sk).create(promoBody()), 201)).coupon.id);
    const page = (cursor?: string | null) =>
      expectStatus(seller(s.sk).list({ type: "promo_code", limit: "2", cursor: cursor ?? undefined }), 200);
    const p1 = await page();
    expect(p1.data.map((c) => c.id)).toEqual([ids[4], ids[3]]);
    const p2 = await page(p1.next_cursor);
    expect(p2.data.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    const p3 = await page(p2.next_cursor);
    expect(p3.data.map((c) => c.id)).toEqual([ids[0]]);
    expect(p3.next_cursor).toBeNull();
    expect((await expectStatus(seller(s.sk).read(ids[0]), 200)).coupon.id).toBe(ids[0]);
    const other = await t.shop();
    await expectStatus(seller(other.sk).read(ids[0]), 404);
    await expectStatus(seller(s.sk).list({ cursor: "garbage!" }), 422);
  });
});
