/**
 * The webhook outbox: the statement a change's own batch appends so that the events it reports are
 * written with it, all or nothing (README "Webhooks"). A refused write records nothing (every row is
 * conditional on the change having happened in this batch) and a crash loses nothing (the rows commit
 * with the change).
 *
 * Events fan out when written: one delivery row per endpoint subscribed to the event's type at that
 * moment (`webhook_subscriptions`, looked up by its primary key), with the same `evt_…` id on each. So a
 * shop without endpoints pays two index look-ups and writes nothing, a subscribed endpoint costs one row,
 * and the delivery worker only ever reads and updates delivery rows.
 */
import { sql, type SQL } from "drizzle-orm";
import type { InStatement } from "@libsql/client";
import type { Statement } from "./statement.js";

/** An event as its sender knows it: `object` is what `data.object` will hold. */
export interface OutboxEvent {
  id: string;
  shop_id: string;
  type: string;
  /** Shop clock: the event's `created_at`, its first attempt, and its 24-hour retry window start here. */
  created_at: number;
  object: unknown;
}

const RETRY_WINDOW_MS = 24 * 60 * 60_000;

const COLUMNS = sql.raw(`INSERT OR IGNORE INTO webhook_deliveries (id, shop_id, endpoint_id, event_id, type, object, created_at,
    dedupe_key, status, attempts, next_attempt_at, expires_at)`);

// 80 random bits per delivery row; rows of one event share the event id instead.
const NEW_DELIVERY_ID = sql.raw(`'whd_' || lower(hex(randomblob(10)))`);

/** SQL: this batch wrote the row `id` of `table` (the change the event reports happened). */
export const rowWritten = (table: "coupons" | "claims" | "redemptions" | "audit_entries", id: string): SQL =>
  sql`EXISTS (SELECT 1 FROM ${sql.raw(table)} WHERE id = ${id})`;

/** One event, recorded for each subscribed endpoint if `when` holds. */
export function eventBranch(e: OutboxEvent, when: SQL): SQL {
  return sql`SELECT ${NEW_DELIVERY_ID}, w.shop_id, w.endpoint_id, ${e.id}, ${e.type}, ${JSON.stringify(e.object)}, ${e.created_at},
      NULL, 'pending', 0, ${e.created_at}, ${e.created_at + RETRY_WINDOW_MS}
    FROM webhook_subscriptions w WHERE w.shop_id = ${e.shop_id} AND w.type = ${e.type} AND ${when}`;
}

/**
 * `coupon.exhausted`, if `when` holds and the coupon has no unit left once the batch's own counter update
 * ran: claims for claimable coupons, reserved plus committed uses for promo codes. The dedupe key (per
 * endpoint, unique) makes it once per coupon and quantity, whichever write races to the last unit or gets
 * a unit back and takes it again; a larger quantity (an ongoing coupon's edit) may run out once more.
 */
export function exhaustedBranch(e: OutboxEvent, couponId: string, counted: "claims" | "uses", when: SQL): SQL {
  const taken = counted === "claims" ? sql`c.claimed_count` : sql`c.reserved_count + c.used_count`;
  return sql`SELECT ${NEW_DELIVERY_ID}, w.shop_id, w.endpoint_id, ${e.id}, 'coupon.exhausted', ${JSON.stringify(e.object)}, ${e.created_at},
      'coupon.exhausted:' || c.id || ':' || c.quantity, 'pending', 0, ${e.created_at}, ${e.created_at + RETRY_WINDOW_MS}
    FROM webhook_subscriptions w JOIN coupons c ON c.id = ${couponId}
    WHERE w.shop_id = ${e.shop_id} AND w.type = 'coupon.exhausted' AND ${taken} >= c.quantity AND ${when}`;
}

/** The one statement a batch appends: its events' branches as one INSERT (null when there are none). */
export function outboxStatement(branches: SQL[]): Statement | null {
  if (branches.length === 0) return null;
  return sql`${COLUMNS} ${sql.join(branches, sql` UNION ALL `)}`;
}

/** Which reserved redemptions a commit or release takes, as store/redemptions.ts selects them. */
interface Selection {
  where(t: string): SQL;
  clock(t: string): SQL;
}

