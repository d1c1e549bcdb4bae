/**
 * R17: a chat coupon is sent to chosen buyers; only they may claim it (the claim route checks
 * chat_sends). Sending is idempotent (the primary key keeps the first send) and uses no quantity.
 */
import { sql } from "drizzle-orm";
import { couponStatus } from "../engine/status.js";
import { ApiError, notFound } from "../lib/problem.js";
import { getCouponRow, rowToCoupon, type CouponRow } from "../store/coupons.js";
import type { WriteContext } from "./update-coupon.js";

export async function sendChatCoupon(
  ctx: Pick<WriteContext, "db" | "shop" | "now">,
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
  const [row] = await db.all<{ sent_at: number }>(sql`INSERT INTO chat_sends (coupon_id, buyer_id, shop_id, sent_at)
    VALUES (${id}, ${buyerId}, ${shop.id}, ${now})
    ON CONFLICT (coupon_id, buyer_id) DO UPDATE SET sent_at = chat_sends.sent_at
    RETURNING sent_at`);
  return { coupon, sent_at: Number(row.sent_at) };
}
