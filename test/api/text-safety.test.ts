/**
 * R20 over HTTP: the text-safety check refuses a blocked word (and a word of it with digits) but not an
 * ordinary word that contains one; the list is the platform's (defaults + BLOCKED_WORDS) plus the shop's
 * own `blocked_words`, and it holds on create, PATCH and duplicate; generated codes never break it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { configFromEnv } from "../../worker/lib/env-config.js";
import { ADMIN, answer, at, DAY, expectStatus, makeTestApp, promoBody, type ShopKeys, type TestApp } from "../support/app.js";
import { calls } from "../support/api.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ env: { BLOCKED_WORDS: "rival, *cheap*" } });
});

let n = 0;
// Each shop its own prefix, so the same suffix in two shops is two codes (R19 is not what these test).
const prefixes = ["AAAA", "BBBB", "CCCC", "DDDD", "EEEE", "FFFF", "GGGG", "HHHH"];
const shop = () => t.shop({ name: `${prefixes[n++ % prefixes.length]} store` });
const create = (s: ShopKeys, code?: string, over: Record<string, unknown> = {}) =>
  answer(calls(t, s.sk).createCoupon(promoBody({ name: `Code ${++n}`, ...(code !== undefined ? { code } : {}), ...over })));
const setWords = (s: ShopKeys, blocked_words: string[]) =>
  expectStatus(t.api(ADMIN).v1.shops[":id"].$patch({ param: { id: s.id }, json: { blocked_words } }), 200);

describe("R20: the text-safety check", () => {
  it("refuses a blocked word and a code of it with digits, and lets ordinary words that contain one through", async () => {
    const s = await shop();
    for (const code of ["SEX", "SEX10", "10sex", "ASS69"]) {
      const res = await create(s, code);
      expect(res.status, code).toBe(409);
      expect(res.body.code).toBe("code_not_allowed");
    }
    for (const code of ["GLASS1", "CLASS10", "MISSEX"]) {
      const res = await create(s, code);
      expect(res.status, `${code}: ${JSON.stringify(res.body)}`).toBe(201);
      expect(res.body.coupon!.code).toBe(`${s.code_prefix}${code}`);
    }
  });

  it("BLOCKED_WORDS adds platform-wide entries, whole words or *stems*", async () => {
    const s = await shop();
    expect((await create(s, "RIVAL")).body.code).toBe("code_not_allowed");
    expect((await create(s, "2CHEAPER")).body.code).toBe("code_not_allowed");
    expect((await create(s, "RIVALS")).status).toBe(201);
  });

  it("a malformed BLOCKED_WORDS entry is a configuration error, not a silently ignored word", () => {
    for (const bad of ["two words", "x", "sex1", "**sex"])
      expect(() => configFromEnv({ BLOCKED_WORDS: `fine, ${bad}` }, ADMIN), bad).toThrow(/BLOCKED_WORDS/);
    expect(configFromEnv({ BLOCKED_WORDS: " rival , *cheap* " }, ADMIN).blockedWords).toEqual(
      expect.arrayContaining(["RIVAL", "*CHEAP*", "SEX"]),
    );
  });

  it("a shop's own blocked_words (admin settings) apply to that shop only, and can be cleared", async () => {
    const a = await shop();
    const b = await shop();
    const set = await setWords(a, ["sale*", "*bogo"]);
    expect(set.shop.blocked_words).toEqual(["SALE*", "*BOGO"]);
    expect((await create(a, "SALE50")).body.code).toBe("code_not_allowed");
    expect((await create(a, "XBOGO")).body.code).toBe("code_not_allowed");
    expect((await create(b, "SALE50")).status).toBe(201);
    // The platform's words still apply to a shop with its own list.
    expect((await create(a, "SEX")).body.code).toBe("code_not_allowed");
    await setWords(a, []);
    expect((await create(a, "SALE50")).status).toBe(201);
    const read = await expectStatus(t.api(ADMIN).v1.shops[":id"].$get({ param: { id: a.id } }), 200);
    expect(read.shop.blocked_words).toEqual([]);
  });

  it("a malformed entry is 422 and changes nothing", async () => {
    const s = await shop();
    await setWords(s, ["promo"]);
    for (const bad of [["a"], ["two words"], ["x1"], ["**x"], Array.from({ length: 201 }, (_, i) => `w${"a".repeat((i % 5) + 2)}`)]) {
      const res = await answer(calls(t, ADMIN).patchShop(s.id, { blocked_words: bad }));
      expect(res.status, JSON.stringify(bad).slice(0, 40)).toBe(422);
    }
    const read = await expectStatus(t.api(ADMIN).v1.shops[":id"].$get({ param: { id: s.id } }), 200);
    expect(read.shop.blocked_words).toEqual(["PROMO"]);
  });

  it("holds on PATCH and on a duplicate's code", async () => {
    const s = await shop();
    // Upcoming, so its code may still change.
    const made = await create(s, "FINE1", { active_starts_at: at(DAY), active_ends_at: at(3 * DAY) });
    expect(made.status).toBe(201);
    const id = made.body.coupon!.id;
    const patched = await answer(calls(t, s.sk).patchCoupon(id, { code: "SEX2" }));
    expect(patched.status).toBe(409);
    expect(patched.body.code).toBe("code_not_allowed");
    const dup = await answer(
      calls(t, s.sk).duplicate(id, {
        code: "RIVAL",
        active_starts_at: made.body.coupon!.active_starts_at!,
        active_ends_at: made.body.coupon!.active_ends_at!,
      }),
    );
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe("code_not_allowed");
    expect((await answer(calls(t, s.sk).patchCoupon(id, { code: "GLASS2" }))).status).toBe(200);
  });

  it("a generated code never holds a blocked word, even when the shop blocks most of what could be generated", async () => {
    const s = await shop();
    // Every pair of the generator's letters blocked as a stem: only codes without two letters in a row remain.
    const letters = "CDFGHJKMNPRTVWXY".split("");
    const words = letters.map((a) => `*${a}${letters[(letters.indexOf(a) + 1) % letters.length]}*`);
    await setWords(s, words);
    const pattern = new RegExp(words.map((w) => w.replaceAll("*", "")).join("|"));
    for (let i = 0; i < 15; i++) {
      const res = await create(s);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.coupon!.code!.slice(4)).not.toMatch(pattern);
    }
  });
});
