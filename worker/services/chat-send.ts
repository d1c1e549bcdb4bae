/**
 * R17: a chat coupon is sent to chosen buyers; only they may claim it (the claim route checks
 * chat_sends). Sending is idempotent (the primary key keeps the first send) and uses no quantity; the
 * first send of a coupon to a buyer is a seller write, so it leaves an `updated` audit entry (R30).
 */
import { toIso } from "../contract/common.js";
import { serializeCoupon, type CouponOut } from "../contract/coupons.js";
import { couponStatus } from "../engine/status.js";
import type { Seller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { ApiError, notFound } from "../lib/problem.js";
import { recordChatSend } from "../store/coupon-edits.js";
import { getCouponRow, rowToCoupon } from "../store/coupons.js";

export async function sendChatCoupon(
  deps: Deps,
  seller: Seller,
  id: string,
  buyerId: string,
): Promise<{ coupon: CouponOut; sent: { buyer_id: string; sent_at: string } }> {
  const { shop, now } = seller;
  const coupon = await getCouponRow(deps.db, shop.id, id);
  if (!coupon) throw notFound("coupon");
  if (coupon.type !== "chat")
    throw new ApiError(409, "not_a_chat_coupon", `Only chat coupons are sent to buyers; this one is a ${coupon.type} coupon.`);
  const status = couponStatus(rowToCoupon(coupon), now);
  if (status === "deactivated") throw new ApiError(409, "deactivated", "The coupon is deactivated; it can no longer be sent.");
  if (status === "ended") throw new ApiError(409, "expired", "The coupon's claim window has ended; it can no longer be sent.");
  const sentAt = await recordChatSend(deps.db, coupon, buyerId, now, {
    shop_id: shop.id,
    coupon_id: id,
    action: "updated",
    actor: seller.keyId,
    at: now,
    changes: { before: { sent_to: null }, after: { sent_to: buyerId } },
  });
  return { coupon: serializeCoupon(coupon, now, shop.currency), sent: { buyer_id: buyerId, sent_at: toIso(sentAt) } };
}
