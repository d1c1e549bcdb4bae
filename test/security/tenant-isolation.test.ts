/**
 * Tenant isolation, walked from the OpenAPI document: every route that addresses an object by id is
 * called with shop B's keys and shop A's ids (coupons of each type, a claim, a redemption, a key) and
 * must answer 404 — never 403, never A's data — and leave A's objects exactly as they were. Lists and
 * quotes of B never show A's objects. New routes are covered by being in the document.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { QuoteSchema } from "../../worker/contract/checkout.js";
import { bodyAs, cart, makeTestApp, type Res, type ShopKeys, type TestApp } from "../support/app.js";
import { operations, resolver, seedShop, valueFor, type Operation, type Schema, type Seeded } from "./openapi-walk.js";

let t: TestApp;
let a: ShopKeys;
let b: ShopKeys;
let seeded: Seeded;
let doc: Schema;
beforeAll(async () => {
  t = await makeTestApp();
  a = await t.shop({ name: "Alpha" });
  b = await t.shop({ name: "Bravo" });
  seeded = await seedShop(t, a);
  await seedShop(t, b); // B has objects of its own, so "empty" is not why A's are missing
  doc = (await t.call("GET", "/openapi.json")).body as Schema;
});

/** A's ids that a path parameter may name, by the collection the path addresses. */
function idsFor(path: string, param: string): string[] {
  if (param === "code") return [seeded.code];
  const collection = path.split(`/{${param}}`)[0].split("/").pop();
  const byCollection: Record<string, (string | null)[]> = {
    coupons: Object.values(seeded.coupons),
    keys: [seeded.keyId],
    redemptions: [seeded.redemptionId],
    claims: [seeded.claimId],
    shops: [a.id],
  };
  return (byCollection[collection ?? ""] ?? seeded.ids).filter((x): x is string => !!x);
}

/** Bodies to try, so that validation passes and the handler gets to say 404. */
function bodiesFor(o: Operation): (unknown | undefined)[] {
  if (!o.body) return [undefined];
  const resolve = resolver(doc);
  const samples = fc.sample(valueFor(o.body, resolve), { numRuns: 25, seed: 7 });
  return [undefined, {}, { buyer_id: "buyer-b" }, { name: "Isolation probe" }, ...samples];
}

async function rowsOfA() {
  const out: Record<string, unknown[]> = {};
  for (const table of ["coupons", "claims", "redemptions", "api_keys", "live_codes", "chat_sends"]) {
    out[table] = (await t.db.$client.execute({ sql: `SELECT * FROM ${table} WHERE shop_id = ? ORDER BY rowid`, args: [a.id] })).rows;
  }
  out.audit = (await t.db.$client.execute({ sql: "SELECT id FROM audit_entries WHERE shop_id = ?", args: [a.id] })).rows;
  return JSON.stringify(out);
}

describe("tenant isolation", () => {
  it("another shop's ids answer 404 on every route that takes one, and A's objects stay untouched", async () => {
    const before = await rowsOfA();
    const ops = operations(doc).filter((o) => o.path.includes("{") && !o.path.startsWith("/v1/shops"));
    expect(ops.length).toBeGreaterThanOrEqual(10);
    const token = await b.token("buyer-b");
    let probes = 0;
    for (const o of ops) {
      const params = o.params.filter((p) => p.in === "path").map((p) => p.name as string);
      // Storefront routes are also called with B's publishable key and a buyer token.
      const callers = o.path.startsWith("/v1/storefront/") || o.path.startsWith("/v1/promo-codes/") ? [b.sk, b.pk] : [b.sk];
      for (const key of callers) {
        for (const id of idsFor(o.path, params[0])) {
          const url = o.path.replace(`{${params[0]}}`, encodeURIComponent(id));
          const label = `${o.method} ${o.path} (${id}) with ${key.slice(0, 3)}`;
          let res: Res | null = null;
          for (const body of bodiesFor(o)) {
            const sendBody = body === undefined ? undefined : key === b.pk ? strip(body) : body;
            res = await t.call(o.method, url, { key, body: sendBody, headers: key === b.pk ? { "x-buyer-token": token } : {} });
            probes++;
            if (res.status !== 422) break;
          }
          if (o.path === "/v1/promo-codes/{code}") {
            // The contract answers an unknown code 200 `code_not_found`; A's code is unknown to B.
            expect(res!.status, label).toBe(200);
            expect(res!.body, label).toEqual({ valid: false, reason: "code_not_found" });
            continue;
          }
          expect(res!.status, `${label}: ${JSON.stringify(res!.body)}`).toBe(404);
          expect(res!.headers.get("content-type")).toMatch(/problem\+json/);
          expect(JSON.stringify(res!.body)).not.toContain(id);
        }
      }
    }
    expect(probes).toBeGreaterThan(20);
    expect(await rowsOfA()).toEqual(before);
  });

  it("B's lists, wallet and quotes never show A's objects", async () => {
    const lists = operations(doc).filter((o) => o.method === "GET" && !o.path.includes("{") && o.path.startsWith("/v1/"));
    expect(lists.length).toBeGreaterThanOrEqual(3);
    const token = await b.token("buyer-a"); // even a buyer named like A's buyer
    for (const o of lists) {
      for (const [key, headers, q] of [
        [b.sk, {}, "?buyer_id=buyer-a"],
        [b.sk, {}, ""],
        [b.pk, { "x-buyer-token": token }, ""],
      ] as const) {
        const res = await t.call("GET", o.path + q, { key, headers });
        if (res.status >= 400) continue; // not this caller's route, or not this query
        const text = JSON.stringify(res.body);
        for (const id of seeded.ids) expect(text, `${o.path}${q}`).not.toContain(id);
      }
    }
    // A's coupon named by id or by code in B's quote answers exactly as an id or code that never existed.
    const quote = (extra: Record<string, string>) =>
      t.call("POST", "/v1/checkout/quote", {
        key: b.sk,
        body: { buyer_id: "nobody-here", cart: cart([{ unit_price_minor: 5000 }]), ...extra },
      });
    const cases: [Record<string, string>, Record<string, string>, string][] = [
      [{ coupon_id: seeded.coupons.regular }, { coupon_id: "cpn_doesnotexist000000" }, seeded.coupons.regular],
      [{ coupon_id: seeded.coupons.promo_code }, { coupon_id: "cpn_doesnotexist000000" }, seeded.coupons.promo_code],
      [{ code: seeded.code }, { code: "ALPHNEVER" }, seeded.code],
    ];
    for (const [foreign, unknown, id] of cases) {
      const [f, u] = await Promise.all([quote(foreign), quote(unknown)]);
      expect(f.status).toBe(200);
      expect(bodyAs(f, QuoteSchema).applied).toBeNull();
      const typedUnknown = Object.values(unknown)[0].toUpperCase();
      const norm = (body: unknown, what: string) => JSON.stringify(body).replaceAll(what, "<id>").replaceAll(what.toUpperCase(), "<id>");
      expect(norm(f.body, id)).toEqual(norm(u.body, typedUnknown).replaceAll(Object.values(unknown)[0], "<id>"));
    }
  });
});

function strip(body: unknown) {
  if (!body || typeof body !== "object" || Array.isArray(body)) return body;
  const { buyer_id: _drop, ...rest } = body as Record<string, unknown>;
  return rest;
}
