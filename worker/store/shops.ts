/** Shops and their API keys. */
import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { apiKeys, shops } from "../../db/schema.js";
import { codePrefix } from "../engine/promo-code.js";
import type { CurrencyThresholds } from "../engine/types.js";
import type { ShopRow } from "../lib/context.js";
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

export interface ShopSettingsPatch {
  name?: string;
  addon_coupons?: boolean;
  min_fixed_minor?: ShopRow["min_fixed_minor"];
  /** Replaces the list. */
  allowed_origins?: string[];
  /** Change the list in place (with `allowed_origins` absent). */
  origins_add?: string[];
  origins_remove?: string[];
}

const jsonValue = (v: unknown) => sql`json(${JSON.stringify(v)})`;

/**
 * The shop's origins after the patch, as SQL over its row: the given list, or the stored list minus the
 * removed ones, then the added ones not already in it, in order. Computed by the UPDATE itself, so two
 * patches adding an origin each at the same time both keep theirs.
 */
function originsAfter(p: ShopSettingsPatch): SQL | null {
  if (p.allowed_origins !== undefined) return jsonValue(p.allowed_origins);
  if (p.origins_add === undefined && p.origins_remove === undefined) return null;
  const add = JSON.stringify(p.origins_add ?? []);
  const remove = JSON.stringify(p.origins_remove ?? []);
  return sql`(SELECT json_group_array(value ORDER BY part, pos) FROM (
      SELECT value, 0 AS part, key AS pos FROM json_each(shops.allowed_origins) WHERE value NOT IN (SELECT value FROM json_each(${remove}))
      UNION ALL
      SELECT value, 1, key FROM json_each(${add}) WHERE value NOT IN (SELECT value FROM json_each(shops.allowed_origins))))`;
}

/**
 * A shop's settings changed, with its `shop_updated` audit entry (the changed settings before and after,
 * by `actor`) in the same batch and only if something changed. Answers the shop after, undefined when
 * there is no such shop, or `too_many_origins` when the list would pass `maxOrigins` (nothing changed).
 */
export async function updateShopSettings(
  db: Db,
  id: string,
  p: ShopSettingsPatch,
  opts: { now: number; actor: string; maxOrigins: number },
): Promise<ShopRow | undefined | "too_many_origins"> {
  const origins = originsAfter(p);
  // Each changed setting: its column, its value before (from the row) and after, as SQL.
  const fields: [string, SQL, SQL][] = [];
  if (p.name !== undefined) fields.push(["name", sql`shops.name`, sql`${p.name}`]);
  if (p.addon_coupons !== undefined)
    fields.push(["addon_coupons", sql`json(CASE WHEN shops.addon_coupons THEN 'true' ELSE 'false' END)`, jsonValue(p.addon_coupons)]);
  if (p.min_fixed_minor !== undefined) fields.push(["min_fixed_minor", sql`json(shops.min_fixed_minor)`, p.min_fixed_minor === null ? sql`NULL` : jsonValue(p.min_fixed_minor)]);
  if (origins) fields.push(["allowed_origins", sql`json(shops.allowed_origins)`, origins]);
  if (fields.length === 0) return getShop(db, id);

  const object = (part: 1 | 2) => sql`json_object(${sql.join(fields.map((f) => sql`${f[0]}, ${f[part]}`), sql`, `)})`;
  const fits = origins ? sql`json_array_length(${origins}) <= ${opts.maxOrigins}` : sql`1`;
  const columns = fields.map(([name, , after]) =>
    name === "addon_coupons" ? sql`addon_coupons = ${p.addon_coupons ? 1 : 0}` : sql`${sql.raw(name)} = ${after}`,
  );
  const [, updated, after] = await db.batch([
    // The entry first: it reads the row as it was. It is written only if the UPDATE below will be.
    db.run(sql`INSERT INTO audit_entries (id, shop_id, coupon_id, action, actor, at, changes, seq)
      SELECT ${newId("aud")}, shops.id, NULL, 'shop_updated', ${opts.actor}, ${opts.now},
        json_object('before', ${object(1)}, 'after', ${object(2)}),
        (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_entries WHERE shop_id = shops.id)
      FROM shops WHERE shops.id = ${id} AND ${fits} AND ${object(1)} IS NOT ${object(2)}`),
    db.run(sql`UPDATE shops SET ${sql.join(columns, sql`, `)}, updated_at = ${opts.now} WHERE shops.id = ${id} AND ${fits}`),
    db.select().from(shops).where(eq(shops.id, id)),
  ]);
  if (!after[0]) return undefined;
  return updated.rowsAffected === 0 ? "too_many_origins" : after[0];
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
