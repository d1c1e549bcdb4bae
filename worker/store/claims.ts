/**
 * Claims in the database: the storefront's list of claimable coupons, a buyer's claims, and the one
 * guarded write that issues a claim. Every limit of a claim (R9 quantity and per customer, one held at a
 * time, R11 one follower coupon per shop for life) is decided by that write, never by a prior read.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { claims, coupons } from "../../db/schema.js";
import { customerAudienceHoldsSql } from "./buyer-facts.js";
import { claimColumns, type ClaimRow } from "./wallet.js";
import { newestCouponIds, newestCouponsQuery, type CouponRow } from "./coupons.js";
import { queryRead, rowsRead, UNCHECKED, writeBatch, type Read, type WritePlan } from "./batch.js";
import { keyGuard } from "./key-check.js";

/** Which storefront page: for whom, which product, after which cursor, how many rows, at which shop clock. */
export interface StorefrontPage {
  buyerId: string | null;
  productId?: string;
  before: number | null;
  limit: number;
  now: number;
}

/**
 * Ongoing public coupons of a shop, newest first: regular and follower ones, and chat ones only when they
 * were sent to this buyer (R17). Review coupons are issued, promo codes typed: neither is listed.
 */
function storefrontWhere(shopId: string, opts: StorefrontPage): SQL[] {
  const chatSent = opts.buyerId
    ? sql`(${coupons.type} = 'chat' AND EXISTS (SELECT 1 FROM chat_sends cs WHERE cs.coupon_id = ${coupons.id} AND cs.buyer_id = ${opts.buyerId}))`
    : sql`0`;
  const where: SQL[] = [
    eq(coupons.shop_id, shopId),
    sql`${coupons.deactivated_at} IS NULL AND ${coupons.claim_starts_at} <= ${opts.now} AND ${coupons.claim_ends_at} > ${opts.now}`,
    sql`(${coupons.type} IN ('regular', 'follower') OR ${chatSent})`,
  ];
  if (opts.productId !== undefined)
    where.push(
      sql`(${coupons.scope_kind} = 'shop' OR EXISTS (SELECT 1 FROM json_each(${coupons.product_ids}) WHERE value = ${opts.productId}))`,
    );
  return where;
}

/** The storefront's page of coupons (never cached: it depends on the clock). */
export function storefrontPageRead(db: Db, shopId: string, opts: StorefrontPage): Read<CouponRow[]> {
  const query = () => newestCouponsQuery(db, storefrontWhere(shopId, opts), opts.before, opts.limit);
  return rowsRead(query);
}

/** This buyer's claims, any state (the engine's `buyer_claims`), of one coupon or of a storefront page's coupons. */
export function heldClaimsRead(
  db: Db,
  shopId: string,
  buyerId: string,
  of: { coupon: string } | { page: StorefrontPage },
): Read<ClaimRow[]> {
  const coupon =
    "coupon" in of
      ? eq(claims.coupon_id, of.coupon)
      : inArray(claims.coupon_id, newestCouponIds(db, storefrontWhere(shopId, of.page), of.page.before, of.page.limit));
  const query = () =>
    db
      .select(claimColumns)
      .from(claims)
      .where(and(eq(claims.shop_id, shopId), eq(claims.buyer_id, buyerId), coupon));
  return rowsRead(query);
}

/** Whether a chat coupon was sent to this buyer (R17). */
export function sentRead(db: Db, couponId: string, buyerId: string): Read<boolean> {
  const query = () => db.all<{ one: number }>(sql`SELECT 1 AS one FROM chat_sends WHERE coupon_id = ${couponId} AND buyer_id = ${buyerId}`);
  return queryRead(query, (rows) => rows.length > 0);
}

export async function getClaimRow(db: Db, shopId: string, id: string): Promise<ClaimRow | undefined> {
  return (
    await db
      .select(claimColumns)
      .from(claims)
      .where(and(eq(claims.id, id), eq(claims.shop_id, shopId)))
      .limit(1)
  )[0];
}

export interface NewClaim {
  id: string;
  shop_id: string;
  coupon_id: string;
  buyer_id: string;
  valid_from: number;
  valid_until: number;
  now: number;
  /** Follower coupons also take the buyer's one grant for life (R11). */
  follower: boolean;
}

/**
 * Issues a claim in one batch, or nothing. The INSERT happens only while the coupon is still claimable
 * (not deactivated, inside its claim window), has a unit left (R27), the buyer is in its customer
 * segment (R6, R7: judged by the write, so a payment recorded a moment earlier counts), is under the
 * per-customer limit counting every claim ever made (R9), and holds no claim of it that is still usable
 * or reserved. The counter moves only if the row was written. For a follower coupon the
 * `follower_grants` primary key refuses a second grant for the shop: the whole batch rolls back.
 * With a key check planned, the INSERT also needs the key active and its shop as planned (store/key-check.ts).
 * Returns whether a claim was written; a unique violation (R11) is thrown to the caller.
 */
export async function insertClaimGuarded(db: Db, k: NewClaim, outbox: SQL | null = null, plan: WritePlan = UNCHECKED): Promise<boolean> {
  const written = sql`EXISTS (SELECT 1 FROM claims WHERE id = ${k.id})`;
  const statements: SQL[] = [
    sql`INSERT INTO claims (id, shop_id, coupon_id, buyer_id, state, valid_from, valid_until, source_order_id, created_at, updated_at)
      SELECT ${k.id}, ${k.shop_id}, ${k.coupon_id}, ${k.buyer_id}, 'available', ${k.valid_from}, ${k.valid_until}, NULL, ${k.now}, ${k.now}
      FROM coupons c, (SELECT ${k.buyer_id} AS id) buyer
      WHERE c.id = ${k.coupon_id} AND c.shop_id = ${k.shop_id}
        AND ${sql.raw(customerAudienceHoldsSql("buyer.id"))}
        AND c.deactivated_at IS NULL AND c.claim_starts_at <= ${k.now} AND c.claim_ends_at > ${k.now}
        AND c.claimed_count < c.quantity
        AND (SELECT count(*) FROM claims WHERE coupon_id = ${k.coupon_id} AND buyer_id = ${k.buyer_id})
            < (CASE WHEN c.type IN ('regular', 'chat') THEN COALESCE(c.per_customer_limit, 1) ELSE 1 END)
        AND NOT EXISTS (SELECT 1 FROM claims WHERE coupon_id = ${k.coupon_id} AND buyer_id = ${k.buyer_id}
          AND ((state = 'available' AND valid_until > ${k.now}) OR state = 'reserved'))
        AND ${keyGuard(plan.keyCheck)}`,
    sql`UPDATE coupons SET claimed_count = claimed_count + 1 WHERE id = ${k.coupon_id} AND ${written}`,
  ];
  if (k.follower)
    statements.push(sql`INSERT INTO follower_grants (shop_id, buyer_id, claim_id, created_at)
      SELECT ${k.shop_id}, ${k.buyer_id}, ${k.id}, ${k.now} WHERE ${written}`);
  // The claim's webhook events (store/outbox.ts), after the counter they may read.
  if (outbox) statements.push(outbox);
  const results = (await writeBatch(
    db,
    plan,
    statements.map((s) => db.run(s)),
  )) as { rowsAffected: number }[];
  return results[0].rowsAffected === 1;
}
