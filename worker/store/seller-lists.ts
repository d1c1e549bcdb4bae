/**
 * The seller's lists over a shop's records, newest first: redemptions, claims and a chat coupon's
 * recipients. Pages are keyset pages on (time, id) — "after the last item shown" — read through the
 * indexes `*_shop_time` / `*_coupon_time` (db/schema.ts), so page 2,000 of a CSV download costs what
 * page 1 does. Integers are read saturated (store/saturated.ts), as every read of these rows is.
 */
import { and, desc, eq, gte, lt, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { chatSends, claims, coupons, redemptions } from "../../db/schema.js";
import type { ClaimDisplayState } from "../engine/types.js";
import type { KeyPosition } from "../lib/cursor.js";
import { rowsRead } from "./batch.js";
import { redemptionColumns, type RedemptionRow } from "./redemptions.js";
import { saturated } from "./saturated.js";
import { claimColumns } from "./wallet.js";

/** Rows strictly after `p` in (time DESC, id DESC) order (a row value comparison: one index seek). */
const after = (time: SQLWrapper, id: SQLWrapper, p: KeyPosition | null): SQL[] => (p ? [sql`(${time}, ${id}) < (${p.at}, ${p.id})`] : []);

export interface RedemptionFilter {
  couponId?: string;
  state?: RedemptionRow["state"];
  /** `reserved_at` in [from, to). */
  from?: number;
  to?: number;
  after: KeyPosition | null;
  limit: number;
}

export const redemptionPageRead = (db: Db, shopId: string, f: RedemptionFilter) => rowsRead(() => listRedemptionRows(db, shopId, f));

export function listRedemptionRows(db: Db, shopId: string, f: RedemptionFilter) {
  const where: SQL[] = [eq(redemptions.shop_id, shopId)];
  if (f.couponId !== undefined) where.push(eq(redemptions.coupon_id, f.couponId));
  if (f.state !== undefined) where.push(eq(redemptions.state, f.state));
  if (f.from !== undefined) where.push(gte(redemptions.reserved_at, f.from));
  if (f.to !== undefined) where.push(lt(redemptions.reserved_at, f.to));
  where.push(...after(redemptions.reserved_at, redemptions.id, f.after));
  return db
    .select(redemptionColumns)
    .from(redemptions)
    .where(and(...where))
    .orderBy(desc(redemptions.reserved_at), desc(redemptions.id))
    .limit(f.limit);
}

/**
 * The SQL twin of the engine's `claimDisplayState` (what the wallet shows), for filtering: used stays
 * used; a claim of a deactivated coupon is void; an available claim past its validity is expired.
 */
function claimShownAs(state: ClaimDisplayState, now: number): SQL {
  const off = sql`${coupons.deactivated_at} IS NOT NULL`;
  const on = sql`${coupons.deactivated_at} IS NULL`;
  switch (state) {
    case "used":
      return sql`${claims.state} = 'used'`;
    case "void":
      return sql`${claims.state} <> 'used' AND (${off} OR ${claims.state} = 'void')`;
    case "expired":
      return sql`${claims.state} = 'available' AND ${on} AND ${claims.valid_until} <= ${now}`;
    case "available":
      return sql`${claims.state} = 'available' AND ${on} AND ${claims.valid_until} > ${now}`;
    case "reserved":
      return sql`${claims.state} = 'reserved' AND ${on}`;
  }
}

export interface ClaimFilter {
  couponId?: string;
  buyerId?: string;
  state?: ClaimDisplayState;
  /** The shop clock: which available claims have expired. */
  now: number;
  after: KeyPosition | null;
  limit: number;
}

export const claimPageRead = (db: Db, shopId: string, f: ClaimFilter) => rowsRead(() => listClaimRows(db, shopId, f));

/** Claims with their coupon's deactivation (what their shown state depends on). */
export function listClaimRows(db: Db, shopId: string, f: ClaimFilter) {
  const where: SQL[] = [eq(claims.shop_id, shopId)];
  if (f.couponId !== undefined) where.push(eq(claims.coupon_id, f.couponId));
  if (f.buyerId !== undefined) where.push(eq(claims.buyer_id, f.buyerId));
  if (f.state !== undefined) where.push(claimShownAs(f.state, f.now));
  where.push(...after(claims.created_at, claims.id, f.after));
  return db
    .select({ claim: claimColumns, deactivated_at: saturated(coupons.deactivated_at).mapWith(coupons.deactivated_at) })
    .from(claims)
    .innerJoin(coupons, eq(coupons.id, claims.coupon_id))
    .where(and(...where))
    .orderBy(desc(claims.created_at), desc(claims.id))
    .limit(f.limit);
}

export interface RecipientRow {
  buyer_id: string;
  sent_at: number;
  claimed: boolean;
}

/** R17: the buyers a chat coupon was sent to, newest send first, and whether each has claimed it. */
export async function listRecipientRows(
  db: Db,
  shopId: string,
  couponId: string,
  p: KeyPosition | null,
  limit: number,
): Promise<RecipientRow[]> {
  return recipientRows(await recipientRowsQuery(db, shopId, couponId, p, limit));
}

/** `listRecipientRows`' query, to ride in a batch (its rows read by `recipientRows`). */
export const recipientRowsQuery = (db: Db, shopId: string, couponId: string, p: KeyPosition | null, limit: number) =>
  db
    .select({
      buyer_id: chatSends.buyer_id,
      sent_at: saturated(chatSends.sent_at).mapWith(chatSends.sent_at),
      // Spelled out: inside the sub-select an unqualified column would be the claim's own.
      claimed: sql<number>`EXISTS (SELECT 1 FROM claims k WHERE k.coupon_id = "chat_sends"."coupon_id" AND k.buyer_id = "chat_sends"."buyer_id")`,
    })
    .from(chatSends)
    .where(and(eq(chatSends.shop_id, shopId), eq(chatSends.coupon_id, couponId), ...after(chatSends.sent_at, chatSends.buyer_id, p)))
    .orderBy(desc(chatSends.sent_at), desc(chatSends.buyer_id))
    .limit(limit);

export const recipientRows = (rows: { buyer_id: string; sent_at: number; claimed: number }[]): RecipientRow[] =>
  rows.map((r) => ({ buyer_id: r.buyer_id, sent_at: r.sent_at, claimed: Boolean(r.claimed) }));
