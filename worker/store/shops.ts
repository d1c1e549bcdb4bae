/** Shops and their API keys. */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { apiKeys, shops } from "../../db/schema.js";
import { codePrefix } from "../engine/promo-code.js";
import type { CurrencyThresholds } from "../engine/types.js";
import type { ShopRow } from "../lib/caller.js";
import { sha256Hex } from "../lib/crypto.js";
import { newId, randomString } from "../lib/ids.js";

export interface NewShop {
  name: string;
  region: string;
  currency: string;
  mode: "test" | "live";
  allowed_origins: string[];
  addon_coupons: boolean;
  min_fixed_minor?: ShopRow["min_fixed_minor"];
}

export interface CreatedShop {
  shop: ShopRow;
  secret_key: string;
  publishable_key: string;
  buyer_token_secret: string;
}

export function newApiKey(kind: "secret" | "publishable", mode: "test" | "live"): string {
  return `${kind === "secret" ? "sk" : "pk"}_${mode}_${randomString(32)}`;
}

export async function apiKeyRow(shopId: string, kind: "secret" | "publishable", key: string, now: number) {
  return {
    id: newId("key"),
    shop_id: shopId,
    kind,
    key_hash: await sha256Hex(key),
    key_hint: `${key.slice(0, 12)}…`,
    created_at: now,
    revoked_at: null,
  };
}

/** Creates a shop with one secret and one publishable key, in one batch (all or nothing). */
export async function insertShop(db: Db, input: NewShop, now: number): Promise<CreatedShop> {
  const shop: ShopRow = {
    id: newId("shop"),
    name: input.name,
    code_prefix: codePrefix(input.name),
    region: input.region,
    currency: input.currency,
    mode: input.mode,
    allowed_origins: input.allowed_origins,
    addon_coupons: input.addon_coupons,
    min_fixed_minor: input.min_fixed_minor ?? null,
    blocked_words: [],
    buyer_token_secret: `bts_${randomString(40)}`,
    test_clock_now: null,
    created_at: now,
    updated_at: now,
  };
  const secret_key = newApiKey("secret", input.mode);
  const publishable_key = newApiKey("publishable", input.mode);
  await db.batch([
    db.insert(shops).values(shop),
    db.insert(apiKeys).values(await apiKeyRow(shop.id, "secret", secret_key, now)),
    db.insert(apiKeys).values(await apiKeyRow(shop.id, "publishable", publishable_key, now)),
  ]);
  return { shop, secret_key, publishable_key, buyer_token_secret: shop.buyer_token_secret };
}

export async function getShop(db: Db, id: string): Promise<ShopRow | undefined> {
  return (await db.select().from(shops).where(eq(shops.id, id)).limit(1))[0];
}

/** A shop's settings changed (the platform operator's PATCH); undefined when there is no such shop. */
export async function updateShopRow(db: Db, id: string, patch: Partial<Pick<ShopRow, "name" | "allowed_origins" | "addon_coupons" | "min_fixed_minor" | "blocked_words">>, now: number): Promise<ShopRow | undefined> {
  return (await db.update(shops).set({ ...patch, updated_at: now }).where(eq(shops.id, id)).returning())[0];
}

/** A test shop's clock frozen at `frozen` (null: real time again). */
export async function setShopTestClock(db: Db, id: string, frozen: number | null): Promise<ShopRow | undefined> {
  return (await db.update(shops).set({ test_clock_now: frozen }).where(eq(shops.id, id)).returning())[0];
}

/** Whether the database holds any shop yet (an empty one gets the demo shop). */
export async function hasAnyShop(db: Db): Promise<boolean> {
  const rows = await db.select({ id: shops.id }).from(shops).limit(1);
  return rows.length > 0;
}

/** The shop's R3 thresholds for the engine: its own when set, else the table for its currency. */
export function shopThresholds(shop: ShopRow): Record<string, CurrencyThresholds> | undefined {
  return shop.min_fixed_minor ? { [shop.currency.toUpperCase()]: { min_fixed_minor: shop.min_fixed_minor } } : undefined;
}

/** R20: the words a shop's promo codes may not be: the platform's list plus the shop's own. */
export function shopBlockedWords(shop: ShopRow, platform: readonly string[]): readonly string[] {
  return shop.blocked_words.length === 0 ? platform : [...platform, ...shop.blocked_words];
}
