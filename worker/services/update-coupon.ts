/**
 * `PATCH /v1/coupons/{id}`: the engine says what may change (`checkEdit`: upcoming anything; ongoing the
 * name, a larger quantity, a later end) and whether the result is still a valid coupon; the database
 * applies it as ONE conditional `UPDATE … WHERE id = ? AND version = ?` (plus the "only one" guards), so of
 * two PATCHes of the same version one wins and the other is 412. The audit entry and a promo code's
 * live_codes row change in the same batch, and only if that UPDATE changed the row.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { checkEdit, validateCouponRules } from "../engine/coupon-rules.js";
import { codeBlockedWord, fullCode, normalizeCode } from "../engine/promo-code.js";
import type { CouponDraft, Validity } from "../engine/types.js";
import { newId } from "../lib/ids.js";
import { ApiError, notFound } from "../lib/problem.js";
import { toMillis } from "../lib/schemas.js";
import type { UpdateCouponInput } from "../routes/coupons/coupons.schemas.js";
import { serializeCoupon } from "../routes/coupons/serialize.js";
import { auditInsertSql } from "../store/audit.js";
import { couponSettingsColumns, getCouponRow, oneActiveGuard, rowToCoupon, type CouponRow } from "../store/coupons.js";
import { isUniqueViolation } from "../store/errors.js";
import type { CouponSettings, CreateContext } from "./create-coupon.js";
import { shopThresholds } from "../store/shops.js";

/** Who writes, where, at which shop clock: what every seller write needs (a creation also needs its origin). */
export type WriteContext = Pick<CreateContext, "db" | "shop" | "now" | "realNow" | "actor" | "blockedWords">;

/** `If-Match: 3`, `"3"` or `W/"3"` → 3; anything else can match no version. */
export function parseIfMatch(header: string | undefined): number | null | undefined {
  if (header === undefined || header.trim() === "") return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  return m ? Number(m[1]) : null;
}

export function versionMismatch(current: number): ApiError {
  return new ApiError(412, "version_mismatch", `The coupon has changed since you read it; its version is now ${current}. Read it again and retry.`);
}

/** A stored coupon's settings (the engine's shape minus identity, counters and deactivation). */
export function settingsOf(row: CouponRow): CouponSettings {
  const { id: _id, shop_id: _shop, claimed_count: _c, reserved_count: _r, used_count: _u, deactivated_at: _d, ...settings } = rowToCoupon(row);
  return settings;
}

function validityMillis(v: NonNullable<UpdateCouponInput["validity"]>): Validity {
  return v.kind === "fixed" ? { kind: "fixed", starts_at: toMillis(v.starts_at), ends_at: toMillis(v.ends_at) } : v;
}

/** The patch in the engine's terms: times as milliseconds, the code as the seller's suffix. */
function patchDraft(input: UpdateCouponInput): Partial<CouponDraft> {
  const p: Partial<CouponDraft> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    if (k.endsWith("_at")) (p as Record<string, unknown>)[k] = toMillis(v as string);
    else if (k === "validity") p.validity = validityMillis(v as NonNullable<UpdateCouponInput["validity"]>);
    else if (k === "code") p.code = normalizeCode(v as string);
    else (p as Record<string, unknown>)[k] = v;
  }
  return p;
}

/** before/after of the fields that differ, as the API shows them (R30). */
export function diffCoupons(before: CouponRow, after: CouponRow, now: number, currency: string) {
  const a = serializeCoupon(before, now, currency) as Record<string, unknown>;
  const b = serializeCoupon(after, now, currency) as Record<string, unknown>;
  const changes: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} };
  for (const k of Object.keys(b)) {
    if (k === "version" || k === "updated_at" || k === "estimated_spend_minor") continue;
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) {
      changes.before[k] = a[k];
      changes.after[k] = b[k];
    }
  }
  return changes;
}

const sqlValue = (v: unknown) => sql`${v !== null && typeof v === "object" ? JSON.stringify(v) : v}`;

export async function updateCoupon(ctx: WriteContext, id: string, input: UpdateCouponInput, ifMatch: number | null | undefined): Promise<CouponRow> {
  // Without If-Match the update is still conditional on the version it read; a lost race re-reads and
  // re-judges (the caller did not ask for a particular version). With If-Match a lost race is 412.
  for (let attempt = 1; ; attempt++) {
    const result = await tryUpdate(ctx, id, input, ifMatch);
    if (result !== "retry") return result;
    if (attempt >= 3) throw new ApiError(409, "concurrent_update", "The coupon kept changing while this update was applied; retry.");
  }
}

