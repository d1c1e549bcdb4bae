/**
 * R13, R14, R16: an approved review may earn the reviewer a claim of the shop's active review coupon.
 * The engine judges the review (`reviewVerdict`); the database holds the limits in the event's batch:
 * the claim is a conditional `INSERT … SELECT … WHERE claimed_count < quantity` that the unique index
 * claims(coupon_id, source_order_id) refuses a second time for the same order, and the counter moves only
 * if that claim row exists.
 */
import { toIso } from "../contract/common.js";
import { claimValidity } from "../engine/claim-eligibility.js";
import { INCENTIVIZED_REVIEW_LABEL, reviewVerdict, type ReviewVerdict } from "../engine/review-qualification.js";
import type { Coupon } from "../engine/types.js";
import type { Deps } from "../lib/deps.js";
import { newId } from "../lib/ids.js";
import { readAll } from "../store/batch.js";
import { orderOwnerRead } from "../store/buyer-facts.js";
import { rowToCoupon, type CouponRow } from "../store/coupons.js";
import {
  activeReviewCouponsRead,
  ifClaimIssued,
  issueReviewClaimStatements,
  recordReviewStatement,
  type ApprovedReview,
} from "../store/reviews.js";
import { jsonText, type Statement } from "../store/statement.js";
import type { ClaimRow } from "../store/wallet.js";
import { reviewCouponIssued } from "./webhook-events.js";

export interface ApprovedReviewEvent extends ApprovedReview {
  word_count: number;
  media_count: number;
}

export interface ReviewPlan {
  verdict: ReviewVerdict;
  statements: Statement[];
  /** SQL yielding the answer's JSON text once the statements ran: with the claim if it was inserted. */
  result: (base: Record<string, unknown>) => Statement;
}

/**
 * The review's statements, planned on the shop's review coupons and the order as read now: one read (a
 * batch carrying the caller's key check where the database is far, README "A request at the edge") whose
 * answer decides, by the engine's rules, which coupon the write issues a claim of. The write re-checks the
 * limits itself (quantity, deactivation, the order paid by this buyer, one per order).
 */
export async function planReviewApproved(
  deps: Deps,
  shop: { id: string; currency: string },
  now: number,
  ev: ApprovedReviewEvent,
  guard: Statement,
): Promise<ReviewPlan> {
  const shopId = shop.id;
  const { db } = deps;
  const got = await readAll(db, deps.reads(), deps, {
    candidates: activeReviewCouponsRead(db, shopId, now),
    owner: orderOwnerRead(db, shopId, ev.order_id),
  });
  const { owner } = got;
  const candidates = got.candidates.map((row) => ({ row, coupon: rowToCoupon(row) }));
  const review = {
    product_id: ev.product_id,
    word_count: ev.word_count,
    media_count: ev.media_count,
    order_paid_by_buyer: owner?.buyer_id === ev.buyer_id && owner.paid_at != null,
  };
  let chosen: { row: CouponRow; coupon: Coupon } | null = candidates[0] ?? null;
  let verdict = reviewVerdict(chosen?.coupon ?? null, review, now);
  for (const c of candidates.slice(1)) {
    if (verdict === "qualifies") break;
    const v = reviewVerdict(c.coupon, review, now);
    if (v === "qualifies") [chosen, verdict] = [c, v];
  }

  const without = (base: Record<string, unknown>) => ({ ...base, issued_claim: null, review_label: null });

  if (verdict !== "qualifies" || !chosen) {
    return { verdict, statements: [recordReviewStatement(shopId, ev, now, guard, null)], result: (base) => jsonText(without(base)) };
  }

  const { coupon, row: couponRow } = chosen;
  const claimId = newId("clm");
  const { valid_from, valid_until } = claimValidity(coupon, now);
  const statements = [
    ...issueReviewClaimStatements(shopId, ev, coupon, { id: claimId, valid_from, valid_until }, now, guard),
    recordReviewStatement(shopId, ev, now, guard, { id: claimId, label: INCENTIVIZED_REVIEW_LABEL }),
  ];
  // Its webhook events, written only if the claim is (store/outbox.ts); the coupon as the API shows it.
  const issued: ClaimRow = {
    id: claimId,
    shop_id: shopId,
    coupon_id: coupon.id,
    buyer_id: ev.buyer_id,
    state: "available",
    valid_from,
    valid_until,
    source_order_id: ev.order_id,
    created_at: now,
    updated_at: now,
  };
  const reviewed = { order_id: ev.order_id, product_id: ev.product_id, label: INCENTIVIZED_REVIEW_LABEL };
  const outbox = reviewCouponIssued(issued, reviewed, couponRow, now, shop.currency);
  if (outbox) statements.push(outbox);
  const claim = { id: claimId, coupon_id: coupon.id, valid_from: toIso(valid_from), valid_until: toIso(valid_until), state: "available" };
  return {
    verdict,
    statements,
    result: (base) => ifClaimIssued(claimId, { ...base, issued_claim: claim, review_label: INCENTIVIZED_REVIEW_LABEL }, without(base)),
  };
}
