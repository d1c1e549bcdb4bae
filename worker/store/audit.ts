/**
 * R30: the audit trail is insert-only. Entries are written in the same batch as the change they record,
 * so a change without its entry (or the reverse) cannot be left behind by a crash.
 */
import { asc, and, desc, eq, gt, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditEntries } from "../../db/schema.js";
import { newId } from "../lib/ids.js";
import { rowsRead } from "./batch.js";

/** Every action the log records: a coupon's own (R30), then the shop's (keys, settings, webhook endpoints). */
export const AUDIT_ACTIONS = [
  "created",
  "updated",
  "deactivated",
  "duplicated",
  "addon_created",
  "key_created",
  "key_revoked",
  "shop_updated",
  "webhook_endpoint_created",
  "webhook_endpoint_deleted",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditInput {
  /** Given when later statements of the batch must know whether this entry was written. */
  id?: string;
  shop_id: string;
  coupon_id: string | null;
  action: AuditAction;
  actor: string;
  at: number;
  changes: Record<string, unknown>;
}

/** An INSERT of one audit entry that only happens if `onlyIf` (SQL) holds, e.g. the coupon was written. */
export function auditInsertSql(e: AuditInput, onlyIf?: SQL): SQL {
  return sql`INSERT INTO audit_entries (id, shop_id, coupon_id, action, actor, at, changes, seq)
    SELECT ${e.id ?? newId("aud")}, ${e.shop_id}, ${e.coupon_id}, ${e.action}, ${e.actor}, ${e.at}, ${JSON.stringify(e.changes)},
      (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_entries WHERE shop_id = ${e.shop_id})
    ${onlyIf ? sql`WHERE ${onlyIf}` : sql``}`;
}

/** A coupon's entries after `after` (a `seq`), oldest first; the query itself, so it can ride in a batch. */
export function listAudit(db: Db, shopId: string, couponId: string, after: number | null, limit: number) {
  const where = [eq(auditEntries.shop_id, shopId), eq(auditEntries.coupon_id, couponId)];
  if (after != null) where.push(gt(auditEntries.seq, after));
  return db
    .select()
    .from(auditEntries)
    .where(and(...where))
    .orderBy(asc(auditEntries.seq))
    .limit(limit);
}

/** R30 for the whole shop: its operation log, newest first, optionally of one coupon or one action (a read for the route's batch). */
export function shopAuditRead(db: Db, shopId: string, f: { couponId?: string; action?: string; before: number | null; limit: number }) {
  const where = [eq(auditEntries.shop_id, shopId)];
  if (f.couponId !== undefined) where.push(eq(auditEntries.coupon_id, f.couponId));
  if (f.action !== undefined) where.push(eq(auditEntries.action, f.action));
  if (f.before != null) where.push(lt(auditEntries.seq, f.before));
  return rowsRead(() =>
    db
      .select()
      .from(auditEntries)
      .where(and(...where))
      .orderBy(desc(auditEntries.seq))
      .limit(f.limit),
  );
}
