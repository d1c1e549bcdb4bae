/**
 * CSV downloads of the seller's lists (README "Seller tools"): with `Accept: text/csv` every list route
 * answers its whole filtered list as an RFC 4180 attachment whose header row is the JSON field names and
 * whose rows are the JSON items — read from the database page by page while the client reads, so rows
 * written during a download still arrive, and a download never has to be built whole.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "@hono/zod-openapi";
import { page } from "../../worker/contract/common.js";
import {
  bodyAs,
  cart,
  claimableBody,
  DAY,
  expectStatus,
  makeTestApp,
  MINUTE,
  promoBody,
  type ShopKeys,
  type TestApp,
} from "../support/app.js";
import { calls, type CouponJson, type EventFact } from "../support/api.js";
import { couponBodies } from "../security/openapi-walk.js";
import { expectCsvOf, parseCsv } from "../support/csv.js";

let t: TestApp;
let s: ShopKeys;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await makeTestApp();
  s = await t.shop({ name: "Export", addon_coupons: true });
  const api = calls(t, s.sk);
  const make = async (body: CouponJson) => (await expectStatus(api.createCoupon(body), 201)).coupon;
  // Values that need quoting: commas, quotes, line breaks (CRLF and LF), non-ASCII.
  ids.regular = (await make(claimableBody("regular", { name: 'Spring, "big" sale' }))).id;
  ids.chat = (await make(claimableBody("chat", { name: "Line one\r\nline two\nthree" }))).id;
  const code = await make(promoBody({ name: "Café ☕ 10%", code: "CSV1", quantity: 50 }));
  ids.promo = code.id;
  for (const buyer of ['ann,"a"', "bob\nb", "çé", ...FORMULAS]) {
    await expectStatus(api.send(ids.chat, { buyer_id: buyer }), 200);
    await expectStatus(api.claim(ids.chat, { buyer_id: buyer }), 201);
  }
  for (let i = 0; i < 7; i++) {
    const r = await expectStatus(
      api.redeem({
        code: code.code!,
        buyer_id: `b${i}`,
        order_id: `order, "${i}"\n`,
        cart: cart([{ unit_price_minor: 2000 + i }, { unit_price_minor: 999 }]),
      }),
      201,
    );
    if (i % 2) await expectStatus(api.commit(r.redemption.id), 200);
  }
  await expectStatus(api.patchCoupon(ids.regular, { name: "Spring, renamed" }), 200);
  // Two incentivized reviews (R13, R14): a paid order each, then its approved review.
  ids.review = (await make({ ...couponBodies.review(), name: "Review, thanks" } as CouponJson)).id;
  let n = 0;
  const event = (fact: EventFact) =>
    expectStatus(api.event({ id: `evt_${++n}`, occurred_at: new Date(Date.now() - 1000).toISOString(), ...fact }), 200);
  for (const order of ["r-1", 'r,"2"']) {
    await event({ type: "order.paid", buyer_id: "reviewer", order_id: order, total_minor: 1000 });
    await event({ type: "review.approved", buyer_id: "reviewer", order_id: order, product_id: "p,1", word_count: 20, media_count: 1 });
  }
});

/** Buyer ids a spreadsheet would run as formulas (CSV injection). */
const FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB"];

