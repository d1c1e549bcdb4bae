/**
 * R17: a chat coupon is sent to chosen buyers; only they may claim it (the claim route checks
 * chat_sends). Sending is idempotent (the primary key keeps the first send) and uses no quantity; the
 * first send of a coupon to a buyer is a seller write, so it leaves an `updated` audit entry (R30).
 */
import { sql } from "drizzle-orm";
import { couponStatus } from "../engine/status.js";
import { ApiError, notFound } from "../lib/problem.js";
import { getCouponRow, rowToCoupon, type CouponRow } from "../store/coupons.js";
import { auditInsertSql } from "../store/audit.js";
import type { WriteContext } from "./update-coupon.js";

export async function sendChatCoupon(
  ctx: Pick<WriteContext, "db" | "shop" | "now" | "actor">,
  id: string,
  buyerId: string,
): Promise<{ coupon: CouponRow; sent_at: number }> {
  const { db, shop, now } = ctx;
  const coupon = await getCouponRow(db, shop.id, id);
  if (!coupon) throw notFound("coupon");
  if (coupon.type !== "chat") throw new ApiError(409, "not_a_chat_coupon", "Only chat coupons are sent to buyers; this one is a " + coupon.type + " coupon.");
  const status = couponStatus(rowToCoupon(coupon), now);
  if (status === "deactivated") throw new ApiError(409, "deactivated", "The coupon is deactivated; it can no longer be sent.");
  if (status === "ended") throw new ApiError(409, "expired", "The coupon's claim window has ended; it can no longer be sent.");
  // One batch: the send, its audit entry only when the send is new (a repeat changes nothing and
  // leaves no entry), and the first send's time to answer with.
  const [, , sent] = await db.batch([
    db.run(sql`INSERT INTO chat_sends (coupon_id, buyer_id, shop_id, sent_at)
      VALUES (${id}, ${buyerId}, ${shop.id}, ${now}) ON CONFLICT (coupon_id, buyer_id) DO NOTHING`),
    db.run(
      auditInsertSql(
        { shop_id: shop.id, coupon_id: id, action: "updated", actor: ctx.actor, at: now, changes: { before: { sent_to: null }, after: { sent_to: buyerId } } },
        sql`changes() = 1`,
      ),
    ),
    db.all<{ sent_at: number }>(sql`SELECT sent_at FROM chat_sends WHERE coupon_id = ${id} AND buyer_id = ${buyerId}`),
  ]);
  return { coupon, sent_at: Number(sent[0].sent_at) };
}
