/**
 * Seller edits of a stored coupon, each ONE batch: the conditional UPDATE (the version read, plus the
 * "only one" guards), its audit entry only if the UPDATE changed the row (`changes() = 1`), and a promo
 * code's live_codes row moved with it. Of two edits of the same version one wins and the other changes
 * nothing; which rule refused is asked afterwards, for the answer only.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditInsertSql, type AuditInput } from "./audit.js";
import { queryRead, UNCHECKED, writeBatch, type Read, type WritePlan } from "./batch.js";
import { campaignLiveRows } from "./campaign-codes.js";
import { couponRowQuery, liveAt, oneActiveGuard, type CouponRow } from "./coupons.js";
import { keyGuard } from "./key-check.js";

const sqlValue = (v: unknown) => sql`${v !== null && typeof v === "object" ? JSON.stringify(v) : v}`;

/** SQL: no other upcoming or ongoing coupon of the shop has this name. */
function nameFree(shopId: string, selfId: string, name: string, now: number): SQL {
  return sql`NOT EXISTS (SELECT 1 FROM coupons AS other WHERE other.shop_id = ${shopId} AND other.id <> ${selfId}
    AND lower(other.name) = lower(${name}) AND other.deactivated_at IS NULL
    AND COALESCE(other.active_ends_at, other.claim_ends_at) > ${now})`;
}

export interface CouponEdit {
  /** The row as read: the UPDATE applies only while the coupon is still at its version. */
  before: CouponRow;
  /** The settings columns that change, with their new values. */
  columns: Partial<CouponRow>;
  /** `before` with the new columns: what the guards judge. */
  after: CouponRow;
  region: string;
  /** Shop clock. */
  now: number;
  /** Real time: another shop's ended code frees its row by real time. */
  realNow: number;
  audit: AuditInput;
  /** Webhook events (store/outbox.ts), conditional on the audit entry, i.e. on the edit having won. */
  outbox?: SQL | null;
}

/**
 * The edit, or nothing: false when a guard refused it (another version, a name taken, R8/R15). A code
 * another live coupon holds (R19) is a unique violation, thrown: the whole batch rolled back.
 */
export async function updateCouponGuarded(db: Db, e: CouponEdit, plan: WritePlan = UNCHECKED): Promise<EditResult> {
  const { before, after, now } = e;
  const id = before.id;
  // With a key check planned, the edit happens only while the key is active and its shop as planned.
  const guards: SQL[] = [sql`id = ${id}`, sql`shop_id = ${before.shop_id}`, sql`version = ${before.version}`, keyGuard(plan.keyCheck)];
  if (after.name.toLowerCase() !== before.name.toLowerCase()) guards.push(nameFree(before.shop_id, id, after.name, now));
  const overlap = oneActiveGuard(after, now);
  if (overlap) guards.push(overlap);
  const set = Object.entries(e.columns).map(([k, v]) => sql`${sql.raw(k)} = ${sqlValue(v)}`);
  const statements: SQL[] = [
    sql`UPDATE coupons SET ${sql.join(set, sql`, `)}, version = version + 1, updated_at = ${now}
      WHERE ${sql.join(guards, sql` AND `)}`,
    // changes() is the row count of the statement just before: the entry exists only if the UPDATE won.
    auditInsertSql(e.audit, sql`changes() = 1`),
  ];
  const won = sql`EXISTS (SELECT 1 FROM audit_entries WHERE id = ${e.audit.id})`;
  if (before.type === "promo_code" && after.code && after.active_ends_at != null) {
    if (after.code !== before.code) {
      statements.push(
        sql`DELETE FROM live_codes WHERE region = ${e.region} AND code = ${after.code}
          AND (active_ends_at <= ${e.realNow} OR (shop_id = ${before.shop_id} AND active_ends_at <= ${now})
               OR coupon_id IN (SELECT id FROM coupons WHERE deactivated_at IS NOT NULL)) AND ${won}`,
        sql`DELETE FROM live_codes WHERE coupon_id = ${id} AND ${won}`,
        // R19: the primary key refuses a code another live coupon holds; the whole batch then rolls back.
        sql`INSERT INTO live_codes (region, code, coupon_id, shop_id, active_ends_at)
          SELECT ${e.region}, ${after.code}, ${id}, ${before.shop_id}, ${after.active_ends_at} WHERE ${won}`,
      );
    } else if (after.active_ends_at !== before.active_ends_at) {
      statements.push(sql`UPDATE live_codes SET active_ends_at = ${after.active_ends_at} WHERE coupon_id = ${id} AND ${won}`);
    }
  }
  // A campaign's codes hold their live rows until its new end.
  if (before.unique_code_length != null && after.active_ends_at !== before.active_ends_at) {
    statements.push(sql`UPDATE live_codes SET active_ends_at = ${after.active_ends_at} WHERE ${campaignLiveRows(e.region, id)} AND ${won}`);
  }
  if (e.outbox) statements.push(e.outbox);
  return editBatch(db, plan, statements, before);
}

