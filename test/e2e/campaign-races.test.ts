/**
 * Campaign codes and budgets under real races, against two server processes sharing one database file:
 * 50 buyers racing for one campaign code (exactly one wins), 200 redemptions against a budget (never
 * past it), and a shop importing codes while another shop of the same prefix creates the same codes as
 * shared promo codes (each code ends up held by exactly one of them, R19). After each, the counters kept
 * beside the rows equal the rows (test/support/books.ts), and nothing answered 5xx.
 */
import { createClient, type Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverCalls, type CouponJson } from "../support/api.js";
import { answer, cart, expectStatus } from "../support/app.js";
import { BOOKS_SQL, booksMismatches, toBooks } from "../support/books.js";
import { startServer, type StartedServer } from "../support/server.js";

let first: StartedServer;
let second: StartedServer;
let db: Client;

beforeAll(async () => {
  first = await startServer();
  second = await startServer({ dbFile: first.dbFile });
  db = createClient({ url: `file:${first.dbFile}` });
}, 60_000);
afterAll(async () => {
  db?.close();
  await Promise.all([first?.stop(), second?.stop()]);
});

const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
const CART = cart([{ unit_price_minor: 4000 }]);
const servers = () => [first.url, second.url];

async function newShop(name: string) {
  const admin = serverCalls(first.url, first.adminToken);
  const made = await expectStatus(
    admin.createShop({ name, region: "EU", currency: "USD", mode: "test", allowed_origins: [], addon_coupons: false }),
    201,
  );
  return { sk: made.secret_key, prefix: made.shop.code_prefix };
}

const createCoupon = async (base: string, sk: string, body: CouponJson) =>
  (await expectStatus(serverCalls(base, sk).createCoupon(body), 201)).coupon;

async function books(couponId: string, campaign: boolean) {
  const rs = await db.execute({ sql: BOOKS_SQL, args: [couponId] });
  const b = toBooks(rs.rows[0] as unknown as Record<string, unknown>);
  expect(booksMismatches(b, campaign)).toEqual([]);
  return b;
}

const noServerErrors = (answers: { status: number; body: unknown }[]) =>
  expect(answers.filter((r) => r.status >= 500).map((r) => r.body)).toEqual([]);

describe("campaign codes and budgets under real races (two processes, one file)", () => {
  it("50 buyers on one campaign code: exactly one reservation takes it, the others are 409 quantity_exhausted", async () => {
    const shop = await newShop("Codes Race");
    const { id } = await createCoupon(first.url, shop.sk, {
      type: "promo_code",
      name: "Race campaign",
      discount: { kind: "fixed", amount_minor: 500 },
      unique_codes: { count: 20, length: 5 },
      active_starts_at: iso(-60_000),
      active_ends_at: iso(86_400_000),
    });
    const { code } = (await expectStatus(serverCalls(first.url, shop.sk).codes(id, { limit: "1" }), 200)).data[0];
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        answer(serverCalls(servers()[i % 2], shop.sk).redeem({ code, buyer_id: `buyer-${i}`, order_id: `order-${i}`, cart: CART })),
      ),
    );
    noServerErrors(answers);
    const won = answers.filter((r) => r.status === 201);
    expect(won).toHaveLength(1);
    expect(won[0].body.redemption?.code).toBe(code);
    expect(answers.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(49).fill("quantity_exhausted"));
    const b = await books(id, true);
    expect(b).toMatchObject({ reserved_rows: 1, codes_reserved: 1, quantity: 20, live_rows: 20 });
  }, 60_000);

  it("200 redemptions against a budget of 40 discounts: exactly 40 are reserved, the rest 409 budget_exhausted", async () => {
    const shop = await newShop("Budget Race");
    const made = await createCoupon(first.url, shop.sk, {
      type: "promo_code",
      name: "Race budget",
      code: "BUDGET",
      discount: { kind: "fixed", amount_minor: 500 },
      quantity: 1_000,
      per_customer_limit: null,
      budget_minor: 20_000,
      active_starts_at: iso(-60_000),
      active_ends_at: iso(86_400_000),
    });
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        answer(serverCalls(servers()[i % 2], shop.sk).redeem({ code: made.code!, order_id: `b-order-${i}`, cart: CART })),
      ),
    );
    noServerErrors(answers);
    expect(answers.filter((r) => r.status === 201)).toHaveLength(40);
    expect(new Set(answers.filter((r) => r.status === 409).map((r) => r.body.code))).toEqual(new Set(["budget_exhausted"]));
    const b = await books(made.id, false);
    expect(b).toMatchObject({ budget_spent_minor: 20_000, reserved_rows: 40 });
  }, 60_000);

  it("an import racing another shop's creates of the same codes: each code is held by exactly one of them", async () => {
    const importer = await newShop("Twin North");
    const creator = await newShop("Twin South");
    expect(importer.prefix).toBe(creator.prefix);
    const { id: campaignId } = await createCoupon(first.url, importer.sk, {
      type: "promo_code",
      name: "Imported",
      discount: { kind: "fixed", amount_minor: 500 },
      unique_codes: { count: 1, length: 6 },
      active_starts_at: iso(86_400_000),
      active_ends_at: iso(3 * 86_400_000),
    });
    const suffixes = Array.from({ length: 12 }, (_, i) => `RC${i}X${Math.random().toString(36).slice(2, 5).toUpperCase()}`);
    // Every code is imported in its own call on one process while the other shop creates it on the other.
    const imports = suffixes.map((sfx) => answer(serverCalls(second.url, importer.sk).addCodes(campaignId, { codes: [sfx] })));
    const creates = suffixes.map((sfx, i) =>
      answer(
        serverCalls(first.url, creator.sk).createCoupon({
          type: "promo_code",
          name: `Shared ${i}`,
          code: sfx,
          discount: { kind: "fixed", amount_minor: 500 },
          quantity: 5,
          active_starts_at: iso(-60_000),
          active_ends_at: iso(86_400_000),
        }),
      ),
    );
    const [imported, created] = await Promise.all([Promise.all(imports), Promise.all(creates)]);
    noServerErrors([...imported, ...created]);
    for (const [i, sfx] of suffixes.entries()) {
      const importWon = imported[i].status === 200 && imported[i].body.added === 1;
      const createWon = created[i].status === 201;
      expect(importWon !== createWon, `${sfx}: import ${JSON.stringify(imported[i].body)} create ${created[i].status}`).toBe(true);
      if (!importWon) expect(imported[i].body.refused).toEqual([{ code: sfx, reason: "promo_code_taken" }]);
      if (!createWon) expect(created[i].body.code).toBe("promo_code_taken");
      const holders = await db.execute({
        sql: "SELECT coupon_id FROM live_codes WHERE region = 'EU' AND code = ?",
        args: [importer.prefix + sfx],
      });
      expect(holders.rows.map((r) => r.coupon_id)).toEqual([importWon ? campaignId : created[i].body.coupon?.id]);
    }
    const wonByImport = imported.filter((r) => r.body.added === 1).length;
    const b = await books(campaignId, true);
    expect(b.quantity).toBe(1 + wonByImport);
  }, 60_000);
});
