/**
 * Approved reviews and the claims they earn (R13, R14, R16), as statements of the event's batch: the
 * claim is a conditional `INSERT … SELECT … WHERE claimed_count < quantity` that the unique index
 * claims(coupon_id, source_order_id) refuses a second time for the same order, the counter moves only if
 * that claim row exists, and the review row records the label and claim only if it does.
 */
import { and, desc, eq, gt, isNotNull, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { claims, coupons, reviews } from "../../db/schema.js";
import type { Coupon } from "../engine/types.js";
import { couponColumns, type CouponRow } from "./coupons.js";
import { queryRead, rowsRead, type Read } from "./batch.js";
import type { Statement } from "./statement.js";

export interface ApprovedReview {
  buyer_id: string;
  order_id: string;
  product_id: string;
}

/** Ongoing review coupons of the shop (R15 keeps it to one; newest first if ever more): a read for a batch, never cached. */
export function activeReviewCouponsRead(db: Db, shopId: string, now: number): Read<CouponRow[]> {
  const query = () =>
    db
      .select(couponColumns)
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
  return rowsRead(query);
}

/** The review row; with a claim id, its label and claim only if that claim was issued in the batch. */
export function recordReviewStatement(
  shopId: string,
  ev: ApprovedReview,
  now: number,
  guard: Statement,
  claim: { id: string; label: string } | null,
): Statement {
  return sql`INSERT INTO reviews (shop_id, order_id, product_id, buyer_id, label, claim_id, approved_at)
      SELECT ${shopId}, ${ev.order_id}, ${ev.product_id}, ${ev.buyer_id},
        ${claim ? sql`CASE WHEN EXISTS (SELECT 1 FROM claims WHERE id = ${claim.id}) THEN ${claim.label} END` : sql`NULL`},
        ${claim ? sql`(SELECT id FROM claims WHERE id = ${claim.id})` : sql`NULL`}, ${now}
      WHERE ${guard}
      ON CONFLICT (shop_id, order_id, product_id) DO UPDATE SET
        label = COALESCE(reviews.label, excluded.label), claim_id = COALESCE(reviews.claim_id, excluded.claim_id)`;
}

/**
 * The claim a qualifying review earns and its counter: R27 quantity, R28 not deactivated meanwhile, the
 * order paid by this buyer, and R14 one per (coupon, order) by the unique index.
 */
export function issueReviewClaimStatements(
  shopId: string,
  ev: ApprovedReview,
  coupon: Pick<Coupon, "id">,
  claim: { id: string; valid_from: number; valid_until: number },
  now: number,
  guard: Statement,
): Statement[] {
  return [
    sql`INSERT INTO claims (id, shop_id, coupon_id, buyer_id, state, valid_from, valid_until, source_order_id, created_at, updated_at)
      SELECT ${claim.id}, ${shopId}, ${coupon.id}, ${ev.buyer_id}, 'available', ${claim.valid_from}, ${claim.valid_until}, ${ev.order_id}, ${now}, ${now}
      WHERE ${guard}
        AND EXISTS (SELECT 1 FROM coupons WHERE id = ${coupon.id} AND deactivated_at IS NULL AND claimed_count < quantity)
        AND EXISTS (SELECT 1 FROM orders WHERE shop_id = ${shopId} AND order_id = ${ev.order_id}
                    AND buyer_id = ${ev.buyer_id} AND paid_at IS NOT NULL)
      ON CONFLICT (coupon_id, source_order_id) DO NOTHING`,
    sql`UPDATE coupons SET claimed_count = claimed_count + 1
      WHERE id = ${coupon.id} AND EXISTS (SELECT 1 FROM claims WHERE id = ${claim.id})`,
  ];
}

/** SQL yielding `issued` (JSON text) if the claim was issued in the batch, else `notIssued`. */
export function ifClaimIssued(claimId: string, issued: unknown, notIssued: unknown): Statement {
  return sql`CASE WHEN EXISTS (SELECT 1 FROM claims WHERE id = ${claimId}) THEN ${JSON.stringify(issued)} ELSE ${JSON.stringify(notIssued)} END`;
}

/** A review that earned a coupon (R16): its label and claim are set. */
export type IncentivizedReviewRow = Omit<typeof reviews.$inferSelect, "label" | "claim_id"> & {
  label: string;
  claim_id: string;
  pos: number;
};

/**
 * A page of the shop's incentivized reviews, most recently recorded first, before the cursor position
 * `before` (a rowid, in insertion order); with a coupon, only the reviews whose claim is of it. A read to
 * ride in the route's batch (store/batch.ts), never cached.
 */
export function incentivizedReviewsRead(
  db: Db,
  shopId: string,
  opts: { couponId?: string; before: number | null; limit: number },
): Read<IncentivizedReviewRow[]> {
  const where: SQL[] = [eq(reviews.shop_id, shopId), isNotNull(reviews.label), isNotNull(reviews.claim_id)];
  if (opts.couponId !== undefined)
    where.push(
      sql`${reviews.claim_id} IN (SELECT ${claims.id} FROM ${claims} WHERE ${claims.coupon_id} = ${opts.couponId} AND ${claims.shop_id} = ${shopId})`,
    );
  if (opts.before != null) where.push(lt(sql`${reviews}.rowid`, opts.before));
  const query = () =>
    db
      .select({ review: reviews, pos: sql<number>`${reviews}.rowid` })
      .from(reviews)
      .where(and(...where))
      .orderBy(desc(sql`${reviews}.rowid`))
      .limit(opts.limit);
  return queryRead(query, (rows) =>
    rows.map((r) => ({
      ...r.review,
      label: r.review.label!,
      claim_id: r.review.claim_id!,
      pos: Number(r.pos),
    })),
  );
}