const iso = (ms: SQL) => sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${ms} / 1000.0, 'unixepoch')`;

/**
 * `redemption.committed` / `.released` for every reserved redemption of the selection, as that
 * redemption will be once the batch's last statement has moved it: so this runs BEFORE that statement,
 * while the rows are still `reserved`. The object is the redemption as the API answers it
 * (contract/redemptions.ts `serializeRedemption`; a test compares the two). One transition per
 * redemption, so the event id is derived from the redemption id: every endpoint gets the same one.
 */
export function redemptionMovedStatement(s: Selection, to: "committed" | "released", reason?: string): Statement {
  const type = `redemption.${to}`;
  const clock = s.clock("r");
  const object = sql`json_object('id', r.id, 'state', ${to}, 'coupon_id', r.coupon_id, 'claim_id', r.claim_id, 'code', r.code,
    'order_id', r.order_id, 'buyer_id', r.buyer_id, 'discount_minor', r.discount_minor, 'subtotal_minor', r.subtotal_minor,
    'allocations', json(r.allocations), 'reserved_at', ${iso(sql`r.reserved_at`)}, 'expires_at', ${iso(sql`r.expires_at`)},
    'committed_at', ${to === "committed" ? iso(clock) : sql`NULL`}, 'released_at', ${to === "released" ? iso(clock) : sql`NULL`},
    'release_reason', ${to === "released" ? sql`${reason ?? null}` : sql`NULL`},
    'refunded_at', ${iso(sql`r.refunded_at`)}, 'returned_at', ${iso(sql`r.returned_at`)})`;
  return sql`${COLUMNS}
    SELECT ${NEW_DELIVERY_ID}, r.shop_id, w.endpoint_id, 'evt_' || substr(r.id, 5) || ${to === "committed" ? "_c" : "_r"}, ${type}, ${object},
      ${clock}, NULL, 'pending', 0, ${clock}, ${clock} + ${RETRY_WINDOW_MS}
    FROM redemptions r JOIN webhook_subscriptions w ON w.shop_id = r.shop_id AND w.type = ${type}
    WHERE r.state = 'reserved' AND ${s.where("r")}`;
}

/**
 * The reservation's events, as a fixed text (every checkout runs it; the native client prepares it
 * once): `redemption.reserved` if the redemption row was written, and for a promo code
 * `coupon.exhausted` if that took its last unit. Appended after the batch's counter update.
 */
export function reservationOutbox(
  redemptionId: string,
  reserved: OutboxEvent,
  exhausted: { event: OutboxEvent; couponId: string } | null,
): InStatement {
  const base = [reserved.id, JSON.stringify(reserved.object), reserved.created_at, reserved.shop_id, redemptionId];
  if (!exhausted) return { sql: RESERVED_SQL, args: base };
  return {
    sql: RESERVED_OR_EXHAUSTED_SQL,
    args: [...base, exhausted.event.id, JSON.stringify(exhausted.event.object), exhausted.couponId],
  };
}

const INSERT_TEXT = `INSERT OR IGNORE INTO webhook_deliveries (id, shop_id, endpoint_id, event_id, type, object, created_at,
    dedupe_key, status, attempts, next_attempt_at, expires_at)`;
const RESERVED_BRANCH = `SELECT 'whd_' || lower(hex(randomblob(10))), w.shop_id, w.endpoint_id, ?1, 'redemption.reserved', ?2, ?3,
    NULL, 'pending', 0, ?3, ?3 + ${RETRY_WINDOW_MS}
  FROM webhook_subscriptions w WHERE w.shop_id = ?4 AND w.type = 'redemption.reserved' AND EXISTS (SELECT 1 FROM redemptions WHERE id = ?5)`;
const RESERVED_SQL = `${INSERT_TEXT} ${RESERVED_BRANCH}`;
const RESERVED_OR_EXHAUSTED_SQL = `${INSERT_TEXT} ${RESERVED_BRANCH}
  UNION ALL
  SELECT 'whd_' || lower(hex(randomblob(10))), w.shop_id, w.endpoint_id, ?6, 'coupon.exhausted', ?7, ?3,
    'coupon.exhausted:' || c.id || ':' || c.quantity, 'pending', 0, ?3, ?3 + ${RETRY_WINDOW_MS}
  FROM webhook_subscriptions w JOIN coupons c ON c.id = ?8
  WHERE w.shop_id = ?4 AND w.type = 'coupon.exhausted' AND c.reserved_count + c.used_count >= c.quantity
    AND EXISTS (SELECT 1 FROM redemptions WHERE id = ?5)`;
