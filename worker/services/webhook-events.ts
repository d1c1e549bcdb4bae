/**
 * The webhook events each change reports, as the statement its batch appends (store/outbox.ts). The
 * object of an event is the API's own answer shape for it (contract/), made here from the rows the
 * service is about to write, so the event says what the change's answer says.
 */
import type { InStatement } from "@libsql/client";
import { serializeCoupon } from "../contract/coupons.js";
import { serializeRedemption } from "../contract/redemptions.js";
import { serializeClaim } from "../contract/storefront.js";
import type { WebhookEventType } from "../contract/webhooks.js";
import { newId } from "../lib/ids.js";
import type { CouponRow } from "../store/coupons.js";
import { eventBranch, exhaustedBranch, outboxStatement, reservationOutbox, rowWritten, type OutboxEvent } from "../store/outbox.js";
import type { RedemptionRow } from "../store/redemptions.js";
import type { Statement } from "../store/statement.js";
import type { ClaimRow } from "../store/wallet.js";

/** A coupon as written or about to be (`seq` is the store's and not part of the answer). */
export type CouponLike = Omit<CouponRow, "seq"> & { seq?: number };

const event = (type: WebhookEventType, shopId: string, now: number, object: unknown): OutboxEvent => ({
  id: newId("evt"),
  shop_id: shopId,
  type,
  created_at: now,
  object,
});

const couponObject = (row: CouponLike, now: number, currency: string) => serializeCoupon({ seq: 0, ...row }, now, currency);

/** `coupon.created` for each coupon a create batch may write, each only if its own row is written. */
export function couponsCreated(rows: CouponLike[], now: number, currency: string): Statement | null {
  return outboxStatement(
    rows.map((r) => eventBranch(event("coupon.created", r.shop_id, now, couponObject(r, now, currency)), rowWritten("coupons", r.id))),
  );
}

/** `coupon.updated` / `coupon.deactivated`: the coupon after the edit, if the edit won (its audit entry exists). */
export function couponChanged(
  type: "coupon.updated" | "coupon.deactivated",
  after: CouponRow,
  now: number,
  currency: string,
  auditId: string,
): Statement | null {
  return outboxStatement([
    eventBranch(event(type, after.shop_id, now, couponObject(after, now, currency)), rowWritten("audit_entries", auditId)),
  ]);
}

/**
 * `claim.created`, and `coupon.exhausted` if the claim took the coupon's last unit. The coupon object is
 * the coupon as this request read it before the claim (the claim changes no field the API shows); an edit
 * landing between that read and the claim's write is not in it, but has its own `coupon.updated`, written
 * (and so delivered) before.
 */
export function claimCreated(claim: ClaimRow, coupon: CouponRow, now: number, currency: string): Statement | null {
  const written = rowWritten("claims", claim.id);
  return outboxStatement([
    eventBranch(event("claim.created", claim.shop_id, now, serializeClaim(claim, "available")), written),
    exhaustedBranch(event("coupon.exhausted", claim.shop_id, now, couponObject(coupon, now, currency)), coupon.id, "claims", written),
  ]);
}

/** A review's claim: `review_coupon.issued` (the claim, with the order and product reviewed), `claim.created`, maybe `coupon.exhausted`. */
export function reviewCouponIssued(
  claim: ClaimRow,
  review: { order_id: string; product_id: string; label: string },
  coupon: CouponRow,
  now: number,
  currency: string,
): Statement | null {
  const written = rowWritten("claims", claim.id);
  const shown = serializeClaim(claim, "available");
  return outboxStatement([
    eventBranch(
      event("review_coupon.issued", claim.shop_id, now, {
        ...shown,
        order_id: review.order_id,
        product_id: review.product_id,
        review_label: review.label,
      }),
      written,
    ),
    eventBranch(event("claim.created", claim.shop_id, now, shown), written),
    exhaustedBranch(event("coupon.exhausted", claim.shop_id, now, couponObject(coupon, now, currency)), coupon.id, "claims", written),
  ]);
}

/**
 * `redemption.reserved`, and for a promo code `coupon.exhausted` if this reservation took its last unit.
 * The coupon is the version the reservation was priced on, which its write checks: exactly the coupon
 * as it stands when that write succeeds.
 */
export function redemptionReserved(red: RedemptionRow, coupon: CouponRow, now: number, currency: string): InStatement {
  const reserved = event("redemption.reserved", red.shop_id, now, serializeRedemption(red));
  const exhausted = red.claim_id
    ? null
    : { event: event("coupon.exhausted", red.shop_id, now, couponObject(coupon, now, currency)), couponId: coupon.id };
  return reservationOutbox(red.id, reserved, exhausted);
}