async function tryUpdate(ctx: WriteContext, id: string, input: UpdateCouponInput, ifMatch: number | null | undefined): Promise<CouponRow | "retry"> {
  const { db, shop, now } = ctx;
  const row = await getCouponRow(db, shop.id, id);
  if (!row) throw notFound("coupon");
  if (ifMatch !== undefined && ifMatch !== row.version) throw versionMismatch(row.version);

  const patch = patchDraft(input);
  const current = rowToCoupon(row);
  const locked = checkEdit(current, patch, now);
  if (locked.length) {
    throw new ApiError(409, "edit_not_allowed", locked[0].message, locked);
  }

  const before = settingsOf(row);
  const suffix = patch.code ?? (before.code ? before.code.slice(shop.code_prefix.length) : null);
  const merged: CouponSettings = {
    ...before,
    ...(patch as Partial<CouponSettings>),
    code: suffix === null ? null : fullCode(shop.code_prefix, suffix),
  } as CouponSettings;
  const violations = validateCouponRules({ ...merged, code: suffix }, { now, currency: shop.currency, thresholds: shopThresholds(shop) });
  if (violations.length) throw new ApiError(422, "validation_failed", violations[0].message, violations);
  const codeChanged = merged.code !== row.code;
  if (codeChanged && suffix && codeBlockedWord(shop.code_prefix, suffix, ctx.blockedWords)) {
    throw new ApiError(409, "code_not_allowed", "This code contains a word that is not allowed (R20).");
  }

  const cols = couponSettingsColumns(merged);
  const next: CouponRow = { ...row, ...cols, version: row.version + 1, updated_at: now };
  const changes = diffCoupons(row, next, now, shop.currency);
  if (Object.keys(changes.after).length === 0) return row; // nothing to change: no new version, no entry

  const guards: SQL[] = [sql`id = ${id}`, sql`shop_id = ${shop.id}`, sql`version = ${row.version}`];
  if (merged.name.toLowerCase() !== row.name.toLowerCase()) guards.push(nameFree(shop.id, id, merged.name, now));
  const overlap = oneActiveGuard({ ...next, id }, now);
  if (overlap) guards.push(overlap);
  const set = Object.entries(cols).map(([k, v]) => sql`${sql.raw(k)} = ${sqlValue(v)}`);
  const update = sql`UPDATE coupons SET ${sql.join(set, sql`, `)}, version = version + 1, updated_at = ${now}
    WHERE ${sql.join(guards, sql` AND `)}`;

  const auditId = newId("aud");
  // changes() is the row count of the statement just before: the entry exists only if the UPDATE won.
  const statements: SQL[] = [
    update,
    auditInsertSql({ id: auditId, shop_id: shop.id, coupon_id: id, action: "updated", actor: ctx.actor, at: now, changes }, sql`changes() = 1`),
  ];
  const won = sql`EXISTS (SELECT 1 FROM audit_entries WHERE id = ${auditId})`;
  if (row.type === "promo_code" && merged.code && merged.active_ends_at != null) {
    if (codeChanged) {
      statements.push(
        sql`DELETE FROM live_codes WHERE region = ${shop.region} AND code = ${merged.code}
          AND (active_ends_at <= ${ctx.realNow} OR (shop_id = ${shop.id} AND active_ends_at <= ${now})
               OR coupon_id IN (SELECT id FROM coupons WHERE deactivated_at IS NOT NULL)) AND ${won}`,
        sql`DELETE FROM live_codes WHERE coupon_id = ${id} AND ${won}`,
        // R19: the primary key refuses a code another live coupon holds; the whole batch then rolls back.
        sql`INSERT INTO live_codes (region, code, coupon_id, shop_id, active_ends_at)
          SELECT ${shop.region}, ${merged.code}, ${id}, ${shop.id}, ${merged.active_ends_at} WHERE ${won}`,
      );
    } else if (merged.active_ends_at !== row.active_ends_at) {
      statements.push(sql`UPDATE live_codes SET active_ends_at = ${merged.active_ends_at} WHERE coupon_id = ${id} AND ${won}`);
    }
  }

  try {
    await db.batch(statements.map((s) => db.run(s)) as [ReturnType<Db["run"]>]);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ApiError(409, "promo_code_taken", "This code is already used by an upcoming or ongoing promo code in this region (R19).");
    }
    throw err;
  }
  const [done] = await db.all<{ one: number }>(sql`SELECT 1 AS one FROM audit_entries WHERE id = ${auditId}`);
  if (done) return (await getCouponRow(db, shop.id, id))!;

  // The UPDATE changed nothing: say which condition refused it (for the answer, not the decision).
  const fresh = await getCouponRow(db, shop.id, id);
  if (!fresh) throw notFound("coupon");
  if (fresh.version !== row.version) {
    if (ifMatch !== undefined) throw versionMismatch(fresh.version);
    return "retry";
  }
  if (overlap) {
    const [free] = await db.all<{ ok: number }>(sql`SELECT ${overlap} AS ok`);
    if (free && !free.ok) {
      throw row.type === "review"
        ? new ApiError(409, "review_coupon_overlap", "Only one review coupon may be active at a time; another one's claim window overlaps this one (R15).")
        : new ApiError(409, "new_customer_coupon_overlap", "Only one new-customer coupon may be active at a time; another one's claim window overlaps this one (R8).");
    }
  }
  throw new ApiError(409, "name_taken", "Another upcoming or ongoing coupon of this shop has this name.");
}

/** SQL: no other upcoming or ongoing coupon of the shop has this name. */
export function nameFree(shopId: string, selfId: string, name: string, now: number): SQL {
  return sql`NOT EXISTS (SELECT 1 FROM coupons AS other WHERE other.shop_id = ${shopId} AND other.id <> ${selfId}
    AND lower(other.name) = lower(${name}) AND other.deactivated_at IS NULL
    AND COALESCE(other.active_ends_at, other.claim_ends_at) > ${now})`;
}
