/**
 * R28: deactivation stops an ongoing coupon or cancels an upcoming one, at once. Nothing is swept: the
 * engine judges every claim at use time against `deactivated_at`, so unused claims stop working the
 * moment this row changes. A promo code also gives up its live_codes row in the same batch, so the
 * code may be taken again (R19).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { newId } from "../lib/ids.js";
import { notFound } from "../lib/problem.js";
import { auditInsertSql } from "../store/audit.js";
import { getCouponRow, type CouponRow } from "../store/coupons.js";
import { diffCoupons, versionMismatch, type WriteContext } from "./update-coupon.js";

export async function deactivateCoupon(ctx: Pick<WriteContext, "db" | "shop" | "now" | "actor">, id: string, ifMatch: number | null | undefined): Promise<CouponRow> {
  const { db, shop, now } = ctx;
  const row = await getCouponRow(db, shop.id, id);
  if (!row) throw notFound("coupon");
  if (ifMatch !== undefined && ifMatch !== row.version) throw versionMismatch(row.version);
  // Deactivating twice is not an error: the first time stands, with its time and its one audit entry.
  if (row.deactivated_at != null) return row;

  const after: CouponRow = { ...row, deactivated_at: now, version: row.version + 1, updated_at: now };
  const auditId = newId("aud");
  const won = sql`EXISTS (SELECT 1 FROM audit_entries WHERE id = ${auditId})`;
  const statements = [
    sql`UPDATE coupons SET deactivated_at = ${now}, version = version + 1, updated_at = ${now}
      WHERE id = ${id} AND shop_id = ${shop.id} AND deactivated_at IS NULL
      ${ifMatch !== undefined ? sql`AND version = ${ifMatch}` : sql``}`,
    auditInsertSql(
      { id: auditId, shop_id: shop.id, coupon_id: id, action: "deactivated", actor: ctx.actor, at: now, changes: diffCoupons(row, after, now, shop.currency) },
      sql`changes() = 1`,
    ),
    sql`DELETE FROM live_codes WHERE coupon_id = ${id} AND ${won}`,
  ];
  await db.batch(statements.map((s) => db.run(s)) as [ReturnType<Db["run"]>]);
  const [done] = await db.all<{ one: number }>(sql`SELECT 1 AS one FROM audit_entries WHERE id = ${auditId}`);
  const fresh = (await getCouponRow(db, shop.id, id))!;
  // Lost to a concurrent change: with If-Match that is 412; without, whoever deactivated first stands.
  if (!done && ifMatch !== undefined) throw versionMismatch(fresh.version);
  return fresh;
}