/** Any list's page: its items are compared field by field with the CSV rows, whichever list it is. */
const AnyPage = page(z.record(z.string(), z.unknown()));
const csv = (path: string) => t.app.request(path, { headers: { authorization: `Bearer ${s.sk}`, accept: "text/csv" } });
/** The whole JSON list, page by page (any route's: the path is built, so it goes raw and is read as a page). */
async function jsonList(path: string, limit = 2): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const res = await t.call("GET", `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { key: s.sk });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const got = bodyAs(res, AnyPage);
    items.push(...got.data);
    cursor = got.next_cursor;
  } while (cursor);
  return items;
}

describe("CSV downloads", () => {
  it("every list route: the whole filtered list, header of the JSON field names, RFC 4180 rows equal to the JSON items", async () => {
    const routes = [
      ["coupons", "/v1/coupons"],
      ["coupons", "/v1/coupons?type=chat"],
      ["redemptions", "/v1/redemptions"],
      ["redemptions", "/v1/redemptions?state=committed"],
      ["claims", "/v1/claims"],
      ["claims", `/v1/claims?coupon_id=${ids.chat}&buyer_id=${encodeURIComponent("bob\nb")}`],
      ["audit", "/v1/audit"],
      ["audit", `/v1/audit?coupon_id=${ids.regular}`],
      [`coupon-${ids.chat}-recipients`, `/v1/coupons/${ids.chat}/recipients`],
      [`coupon-${ids.regular}-history`, `/v1/coupons/${ids.regular}/history`],
      ["reviews", "/v1/reviews"],
    ] as const;
    for (const [name, path] of routes) {
      const res = await csv(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.csv"`);
      expect(res.headers.get("content-length")).toBeNull();
      expect(res.headers.get("x-request-id")).toBeTruthy();
      const items = await jsonList(path);
      expect(items.length, path).toBeGreaterThan(0);
      expectCsvOf(await res.text(), items, path);
    }
  });

  it("a text cell that a spreadsheet would take for a formula is written behind a ' (CSV injection); numbers stay numbers", async () => {
    const { rows } = parseCsv(await (await csv(`/v1/claims?coupon_id=${ids.chat}`)).text());
    const buyers = rows.map((r) => r.buyer_id);
    for (const f of FORMULAS) expect(buyers, f).toContain(`'${f}`);
    expect(buyers).toContain("çé");
    const { rows: redemptions } = parseCsv(await (await csv("/v1/redemptions")).text());
    for (const r of redemptions) expect(r.discount_minor).toMatch(/^[0-9]+$/);
  });

  it("limit and cursor do not cut a download; CSV wins only when asked for (q-values)", async () => {
    const all = await jsonList("/v1/redemptions", 100);
    expect(all).toHaveLength(7);
    expectCsvOf(await (await csv("/v1/redemptions?limit=1")).text(), all, "limit=1");
    const asked = (accept: string) => t.app.request("/v1/redemptions", { headers: { authorization: `Bearer ${s.sk}`, accept } });
    for (const accept of ["text/csv", "application/json;q=0.5, text/csv", "text/csv;q=1, application/json;q=0.9"])
      expect((await asked(accept)).headers.get("content-type"), accept).toMatch(/^text\/csv/);
    for (const accept of ["application/json", "*/*", "application/json, text/csv;q=0.5", "text/csv;q=0"])
      expect((await asked(accept)).headers.get("content-type"), accept).toMatch(/^application\/json/);
  });

  it("a refused download is a problem, not a file: bad query 422, another shop's coupon 404, not a chat coupon 409", async () => {
    const other = await t.shop({ name: "Elsewhere" });
    const cases: [string, string, number][] = [
      ["/v1/redemptions?state=lost", s.sk, 422],
      ["/v1/claims?limit=1000", s.sk, 422],
      [`/v1/coupons/${ids.chat}/recipients`, other.sk, 404],
      [`/v1/coupons/${ids.regular}/recipients`, s.sk, 409],
      [`/v1/coupons/${ids.chat}/history`, other.sk, 404],
    ];
    for (const [path, key, status] of cases) {
      const res = await t.app.request(path, { headers: { authorization: `Bearer ${key}`, accept: "text/csv" } });
      expect(res.status, path).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    }
    // Another shop's download holds none of this shop's rows.
    const theirs = await t.app.request(`/v1/redemptions?coupon_id=${ids.promo}`, {
      headers: { authorization: `Bearer ${other.sk}`, accept: "text/csv" },
    });
    expect(parseCsv(await theirs.text()).rows).toEqual([]);
  });

  it("streams page by page from the database: a row written while the download is read still arrives, in its place", async () => {
    const shop = await t.shop({ name: "Stream" });
    const base = Date.now() - DAY;
    // 2,000 redemptions written directly (the API would take minutes), newest at `base + 2000 s`.
    const rows = Array.from({ length: 2000 }, (_, i) => i);
    for (let at0 = 0; at0 < rows.length; at0 += 500) {
      await t.db.run(sql`INSERT INTO redemptions (id, shop_id, coupon_id, claim_id, buyer_id, order_id, code, state, discount_minor,
          subtotal_minor, allocations, reserved_at, expires_at, committed_at, released_at, release_reason)
        VALUES ${sql.join(
          rows.slice(at0, at0 + 500).map(
            (
              i,
            ) => sql`(${`red_s${String(i).padStart(6, "0")}`}, ${shop.id}, 'cpn_x', NULL, ${`b${i}`}, ${`o${i}`}, 'STREX', 'committed', 100, 1000,
              '[]', ${base + i * 1000}, ${base + i * 1000 + 30 * MINUTE}, ${base + i * 1000 + MINUTE}, NULL, NULL)`,
          ),
          sql`, `,
        )}`);
    }
    const res = await t.app.request("/v1/redemptions", { headers: { authorization: `Bearer ${shop.sk}`, accept: "text/csv" } });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const first = await reader.read();
    let text = decoder.decode(first.value, { stream: true });
    // The first chunk is the header and the first page only, not the whole list.
    const firstRows = parseCsv(text).rows;
    expect(firstRows.length).toBeGreaterThan(0);
    expect(firstRows.length).toBeLessThan(2000);
    expect(firstRows[0].id).toBe("red_s001999");
    // Written now, older than every other row: a download read page by page ends with it.
    await t.db.run(sql`INSERT INTO redemptions (id, shop_id, coupon_id, claim_id, buyer_id, order_id, code, state, discount_minor,
        subtotal_minor, allocations, reserved_at, expires_at, committed_at, released_at, release_reason)
      VALUES ('red_late', ${shop.id}, 'cpn_x', NULL, 'late', 'o-late', 'STREX', 'released', 100, 1000, '[]', ${base - DAY}, ${base - DAY}, NULL, ${base - DAY}, 'released')`);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    const all = parseCsv(text).rows;
    expect(all).toHaveLength(2001);
    expect(new Set(all.map((r) => r.id)).size).toBe(2001);
    expect(all[all.length - 1]).toMatchObject({ id: "red_late", state: "released", order_id: "o-late" });
    expect(all.slice(0, 2000).map((r) => r.id)).toEqual(rows.map((i) => `red_s${String(1999 - i).padStart(6, "0")}`));
  });
});
