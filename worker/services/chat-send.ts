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
import { rowToCoupon, type CouponRow } from "../store/coupons.js";
import { couponToEdit, keepCoupon, ownCoupon } from "./own-coupon.js";

/**
 * One round trip on the edge when the isolate has a copy of the coupon (`couponToEdit`): the send is
 * guarded by the copy's version and reads the coupon back, and a refused send is judged again from it.
 */
export async function sendChatCoupon(
  deps: Deps,
  seller: Seller,
  id: string,
  buyerId: string,
): Promise<{ coupon: CouponOut; sent: { buyer_id: string; sent_at: string } }> {
  const { shop, now } = seller;
  let { row: coupon, copy } = await couponToEdit(deps, seller, id);
  for (let attempt = 1; ; attempt++) {
    const refusal = sendRefusal(coupon, now);
    // A refusal judged from a copy may be old: told only once the coupon as it is says so too.
    if (refusal && copy) ({ row: coupon, copy } = { row: await ownCoupon(deps, seller, id), copy: false });
    else if (refusal) throw refusal;
    else {
      const audit = {
        shop_id: shop.id,
        coupon_id: id,
        action: "updated" as const,
        actor: seller.keyId,
        at: now,
        changes: { before: { sent_to: null }, after: { sent_to: buyerId } },
      };
      const { sentAt, row } = await recordChatSend(deps.db, coupon, buyerId, now, audit, deps);
      if (!row) throw notFound("coupon");
      if (row.version === coupon.version && sentAt !== undefined)
        return { coupon: serializeCoupon(keepCoupon(deps, row), now, shop.currency), sent: { buyer_id: buyerId, sent_at: toIso(sentAt) } };
      // The coupon changed since it was judged (read back in the same batch): judged again as it is.
      ({ row: coupon, copy } = { row, copy: false });
    }
    if (attempt >= 5) throw new ApiError(409, "concurrent_update", "The coupon kept changing while it was sent; retry.");
  }
}

/** Why this coupon cannot be sent now (R17), or null. */
function sendRefusal(coupon: CouponRow, now: number): ApiError | null {
  if (coupon.type !== "chat")
    return new ApiError(409, "not_a_chat_coupon", `Only chat coupons are sent to buyers; this one is a ${coupon.type} coupon.`);
  const status = couponStatus(rowToCoupon(coupon), now);
  if (status === "deactivated") return new ApiError(409, "deactivated", "The coupon is deactivated; it can no longer be sent.");
  if (status === "ended") return new ApiError(409, "expired", "The coupon's claim window has ended; it can no longer be sent.");
  return null;
}
