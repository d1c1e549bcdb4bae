/**
 * Hot-path queries seek by an index and never walk a shop's coupons: every statement the promo-code
 * look-up and the quote run is recorded and asked for its `EXPLAIN QUERY PLAN`. A plan that scans grows
 * with the number of codes stored (the bench's "1M codes" row), which no functional test would notice.
 */
import { createClient, type Client, type InStatement } from "@libsql/client";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/client.js";
import { applyMigrations } from "../../db/migrate.js";
import { createApp } from "../../worker/app.js";
import { configFromEnv } from "../../worker/lib/env-config.js";

const ADMIN = "adm_plans_test_0123456789";

/** The client, with every statement it is asked to run recorded (drizzle calls `execute` and `batch`). */
function recording(client: Client): { client: Client; seen: InStatement[] } {
  const seen: InStatement[] = [];
  const proxy = new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "execute")
        return (stmt: InStatement, args?: unknown) => {
          seen.push(stmt);
          return target.execute(stmt as never, args as never);
        };
      if (prop === "batch")
        return (stmts: InStatement[], mode?: unknown) => {
          seen.push(...stmts);
          return target.batch(stmts, mode as never);
        };
      const v = Reflect.get(target, prop, receiver);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
  return { client: proxy, seen };
}

const BIG_TABLES = /\b(coupons|claims|redemptions|live_codes|api_keys|shops|audit_entries|idempotency_keys)\b/;

async function plansOf(raw: Client, stmts: InStatement[]): Promise<{ sql: string; plan: string[] }[]> {
  const out = [];
  for (const s of stmts) {
    const sqlText = typeof s === "string" ? s : s.sql;
    const args = typeof s === "string" ? [] : s.args;
    const res = await raw.execute({ sql: `EXPLAIN QUERY PLAN ${sqlText}`, args: args as never });
    out.push({ sql: sqlText, plan: res.rows.map((r) => String(r.detail)) });
  }
  return out;
}

function badSteps(plans: { sql: string; plan: string[] }[]): string[] {
  const bad: string[] = [];
  for (const p of plans)
    for (const step of p.plan) {
      const scan = /^SCAN /.test(step) && BIG_TABLES.test(step);
      // The (shop_id, seq) index with only shop_id bound is a walk over all of the shop's coupons.
      const shopWalk = /USING (COVERING )?INDEX coupons_shop_seq \(shop_id=\?\)$/.test(step);
      if (scan || shopWalk) bad.push(`${step}   ← ${p.sql.replace(/\s+/g, " ").slice(0, 160)}`);
    }
  return bad;
}

let raw: Client;
let seen: InStatement[];
let app: ReturnType<typeof createApp>;
let sk: string;
let pk: string;
let code: string;

beforeAll(async () => {
  raw = createClient({ url: ":memory:" });
  const rec = recording(raw);
  seen = rec.seen;
  const db = createDb(rec.client);
  await applyMigrations(db);
  app = createApp({ db, config: configFromEnv({}, ADMIN) });
  const post = (path: string, key: string, body: unknown) =>
    app.request(path, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const shop = (await (
    await post("/v1/shops", ADMIN, {
      name: "Plans",
      region: "US",
      currency: "USD",
      mode: "live",
      allowed_origins: [],
      addon_coupons: false,
    })
  ).json()) as any;
  sk = shop.secret_key;
  pk = shop.publishable_key;
  const window = {
    active_starts_at: new Date(Date.now() - 60_000).toISOString(),
    active_ends_at: new Date(Date.now() + 86_400_000).toISOString(),
  };
  const created = await post("/v1/coupons", sk, {
    type: "promo_code",
    name: "Plan code",
    code: "PLAN1",
    discount: { kind: "fixed", amount_minor: 500 },
    min_spend_minor: 0,
    quantity: 10,
    ...window,
  });
  code = ((await created.json()) as any).coupon.code;
});

describe("hot-path query plans", () => {
  it("GET /v1/promo-codes/{code} seeks by index only", async () => {
    seen.length = 0;
    const res = await app.request(`/v1/promo-codes/${code}`, { headers: { authorization: `Bearer ${pk}` } });
    expect(((await res.json()) as any).valid).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(badSteps(await plansOf(raw, seen))).toEqual([]);
  });

  it("POST /v1/checkout/quote with a code and a buyer seeks by index only", async () => {
    seen.length = 0;
    const res = await app.request("/v1/checkout/quote", {
      method: "POST",
      headers: { authorization: `Bearer ${sk}`, "content-type": "application/json" },
      body: JSON.stringify({
        buyer_id: "b1",
        code,
        cart: {
          currency: "USD",
          lines: [{ line_id: "1", product_id: "p", quantity: 1, unit_price_minor: 2000, product_discount_minor: 0 }],
          shipping_minor: 0,
          shipping_discount_minor: 0,
        },
      }),
    });
    expect(((await res.json()) as any).applied.discount_minor).toBe(500);
    expect(badSteps(await plansOf(raw, seen))).toEqual([]);
  });
});
