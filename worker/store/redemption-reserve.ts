/**
 * The reservation of a redemption (checkout): one guarded batch that takes a unit of a promo code, one of a
 * campaign's codes, or a buyer's claim, and re-checks every limit while it writes (R22, R23, R27).
 */
import type { InStatement } from "@libsql/client";
import type { Db } from "../../db/client.js";
import { UNCHECKED, type WritePlan, writeStatements } from "./batch.js";
import { customerAudienceHoldsSql } from "./buyer-facts.js";
import { type StoredAnswer, storeAnswerStatement } from "./idempotency.js";
import { keyGuardText } from "./key-check.js";

export interface NewRedemption {
  id: string;
  shop_id: string;
  coupon_id: string;
  claim_id: string | null;
  buyer_id: string | null;
  order_id: string;
  code: string | null;
  discount_minor: number;
  subtotal_minor: number;
  allocations: { line_id: string; discount_minor: number }[];
  reserved_at: number;
  expires_at: number;
}

/**
 * The reservation batch: the INSERT happens only while the unit is still there and the coupon is still
 * the version the discount was priced on (`pricedVersion`: every edit and deactivation moves it), decided
 * by the write:
 * - every coupon: its budget, if any, still covers this discount on top of what is reserved and committed
 *   (`budget_spent_minor`, moved by this batch as the quantity counter is);
 * - a promo code: active and not deactivated, reserved + used below its quantity (R27), and the buyer's
 *   committed uses and live reservations below a per-customer limit (R22; as the engine's `countedUses`);
 * - a campaign code (`campaignCode`): that code of the campaign still available, then reserved for the order;
 * - a claim: the buyer's claim still available and inside its validity, the coupon not deactivated (R5),
 *   and the buyer still in the coupon's customer segment (R6, R7: a new-customer coupon no longer
 *   applies once the buyer has paid an order, even one paid a moment before this write).
 * Then the counters, the claim or code and the idempotency answer follow only if the row was written. The unique
 * index `redemptions_live_order` refuses a second live coupon for the order (R23): the whole batch rolls
 * back and the caller sees a unique violation.
 *
 * Every checkout runs this, so its statements are fixed texts with `?` arguments sent to the client as
 * they are (prepared once by the native client; no query building per request).
 */
export async function insertRedemptionGuarded(
  db: Db,
  r: NewRedemption,
  pricedVersion: number,
  answer: StoredAnswer | null,
  opts: {
    /** One of a campaign's codes (`r.code`) is taken, rather than a shared code's unit or a claim. */
    campaignCode?: boolean;
    /** The webhook events of this reservation (store/outbox.ts `reservationOutbox`), appended last. */
    outbox?: InStatement | null;
  } = {},
  plan: WritePlan = UNCHECKED,
): Promise<boolean> {
  const now = r.reserved_at;
  const row = [
    r.id,
    r.shop_id,
    r.coupon_id,
    r.claim_id,
    r.buyer_id,
    r.order_id,
    r.code,
    r.discount_minor,
    r.subtotal_minor,
    JSON.stringify(r.allocations),
    r.reserved_at,
    r.expires_at,
  ];
  const coupon = [r.coupon_id, r.shop_id, pricedVersion, r.discount_minor];
  // With a key check planned, the INSERT also needs the key active and its shop as planned (store/key-check.ts).
  const guard = keyGuardText(plan.keyCheck);
  const statements: InStatement[] = [
    r.claim_id
      ? { sql: RESERVE_CLAIM_SQL + guard.sql, args: [...row, ...coupon, r.claim_id, r.buyer_id, now, now, ...guard.args] }
      : opts.campaignCode
        ? { sql: RESERVE_CAMPAIGN_CODE_SQL + guard.sql, args: [...row, ...coupon, now, now, r.code, ...guard.args] }
        : { sql: RESERVE_CODE_SQL + guard.sql, args: [...row, ...coupon, now, now, r.buyer_id, now, ...guard.args] },
    { sql: COUNT_RESERVED_SQL, args: [r.discount_minor, r.coupon_id, r.id] },
  ];
  if (r.claim_id) statements.push({ sql: CLAIM_RESERVED_SQL, args: [now, r.claim_id, r.id] });
  if (opts.campaignCode) statements.push({ sql: CAMPAIGN_CODE_RESERVED_SQL, args: [r.order_id, r.coupon_id, r.code, r.id] });
  if (answer) statements.push(storeAnswerStatement(answer, r.id));
  if (opts.outbox) statements.push(opts.outbox);
  const results = await writeStatements(db, plan, statements);
  return results[0].rowsAffected === 1;
}

const INSERT_REDEMPTION = `INSERT INTO redemptions (id, shop_id, coupon_id, claim_id, buyer_id, order_id, code, state, discount_minor,
    subtotal_minor, allocations, reserved_at, expires_at, committed_at, released_at, release_reason)
  SELECT ?, ?, ?, ?, ?, ?, ?, 'reserved', ?, ?, ?, ?, ?, NULL, NULL, NULL
  FROM coupons c WHERE c.id = ? AND c.shop_id = ? AND c.version = ? AND c.deactivated_at IS NULL
    AND (c.budget_minor IS NULL OR c.budget_spent_minor + ? <= c.budget_minor)`;

/**
 * A promo code: inside its window, a unit left, and the buyer under a per-customer limit (a use given
 * back by a refund no longer counts).
 */
const RESERVE_CODE_SQL = `${INSERT_REDEMPTION}
    AND c.active_starts_at <= ? AND c.active_ends_at > ?
    AND c.reserved_count + c.used_count < c.quantity
    AND (c.per_customer_limit IS NULL OR (SELECT count(*) FROM redemptions u WHERE u.coupon_id = c.id
      AND u.buyer_id = ? AND ((u.state = 'committed' AND u.returned_at IS NULL) OR (u.state = 'reserved' AND u.expires_at > ?))) < c.per_customer_limit)`;

/** One of a campaign's codes: inside its window, a unit left, and that code still available (each used once). */
const RESERVE_CAMPAIGN_CODE_SQL = `${INSERT_REDEMPTION}
    AND c.active_starts_at <= ? AND c.active_ends_at > ?
    AND c.reserved_count + c.used_count < c.quantity
    AND EXISTS (SELECT 1 FROM campaign_codes k WHERE k.coupon_id = c.id AND k.code = ? AND k.state = 'available')`;

/** A claim: the buyer's, of this coupon, available and inside its validity, the buyer still in its segment. */
const RESERVE_CLAIM_SQL = `${INSERT_REDEMPTION}
    AND EXISTS (SELECT 1 FROM claims k WHERE k.id = ? AND k.coupon_id = c.id AND k.buyer_id = ?
      AND k.state = 'available' AND k.valid_from <= ? AND k.valid_until > ?
      AND ${customerAudienceHoldsSql("k.buyer_id")})`;

const COUNT_RESERVED_SQL = `UPDATE coupons SET reserved_count = reserved_count + 1, budget_spent_minor = budget_spent_minor + ?
  WHERE id = ? AND EXISTS (SELECT 1 FROM redemptions WHERE id = ?)`;
const CAMPAIGN_CODE_RESERVED_SQL = `UPDATE campaign_codes SET state = 'reserved', order_id = ? WHERE coupon_id = ? AND code = ? AND state = 'available'
  AND EXISTS (SELECT 1 FROM redemptions WHERE id = ?)`;
const CLAIM_RESERVED_SQL = `UPDATE claims SET state = 'reserved', updated_at = ? WHERE id = ? AND state = 'available'
  AND EXISTS (SELECT 1 FROM redemptions WHERE id = ?)`;
