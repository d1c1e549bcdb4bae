/** Shops and their API keys. */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { apiKeys, shops } from "../../db/schema.js";
import { codePrefix } from "../engine/promo-code.js";
import type { CurrencyThresholds } from "../engine/types.js";
import type { ShopRow } from "../lib/caller.js";
import { sha256Hex } from "../lib/crypto.js";
import { newId, randomString } from "../lib/ids.js";
import { queryRead, UNCHECKED, writeBatch, type Read, type WritePlan } from "./batch.js";
import { keyGuard } from "./key-check.js";

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
  return (await shopQuery(db, id))[0];
}

const shopQuery = (db: Db, id: string) => db.select().from(shops).where(eq(shops.id, id)).limit(1);

/** A shop's row (a read for `readAll`). */
export const shopRead = (db: Db, id: string): Read<ShopRow | undefined> =>
  queryRead(
    () => shopQuery(db, id),
    (rows) => rows[0],
  );

/** The shop columns a PATCH sets as given (all but the origins, which may also change in place). */
export type ShopColumns = Partial<Pick<ShopRow, "name" | "addon_coupons" | "min_fixed_minor" | "allowed_origins" | "blocked_words">>;

export interface ShopSettingsPatch {
  /** Columns set to these values (`allowed_origins` replaces the list). */
  set: ShopColumns;
  /** Change the origin list in place (with `set.allowed_origins` absent). */
  origins_add?: string[];
  origins_remove?: string[];
}

const jsonValue = (v: unknown) => sql`json(${JSON.stringify(v)})`;

/**
 * The shop's origins after in-place changes, as SQL over its row: the stored list minus the removed ones,
 * then the added ones not already in it, in order. Computed by the UPDATE itself, so two patches adding an
 * origin each at the same time both keep theirs.
 */
function originsChanged(add: string[] | undefined, remove: string[] | undefined): SQL | null {
  if (add === undefined && remove === undefined) return null;
  return sql`(SELECT json_group_array(value ORDER BY part, pos) FROM (
      SELECT value, 0 AS part, key AS pos FROM json_each(shops.allowed_origins) WHERE value NOT IN (SELECT value FROM json_each(${JSON.stringify(remove ?? [])}))
      UNION ALL
      SELECT value, 1, key FROM json_each(${JSON.stringify(add ?? [])}) WHERE value NOT IN (SELECT value FROM json_each(shops.allowed_origins))))`;
}

/** Whether a PATCH names nothing to change (it then answers the shop as it is). */
export function shopPatchIsEmpty(p: ShopSettingsPatch): boolean {
  return Object.values(p.set).every((v) => v === undefined) && p.origins_add === undefined && p.origins_remove === undefined;
}

/** One setting that changes: its column, and as SQL its value as stored, and before and after as JSON for the audit. */
interface Change {
  name: string;
  stored: SQL;
  before: SQL;
  after: SQL;
}

/** A column set to a given value, whatever its kind (text, boolean, JSON), from the schema's own column. */
function columnChange(name: keyof ShopColumns, value: unknown): Change {
  const column = shops[name];
  const col = sql.raw(`shops.${name}`);
  const stored = value === null ? sql`NULL` : sql`${column.mapToDriverValue(value as never)}`;
  switch (column.columnType) {
    case "SQLiteBoolean":
      return { name, stored, before: sql`json(CASE WHEN ${col} THEN 'true' ELSE 'false' END)`, after: jsonValue(value) };
    case "SQLiteTextJson":
      return { name, stored, before: sql`json(${col})`, after: value === null ? sql`NULL` : jsonValue(value) };
    default:
      return { name, stored, before: col, after: sql`${value}` };
  }
}

/**
 * A shop's settings changed, with its `shop_updated` audit entry (the changed settings before and after,
 * by `actor`) in the same batch and only if something changed. Answers the shop after, undefined when
 * there is no such shop, or `too_many_origins` when the list would pass `maxOrigins` (nothing changed).
 * With a key check planned, both statements also need the key active and its shop as planned
 * (store/key-check.ts), so a refused guard writes nothing and `confirmKey` says why before the answer.
 */
export async function updateShopSettings(
  db: Db,
  id: string,
  p: ShopSettingsPatch,
  opts: { now: number; actor: string; maxOrigins: number },
  plan: WritePlan = UNCHECKED,
): Promise<ShopRow | undefined | "too_many_origins"> {
  const changes = (Object.entries(p.set) as [keyof ShopColumns, unknown][])
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => columnChange(k, v));
  const inPlace = originsChanged(p.origins_add, p.origins_remove);
  if (inPlace) changes.push({ name: "allowed_origins", stored: inPlace, before: sql`json(shops.allowed_origins)`, after: inPlace });
  // Unguarded: a route answers a PATCH that changes nothing itself, from its own read (services/shops.ts).
  if (changes.length === 0) return getShop(db, id);

  const origins = changes.find((c) => c.name === "allowed_origins")?.stored;
  const fits = origins ? sql`json_array_length(${origins}) <= ${opts.maxOrigins}` : sql`1`;
  const guard = keyGuard(plan.keyCheck);
  const object = (part: "before" | "after") =>
    sql`json_object(${sql.join(
      changes.map((c) => sql`${c.name}, ${c[part]}`),
      sql`, `,
    )})`;
  const [, updated, after] = (await writeBatch(db, plan, [
    // The entry first: it reads the row as it was. It is written only if the UPDATE below will be.
    db.run(sql`INSERT INTO audit_entries (id, shop_id, coupon_id, action, actor, at, changes, seq)
      SELECT ${newId("aud")}, shops.id, NULL, 'shop_updated', ${opts.actor}, ${opts.now},
        json_object('before', ${object("before")}, 'after', ${object("after")}),
        (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_entries WHERE shop_id = shops.id)
      FROM shops WHERE shops.id = ${id} AND ${fits} AND ${object("before")} IS NOT ${object("after")} AND ${guard}`),
    db.run(sql`UPDATE shops SET ${sql.join(
      changes.map((c) => sql`${sql.raw(c.name)} = ${c.stored}`),
      sql`, `,
    )}, updated_at = ${opts.now}
      WHERE shops.id = ${id} AND ${fits} AND ${guard}`),
    db.select().from(shops).where(eq(shops.id, id)),
  ])) as [unknown, { rowsAffected: number }, ShopRow[]];
  if (!after[0]) return undefined;
  return updated.rowsAffected === 0 ? "too_many_origins" : after[0];
}

/**
 * A test shop's clock frozen at `frozen` (null: real time again). With a key check planned, only while the
 * key is active and its shop as planned, the key check in the same batch (store/key-check.ts).
 */
export async function setShopTestClock(
  db: Db,
  id: string,
  frozen: number | null,
  plan: WritePlan = UNCHECKED,
): Promise<ShopRow | undefined> {
  const update = db
    .update(shops)
    .set({ test_clock_now: frozen })
    .where(and(eq(shops.id, id), keyGuard(plan.keyCheck)))
    .returning();
  const [rows] = plan.keyCheck ? ((await writeBatch(db, plan, [update])) as [ShopRow[]]) : [await update];
  return rows[0];
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
