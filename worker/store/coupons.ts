/**
 * Coupons in the database: row ↔ engine shape, and the conditional writes that carry the "only one"
 * rules (name unique among live coupons, R8, R15, R19) so they hold when two creates race.
 */
import { and, desc, eq, lt, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { coupons } from "../../db/schema.js";
import type { Coupon } from "../engine/types.js";
import { auditInsertSql, type AuditInput } from "./audit.js";
import { campaignCodeStatements, codesFreeSql, holdersFromRows, liveHoldersQueries } from "./campaign-codes.js";
import { isUniqueViolation } from "./errors.js";
import { queryRead, UNCHECKED, writeBatch, type Read, type WritePlan } from "./batch.js";
import { keyGuard } from "./key-check.js";
import { saturatedColumns } from "./saturated.js";

export type CouponRow = typeof coupons.$inferSelect;

/** The columns of a coupon as every read takes them: integers saturated, so no stored value breaks a read. */
export const couponColumns = saturatedColumns(coupons);

export function rowToCoupon(r: CouponRow): Coupon {
  return {
    id: r.id,
    shop_id: r.shop_id,
    type: r.type,
    name: r.name,
    discount:
      r.discount_kind === "fixed"
        ? { kind: "fixed", amount_minor: r.amount_minor ?? 0 }
        : { kind: "percent", percent_off: r.percent_off ?? 0, max_discount_minor: r.max_discount_minor },
    min_spend_minor: r.min_spend_minor,
    scope: r.scope_kind === "shop" ? { kind: "shop" } : { kind: "products", product_ids: r.product_ids ?? [] },
    audience: (r.audience as Coupon["audience"]) ?? null,
    claim_starts_at: r.claim_starts_at,
    claim_ends_at: r.claim_ends_at,
    validity:
      r.validity_kind === "days_after_claim"
        ? { kind: "days_after_claim", days: r.validity_days ?? 1 }
        : r.validity_kind === "fixed"
          ? { kind: "fixed", starts_at: r.validity_starts_at ?? 0, ends_at: r.validity_ends_at ?? 0 }
          : null,
    code: r.code,
    active_starts_at: r.active_starts_at,
    active_ends_at: r.active_ends_at,
    quantity: r.quantity,
    per_customer_limit: r.per_customer_limit,
    deactivated_at: r.deactivated_at,
    unique_code_length: r.unique_code_length,
    budget_minor: r.budget_minor,
    refund_policy: r.refund_policy,
    budget_spent_minor: r.budget_spent_minor,
    claimed_count: r.claimed_count,
    reserved_count: r.reserved_count,
    used_count: r.used_count,
  };
}

/** The columns a coupon's settings occupy (counters and bookkeeping excluded). */
export function couponSettingsColumns(
  c: Omit<Coupon, "claimed_count" | "reserved_count" | "used_count" | "budget_spent_minor" | "deactivated_at" | "id" | "shop_id">,
) {
  return {
    type: c.type,
    name: c.name,
    discount_kind: c.discount.kind,
    amount_minor: c.discount.kind === "fixed" ? c.discount.amount_minor : null,
    percent_off: c.discount.kind === "percent" ? c.discount.percent_off : null,
    max_discount_minor: c.discount.kind === "percent" ? (c.discount.max_discount_minor ?? null) : null,
    min_spend_minor: c.min_spend_minor,
    scope_kind: c.scope.kind,
    product_ids: c.scope.kind === "products" ? c.scope.product_ids : null,
    audience: c.audience,
    claim_starts_at: c.claim_starts_at,
    claim_ends_at: c.claim_ends_at,
    validity_kind: c.validity?.kind ?? null,
    validity_days: c.validity?.kind === "days_after_claim" ? c.validity.days : null,
    validity_starts_at: c.validity?.kind === "fixed" ? c.validity.starts_at : null,
    validity_ends_at: c.validity?.kind === "fixed" ? c.validity.ends_at : null,
    code: c.code,
    active_starts_at: c.active_starts_at,
    active_ends_at: c.active_ends_at,
    quantity: c.quantity,
    per_customer_limit: c.per_customer_limit,
    unique_code_length: c.unique_code_length,
    budget_minor: c.budget_minor,
    refund_policy: c.refund_policy,
  } satisfies Partial<CouponRow>;
}

/** SQL: the coupon is upcoming or ongoing at `now` (not deactivated, its window not over). */
export const liveAt = (now: number) =>
  sql`(${coupons.deactivated_at} IS NULL AND COALESCE(${coupons.active_ends_at}, ${coupons.claim_ends_at}) > ${now})`;

export type CreateConflict = "name_taken" | "new_customer_coupon_overlap" | "review_coupon_overlap" | "promo_code_taken";

type AuditEntry = Omit<AuditInput, "coupon_id" | "shop_id"> & { coupon_id?: string };

/** A coupon written in the same batch as another, only if that one is (an addon with its parent). */
export interface DependentInsert {
  row: Omit<CouponRow, "seq">;
  audit: AuditEntry[];
  /** Written only if the shop has (`live`) or has not another upcoming or ongoing coupon of `type`, the batch's own aside. */
  whenLive?: { type: CouponRow["type"]; live: boolean };
}

/** SQL: no upcoming or ongoing coupon of the shop has this name (case-insensitive). */
const nameFreeSql = (shopId: string, name: string, now: number) =>
  sql`NOT EXISTS (SELECT 1 FROM coupons WHERE shop_id = ${shopId} AND lower(name) = lower(${name}) AND ${liveAt(now)})`;

/**
 * SQL over a `live_codes` row: its holder no longer holds the code — ended by real time (any shop), ended
 * by the asking shop's own clock (its own codes), or deactivated. Such a row is given up to a new holder.
 */
const heldCodeGivenUp = (shopId: string, now: number, realNow: number) =>
  sql`(active_ends_at <= ${realNow} OR (shop_id = ${shopId} AND active_ends_at <= ${now})
       OR coupon_id IN (SELECT id FROM coupons WHERE deactivated_at IS NOT NULL))`;

/** SQL: no live coupon of any shop in the region holds this full code (R19). */
const codeFreeSql = (region: string, code: string, shopId: string, now: number, realNow: number) =>
  sql`NOT EXISTS (SELECT 1 FROM live_codes WHERE region = ${region} AND code = ${code} AND NOT ${heldCodeGivenUp(shopId, now, realNow)})`;

/** The guarded INSERT of one coupon: the name is free among live coupons, R8/R15 hold, and `onlyIf`. */
function guardedInsertSql(row: Omit<CouponRow, "seq">, now: number, onlyIf?: SQL): SQL {
  const guards: SQL[] = [nameFreeSql(row.shop_id, row.name, now)];
  const overlapGuard = oneActiveGuard(row, now);
  if (overlapGuard) guards.push(overlapGuard);
  if (onlyIf) guards.push(onlyIf);
  const cols = Object.keys(row) as (keyof typeof row)[];
  const values = cols.map((k) => {
    const v = row[k];
    return sql`${v !== null && typeof v === "object" ? JSON.stringify(v) : v}`;
  });
  return sql`INSERT INTO coupons (${sql.raw(cols.join(", "))}, seq)
    SELECT ${sql.join(values, sql`, `)}, (SELECT COALESCE(MAX(seq), 0) + 1 FROM coupons WHERE shop_id = ${row.shop_id})
    WHERE ${sql.join(guards, sql` AND `)}`;
}

const writtenSql = (id: string) => sql`EXISTS (SELECT 1 FROM coupons WHERE id = ${id})`;

/**
 * Inserts a coupon only if every "only one" rule still holds, in one statement (`INSERT … SELECT … WHERE
 * NOT EXISTS …`), and for a promo code claims its `(region, code)` row in the same batch. SQLite runs one
 * writer at a time, so of two racing creates the second sees the first's row: one 201, one 409.
 * `dependents` (addon coupons) go in the same batch, each written only if the coupon is and its own
 * guards hold: a crash can never leave one without the other, and a dependent's clash costs nothing else.
 */
export async function insertCouponGuarded(
  db: Db,
  row: Omit<CouponRow, "seq">,
  opts: {
    now: number;
    realNow: number;
    region: string;
    /** Entries written only if the coupon is; each about the new coupon unless it names another one. */
    audit: AuditEntry[];
    dependents?: DependentInsert[];
    /** A campaign's codes (full, distinct), written in the same batch: all of them or no coupon. */
    campaignCodes?: readonly string[];
    /** Written only while this coupon is at this version (a duplicate planned from a copy of its source). */
    sourceAt?: { id: string; version: number };
    /** Webhook events of the coupon and its dependents (store/outbox.ts), each conditional on its row. */
    outbox?: SQL | null;
  },
  plan: WritePlan = UNCHECKED,
): Promise<{ ok: true; row: CouponRow; dependents: CouponRow[] } | { ok: false; conflict: CreateConflict; held?: string[] }> {
  const written = writtenSql(row.id);
  // A campaign is written only if none of its codes is held in the region: all its codes or no coupon.
  const target = { couponId: row.id, shopId: row.shop_id, region: opts.region, now: opts.now, realNow: opts.realNow };
  const codes = opts.campaignCodes;
  // With a key check planned, the coupon is written only while the key is active and its shop as planned.
  const source = opts.sourceAt
    ? sql`EXISTS (SELECT 1 FROM coupons WHERE id = ${opts.sourceAt.id} AND version = ${opts.sourceAt.version})`
    : null;
  const onlyIf = [
    ...(plan.keyCheck ? [keyGuard(plan.keyCheck)] : []),
    ...(source ? [source] : []),
    ...(codes ? [codesFreeSql(target, codes)] : []),
  ];
  const statements: SQL[] = [guardedInsertSql(row, opts.now, onlyIf.length ? sql.join(onlyIf, sql` AND `) : undefined)];
  if (row.type === "promo_code" && row.code) {
    // An ended or deactivated code frees its (region, code) row for a new coupon.
    statements.push(sql`DELETE FROM live_codes WHERE region = ${opts.region} AND code = ${row.code}
      AND ${heldCodeGivenUp(row.shop_id, opts.now, opts.realNow)}`);
    // The primary key of live_codes refuses a second live holder of the code: the batch rolls back.
    statements.push(sql`INSERT INTO live_codes (region, code, coupon_id, shop_id, active_ends_at)
      SELECT ${opts.region}, ${row.code}, ${row.id}, ${row.shop_id}, ${row.active_ends_at} WHERE ${written}`);
  }
  if (codes) statements.push(...campaignCodeStatements(target, codes, written));
  for (const a of opts.audit) statements.push(auditInsertSql({ ...a, shop_id: row.shop_id, coupon_id: a.coupon_id ?? row.id }, written));
  const made = [row.id, ...(opts.dependents ?? []).map((d) => d.row.id)];
  for (const d of opts.dependents ?? []) {
    // Dependents hold no code: a promo code's live_codes row is only claimed for the coupon itself.
    if (d.row.type === "promo_code") throw new Error("a dependent coupon cannot be a promo code");
    const { type, live } = d.whenLive ?? {};
    const other = sql`EXISTS (SELECT 1 FROM coupons WHERE shop_id = ${row.shop_id} AND type = ${type ?? null}
      AND id NOT IN (${sql.join(
        made.map((id) => sql`${id}`),
        sql`, `,
      )}) AND ${liveAt(opts.now)})`;
    statements.push(guardedInsertSql(d.row, opts.now, d.whenLive ? sql`${written} AND ${live ? other : sql`NOT ${other}`}` : written));
    const depWritten = writtenSql(d.row.id);
    for (const a of d.audit)
      statements.push(auditInsertSql({ ...a, shop_id: row.shop_id, coupon_id: a.coupon_id ?? d.row.id }, depWritten));
  }
  if (opts.outbox) statements.push(opts.outbox);
  // The rows as written come back from the same batch (its transaction), read as every read takes them.
  // Refused, a campaign reads back in the same batch which of its codes were held (none read when written).
  const held = codes ? liveHoldersQueries(target, codes, written) : [];
  let results: unknown[];
  try {
    results = await writeBatch(db, plan, [
      ...statements.map((s) => db.run(s)),
      ...made.map((id) => couponRowQuery(db, row.shop_id, id)),
      ...held.map((s) => db.all(s)),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, conflict: "promo_code_taken" };
    throw err;
  }
  if ((results[0] as { rowsAffected: number }).rowsAffected === 0) {
    const taken = holdersFromRows(results.slice(statements.length + made.length)).map((h) => h.code);
    if (taken.length) return { ok: false, conflict: "promo_code_taken", held: taken };
    return { ok: false, conflict: await explainConflict(db, row, opts.now) };
  }
  const [stored, ...dependents] = results.slice(statements.length, statements.length + made.length).map((rows) => (rows as CouponRow[])[0]);
  return { ok: true, row: stored, dependents: dependents.filter((d) => d !== undefined) };
}

/** R8 (one new-customer coupon per period) and R15 (review coupons may not overlap). */
export function oneActiveGuard(
  row: Pick<CouponRow, "type" | "audience" | "shop_id" | "claim_starts_at" | "claim_ends_at" | "id">,
  now: number,
): SQL | null {
  const kind =
    row.type === "regular" && row.audience === "new"
      ? sql`type = 'regular' AND audience = 'new'`
      : row.type === "review"
        ? sql`type = 'review'`
        : null;
  if (!kind) return null;
  return sql`NOT EXISTS (SELECT 1 FROM coupons WHERE shop_id = ${row.shop_id} AND id <> ${row.id} AND ${kind}
    AND ${liveAt(now)} AND claim_starts_at < ${row.claim_ends_at} AND claim_ends_at > ${row.claim_starts_at})`;
}

/**
 * What `insertCouponGuarded` would refuse this row for now, judged by the same guards and in the same
 * order (R8/R15, then the name, then the code), writing nothing: null when it would be written (a read for `readAll`).
 */
export function couponConflictRead(
  db: Db,
  row: Omit<CouponRow, "seq">,
  opts: { now: number; realNow: number; region: string },
): Read<CreateConflict | null> {
  const overlap = oneActiveGuard(row, opts.now) ?? sql`1`;
  const code = row.type === "promo_code" && row.code ? codeFreeSql(opts.region, row.code, row.shop_id, opts.now, opts.realNow) : sql`1`;
  const query = () =>
    db.all<{ overlap: number; name: number; code: number }>(
      sql`SELECT ${overlap} AS overlap, ${nameFreeSql(row.shop_id, row.name, opts.now)} AS name, ${code} AS code`,
    );
  return queryRead(query, ([r]): CreateConflict | null => {
    if (!r.overlap) return row.type === "review" ? "review_coupon_overlap" : "new_customer_coupon_overlap";
    if (!r.name) return "name_taken";
    if (!r.code) return "promo_code_taken";
    return null;
  });
}

/** R19: whether a live coupon of any shop in the region holds this full code, as the shop `shopId` judges it (a read for `readAll`). */
export function codeTakenRead(db: Db, f: { region: string; code: string; shopId: string; now: number; realNow: number }): Read<boolean> {
  const query = () => db.all<{ free: number }>(sql`SELECT ${codeFreeSql(f.region, f.code, f.shopId, f.now, f.realNow)} AS free`);
  return queryRead(query, (rows) => !rows[0].free);
}

/** After a guarded write changed nothing: which rule refused it (for the answer, not the decision). */
async function explainConflict(db: Db, row: Omit<CouponRow, "seq">, now: number): Promise<CreateConflict> {
  const guard = oneActiveGuard(row, now);
  if (guard) {
    const free = await db.get<{ ok: number }>(sql`SELECT ${guard} AS ok`);
    if (free && !free.ok) return row.type === "review" ? "review_coupon_overlap" : "new_customer_coupon_overlap";
  }
  return "name_taken";
}

export async function getCouponRow(db: Db, shopId: string, id: string): Promise<CouponRow | undefined> {
  return (await couponRowQuery(db, shopId, id))[0];
}

/** `getCouponRow`'s query, to ride in a batch: its rows (at most one). */
export const couponRowQuery = (db: Db, shopId: string, id: string) =>
  db
    .select(couponColumns)
    .from(coupons)
    .where(and(eq(coupons.id, id), eq(coupons.shop_id, shopId)))
    .limit(1);

/** One page of coupons matching `where`, newest first, after the cursor position `before` (a `seq`): the query (it may ride in a batch). */
export function newestCouponsQuery(db: Db, where: SQL[], before: number | null | undefined, limit: number) {
  return db.select(couponColumns).from(coupons).where(newestWhere(where, before)).orderBy(desc(coupons.seq)).limit(limit);
}

/** The ids of `newestCouponsQuery`'s page, as a sub-select. */
export function newestCouponIds(db: Db, where: SQL[], before: number | null | undefined, limit: number) {
  return db.select({ id: coupons.id }).from(coupons).where(newestWhere(where, before)).orderBy(desc(coupons.seq)).limit(limit);
}

const newestWhere = (where: SQL[], before: number | null | undefined) =>
  and(...(before != null ? [...where, lt(coupons.seq, before)] : where));

/**
 * The shop's latest coupon with this full code, whatever its status (a secret-key caller sees an ended or
 * deactivated code's true reason); `liveOnly` narrows to the code's live row for public look-ups.
 */
export async function findCouponByCode(db: Db, shopId: string, code: string): Promise<CouponRow | undefined> {
  let query = byCodeQueries.get(db);
  if (!query) {
    query = prepareByCode(db);
    byCodeQueries.set(db, query);
  }
  return query.get({ shopId, code });
}

/** The shop's latest coupon with this code: the query, with values or (prepared) placeholders. */
function byCodeQuery(db: Db, shopId: string | Placeholder, code: string | Placeholder) {
  return (
    db
      .select(couponColumns)
      .from(coupons)
      .where(and(eq(coupons.shop_id, shopId), eq(coupons.code, code)))
      // `+seq`: without the unary plus SQLite walks the shop's whole (shop_id, seq) index to skip the
      // sort, a scan that grows with the shop's coupons (bench/notes.md); with it, it seeks
      // (shop_id, code) and sorts the one or few rows of that code.
      .orderBy(sql`+${coupons.seq} DESC`)
      .limit(1)
  );
}

/** `findCouponByCode`'s query, to ride in a batch: its rows (at most one). */
export const couponByCodeQuery = (db: Db, shopId: string, code: string) => byCodeQuery(db, shopId, code);

/**
 * Every look-up and quote runs this query, so Drizzle builds its SQL once per database (`.prepare()`),
 * not per call (bench/notes.md).
 */
const byCodeQueries = new WeakMap<Db, ReturnType<typeof prepareByCode>>();
function prepareByCode(db: Db) {
  return byCodeQuery(db, sql.placeholder("shopId"), sql.placeholder("code")).prepare();
}
