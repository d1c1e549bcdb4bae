/**
 * The demo shop that `npm start` creates on an empty database, with coupons for the /demo storefront's
 * products (`demo-mug`, `demo-tee`, `demo-cap`). Its keys are kept in a local file (git-ignored `data/`),
 * because the database holds only their hashes and the demo page needs the publishable key.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Db } from "../../db/client.js";
import { insertShop } from "../store/shops.js";
import { createCoupon, settingsFromInput } from "../services/create-coupon.js";
import { findCouponByCode, rowToCoupon } from "../store/coupons.js";
import { couponStatus } from "../engine/status.js";
import { CreateCouponBody } from "../contract/coupons.js";
import type { ShopRow } from "../lib/caller.js";

export interface DemoKeys {
  shop_id: string;
  secret_key: string;
  publishable_key: string;
  buyer_token_secret: string;
}

const DAY = 86_400_000;

export function readDemoKeys(file: string): DemoKeys | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as DemoKeys;
  } catch {
    return null;
  }
}

export async function createDemoShop(db: Db, file: string, now: number, origin: string): Promise<DemoKeys> {
  const created = await insertShop(
    db,
    { name: "Demo Shop", region: "US", currency: "USD", mode: "test", allowed_origins: [origin], addon_coupons: false },
    now,
  );
  const keys: DemoKeys = {
    shop_id: created.shop.id,
    secret_key: created.secret_key,
    publishable_key: created.publishable_key,
    buyer_token_secret: created.buyer_token_secret,
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  await ensureDemoCoupons(db, created.shop, now);
  return keys;
}

/** Keeps the demo promo code live across restarts (a promo window is shorter than 30 days, R21). */
export async function ensureDemoCoupons(db: Db, shop: ShopRow, now: number): Promise<void> {
  const iso = (ms: number) => new Date(ms).toISOString();
  const ctx = { db, shop, now, realNow: now, actor: "system", blockedWords: [], origin: "manual" as const, parentId: null };
  const code = await findCouponByCode(db, shop.id, `${shop.code_prefix}SAVE10`);
  if (!code || couponStatus(rowToCoupon(code), now) !== "ongoing") {
    await create(ctx, {
      type: "promo_code",
      name: `Save 10% ${iso(now).slice(0, 10)}`,
      code: "SAVE10",
      discount: { kind: "percent", percent_off: 10, max_discount_minor: 2000 },
      min_spend_minor: 1500,
      quantity: 1000,
      active_starts_at: iso(now - 60_000),
      active_ends_at: iso(now + 29 * DAY),
    });
  }
  if (!code) {
    await create(ctx, {
      type: "regular",
      name: "$5 off orders over $30",
      discount: { kind: "fixed", amount_minor: 500 },
      min_spend_minor: 3000,
      quantity: 500,
      audience: "all",
      claim_starts_at: iso(now - 60_000),
      claim_ends_at: iso(now + 170 * DAY),
      validity: { kind: "days_after_claim", days: 30 },
    });
    await create(ctx, {
      type: "regular",
      name: "20% off mugs",
      discount: { kind: "percent", percent_off: 20 },
      scope: { kind: "products", product_ids: ["demo-mug"] },
      quantity: 200,
      audience: "all",
      claim_starts_at: iso(now - 60_000),
      claim_ends_at: iso(now + 170 * DAY),
      validity: { kind: "days_after_claim", days: 14 },
    });
  }
}

async function create(ctx: Parameters<typeof createCoupon>[0] extends infer C ? Omit<C, "audit"> : never, body: unknown) {
  const input = CreateCouponBody.parse(body);
  const suffix = input.type === "promo_code" ? (input.code ?? null) : null;
  await createCoupon(
    { ...ctx, audit: () => [{ action: "created", actor: "system", at: ctx.now, changes: { after: input } }] },
    settingsFromInput(input, ctx.shop, suffix),
    true,
  );
}