/** Whether the edit's driving statement changed the row, and the row as the batch left it (read back in it). */
export interface EditResult {
  won: boolean;
  row: CouponRow | undefined;
}

async function editBatch(db: Db, plan: WritePlan, statements: SQL[], row: CouponRow): Promise<EditResult> {
  const results = await writeBatch(db, plan, [...statements.map((s) => db.run(s)), couponRowQuery(db, row.shop_id, row.id)]);
  return { won: (results[0] as { rowsAffected: number }).rowsAffected === 1, row: (results[results.length - 1] as CouponRow[])[0] };
}

/** R8/R15 hold for this row at `now`: no other live coupon of its "only one" kind overlaps it. */
export async function overlapFree(
  db: Db,
  row: Pick<CouponRow, "type" | "audience" | "shop_id" | "claim_starts_at" | "claim_ends_at" | "id">,
  now: number,
): Promise<boolean> {
  const guard = oneActiveGuard(row, now);
  if (!guard) return true;
  const [free] = await db.all<{ ok: number }>(sql`SELECT ${guard} AS ok`);
  return !free || Boolean(free.ok);
}

/**
 * R28: the coupon deactivated now (if not already, and only at the version `row` has: the entry and the
 * event were made from it), its audit entry, and a promo code's live_codes row given up, in one batch
 * guarded by the key when one is planned; `won` when this call deactivated it, and the row read back.
 */
export async function deactivateCouponGuarded(
  db: Db,
  row: CouponRow,
  region: string,
  now: number,
  audit: AuditInput,
  outbox: SQL | null = null,
  plan: WritePlan = UNCHECKED,
): Promise<EditResult> {
  const won = sql`EXISTS (SELECT 1 FROM audit_entries WHERE id = ${audit.id})`;
  const statements = [
    sql`UPDATE coupons SET deactivated_at = ${now}, version = version + 1, updated_at = ${now}
      WHERE id = ${row.id} AND shop_id = ${row.shop_id} AND deactivated_at IS NULL AND version = ${row.version}
        AND ${keyGuard(plan.keyCheck)}`,
    auditInsertSql(audit, sql`changes() = 1`),
    // A campaign's codes are found through its own rows; a shared code by its coupon.
    row.unique_code_length != null
      ? sql`DELETE FROM live_codes WHERE ${campaignLiveRows(region, row.id)} AND ${won}`
      : sql`DELETE FROM live_codes WHERE coupon_id = ${row.id} AND ${won}`,
  ];
  if (outbox) statements.push(outbox);
  return editBatch(db, plan, statements, row);
}

/**
 * R17: a chat coupon sent to a buyer. Idempotent (the primary key keeps the first send); the first send
 * leaves an `updated` audit entry, a repeat none. Sent only while the coupon is at the version the caller
 * judged (and the key as planned); answers the first send's time, if any, and the coupon as the batch saw it.
 */
export async function recordChatSend(
  db: Db,
  coupon: CouponRow,
  buyerId: string,
  now: number,
  audit: AuditInput,
  plan: WritePlan = UNCHECKED,
): Promise<{ sentAt: number | undefined; row: CouponRow | undefined }> {
  const [, , sent, row] = await writeBatch(db, plan, [
    db.run(sql`INSERT INTO chat_sends (coupon_id, buyer_id, shop_id, sent_at)
      SELECT ${coupon.id}, ${buyerId}, ${coupon.shop_id}, ${now}
      WHERE EXISTS (SELECT 1 FROM coupons WHERE id = ${coupon.id} AND version = ${coupon.version}) AND ${keyGuard(plan.keyCheck)}
      ON CONFLICT (coupon_id, buyer_id) DO NOTHING`),
    db.run(auditInsertSql(audit, sql`changes() = 1`)),
    db.all<{ sent_at: number }>(sql`SELECT sent_at FROM chat_sends WHERE coupon_id = ${coupon.id} AND buyer_id = ${buyerId}`),
    couponRowQuery(db, coupon.shop_id, coupon.id),
  ]);
  const first = (sent as { sent_at: number }[])[0];
  return { sentAt: first ? Number(first.sent_at) : undefined, row: (row as CouponRow[])[0] };
}

/** Whether the shop has an upcoming or ongoing coupon of this type (R32 picks the addon's kind by it). */
export async function hasLiveCouponOfType(db: Db, shopId: string, type: CouponRow["type"], now: number): Promise<boolean> {
  return (await liveCouponOfTypeQuery(db, shopId, type, now)).length > 0;
}

/** `hasLiveCouponOfType` as a read for `readAll`. */
export function liveCouponOfTypeRead(db: Db, shopId: string, type: CouponRow["type"], now: number): Read<boolean> {
  return queryRead(
    () => liveCouponOfTypeQuery(db, shopId, type, now),
    (rows) => rows.length > 0,
  );
}

const liveCouponOfTypeQuery = (db: Db, shopId: string, type: CouponRow["type"], now: number) =>
  db.all<{ one: number }>(sql`SELECT 1 AS one FROM coupons WHERE shop_id = ${shopId} AND type = ${type} AND ${liveAt(now)} LIMIT 1`);
