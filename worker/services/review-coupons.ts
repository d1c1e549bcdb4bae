/**
 * R13, R14, R16: an approved review may earn the reviewer a claim of the shop's active review coupon.
 * The engine judges the review (`reviewVerdict`); the database holds the limits in the event's batch:
 * the claim is a conditional `INSERT … SELECT … WHERE claimed_count < quantity` that the unique index
 * claims(coupon_id, source_order_id) refuses a second time for the same order, and the counter moves only
 * if that claim row exists.
 */
import { and, desc, eq, gt, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { coupons } from "../../db/schema.js";
import { claimValidity } from "../engine/claim-eligibility.js";
import { INCENTIVIZED_REVIEW_LABEL, reviewVerdict, type ReviewVerdict } from "../engine/review-qualification.js";
import type { Coupon } from "../engine/types.js";
import { newId } from "../lib/ids.js";
import { toIso } from "../lib/schemas.js";
import { orderOwner } from "../store/buyer-facts.js";
import { rowToCoupon } from "../store/coupons.js";

export interface ApprovedReviewEvent {
  buyer_id: string;
  order_id: string;
  product_id: string;
  word_count: number;
  media_count: number;
}

/** Ongoing review coupons of the shop (R15 keeps it to one; newest first if ever more). */
async function activeReviewCoupons(db: Db, shopId: string, now: number): Promise<Coupon[]> {
  const rows = await db
    .select()
    .from(coupons)
    .where(
      and(
        eq(coupons.shop_id, shopId),
        eq(coupons.type, "review"),
        isNull(coupons.deactivated_at),
        lte(coupons.claim_starts_at, now),
        gt(coupons.claim_ends_at, now),
      ),
    )
    .orderBy(desc(coupons.seq))
    .limit(5);
  return rows.map(rowToCoupon);
}

export interface ReviewPlan {
  verdict: ReviewVerdict;
  statements: SQL[];
  /** SQL yielding the answer's JSON text once the statements ran: with the claim if it was inserted. */
  result: (base: Record<string, unknown>) => SQL;
}

export async function planReviewApproved(db: Db, shopId: string, now: number, ev: ApprovedReviewEvent, guard: SQL): Promise<ReviewPlan> {
  const [candidates, owner] = await Promise.all([activeReviewCoupons(db, shopId, now), orderOwner(db, shopId, ev.order_id)]);
  const review = {
    product_id: ev.product_id,
    word_count: ev.word_count,
    media_count: ev.media_count,
    order_paid_by_buyer: owner?.buyer_id === ev.buyer_id && owner.paid_at != null,
  };
  let coupon: Coupon | null = candidates[0] ?? null;
  let verdict = reviewVerdict(coupon, review, now);
  for (const c of candidates.slice(1)) {
    if (verdict === "qualifies") break;
    const v = reviewVerdict(c, review, now);
    if (v === "qualifies") [coupon, verdict] = [c, v];
  }

  const recordReview = (claimId: string | null) =>
    sql`INSERT INTO reviews (shop_id, order_id, product_id, buyer_id, label, claim_id, approved_at)
      SELECT ${shopId}, ${ev.order_id}, ${ev.product_id}, ${ev.buyer_id},
        ${claimId ? sql`CASE WHEN EXISTS (SELECT 1 FROM claims WHERE id = ${claimId}) THEN ${INCENTIVIZED_REVIEW_LABEL} END` : sql`NULL`},
        ${claimId ? sql`(SELECT id FROM claims WHERE id = ${claimId})` : sql`NULL`}, ${now}
      WHERE ${guard}
      ON CONFLICT (shop_id, order_id, product_id) DO UPDATE SET
        label = COALESCE(reviews.label, excluded.label), claim_id = COALESCE(reviews.claim_id, excluded.claim_id)`;
  const without = (base: Record<string, unknown>) => JSON.stringify({ ...base, issued_claim: null, review_label: null });

  if (verdict !== "qualifies" || !coupon) {
    return { verdict, statements: [recordReview(null)], result: (base) => sql`${without(base)}` };
  }

  const claimId = newId("clm");
  const { valid_from, valid_until } = claimValidity(coupon, now);
  const statements = [
    // R27 quantity, R28 not deactivated meanwhile, R14 one per (coupon, order) by the unique index.
    sql`INSERT INTO claims (id, shop_id, coupon_id, buyer_id, state, valid_from, valid_until, source_order_id, created_at, updated_at)
      SELECT ${claimId}, ${shopId}, ${coupon.id}, ${ev.buyer_id}, 'available', ${valid_from}, ${valid_until}, ${ev.order_id}, ${now}, ${now}
      WHERE ${guard}
        AND EXISTS (SELECT 1 FROM coupons WHERE id = ${coupon.id} AND deactivated_at IS NULL AND claimed_count < quantity)
        AND EXISTS (SELECT 1 FROM orders WHERE shop_id = ${shopId} AND order_id = ${ev.order_id}
                    AND buyer_id = ${ev.buyer_id} AND paid_at IS NOT NULL)
      ON CONFLICT (coupon_id, source_order_id) DO NOTHING`,
    sql`UPDATE coupons SET claimed_count = claimed_count + 1
      WHERE id = ${coupon.id} AND EXISTS (SELECT 1 FROM claims WHERE id = ${claimId})`,
    recordReview(claimId),
  ];
  const claim = { id: claimId, coupon_id: coupon.id, valid_from: toIso(valid_from), valid_until: toIso(valid_until), state: "available" };
  return {
    verdict,
    statements,
    result: (base) => sql`CASE WHEN EXISTS (SELECT 1 FROM claims WHERE id = ${claimId})
      THEN ${JSON.stringify({ ...base, issued_claim: claim, review_label: INCENTIVIZED_REVIEW_LABEL })}
      ELSE ${without(base)} END`,
  };
}
