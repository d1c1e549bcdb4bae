/**
 * The delivery worker's side of the delivery rows. A process takes due deliveries with ONE conditional
 * UPDATE (a lease: its token and an expiry in real time), so of two processes on one database each
 * delivery goes to one of them per attempt; the answer is recorded only under that same token, so a
 * process whose lease ran out (it stalled, or died and another took over) records nothing.
 *
 * "Due" is judged by each delivery's shop clock: a test shop's frozen clock when set, else real time, so
 * a test moves a shop's retries by moving its test clock.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";

export interface ClaimedDelivery {
  seq: number;
  id: string;
  shop_id: string;
  endpoint_id: string;
  event_id: string;
  type: string;
  object: string;
  created_at: number;
  attempts: number;
}

export interface EndpointTarget {
  id: string;
  url: string;
  secret: string;
  mode: "test" | "live";
}

const shopClock = (shopId: SQL, realNow: number) =>
  sql`(SELECT CASE WHEN s.mode = 'test' AND s.test_clock_now IS NOT NULL THEN s.test_clock_now ELSE ${realNow} END
    FROM shops s WHERE s.id = ${shopId})`;

/**
 * Pending deliveries due now and not leased, for up to `perEndpoint` of each endpoint, oldest first per
 * endpoint. Candidates are read in `next_attempt_at` order from the pending index and the read stops at
 * `limit`: deliveries waiting out a backoff are never walked. The horizon is the latest clock any shop
 * may be at (a test clock can run ahead of real time); each candidate is then judged by its own shop's.
 */
function dueSelection(realNow: number, perEndpoint: number, limit: number): SQL {
  const horizon = sql`MAX(${realNow}, COALESCE((SELECT MAX(test_clock_now) FROM shops WHERE mode = 'test'), 0))`;
  return sql`SELECT seq FROM (
      SELECT c.seq, row_number() OVER (PARTITION BY c.endpoint_id ORDER BY c.seq) AS n FROM (
        SELECT d.seq, d.endpoint_id FROM webhook_deliveries d
        WHERE d.status = 'pending' AND d.next_attempt_at <= ${horizon}
          AND d.next_attempt_at <= ${shopClock(sql`d.shop_id`, realNow)}
          AND (d.lease_until IS NULL OR d.lease_until <= ${realNow})
          -- One process at a time per endpoint, so an endpoint's deliveries go out in the order written.
          AND NOT EXISTS (SELECT 1 FROM webhook_deliveries o WHERE o.endpoint_id = d.endpoint_id
            AND o.lease_until IS NOT NULL AND o.lease_until > ${realNow})
          -- An endpoint that just failed rests (see outcomeSql).
          AND NOT EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.id = d.endpoint_id
            AND e.paused_until > ${shopClock(sql`d.shop_id`, realNow)})
        ORDER BY d.next_attempt_at LIMIT ${limit}) c
    ) WHERE n <= ${perEndpoint}`;
}

/**
 * A read first, so an idle worker polls without taking the write lock. The same conditions as
 * `dueSelection`, asked endpoint by endpoint: a resting or busy endpoint is passed over whole, so a poll
 * costs one row per endpoint instead of every due delivery waiting behind a resting receiver.
 */
export async function anyDeliveryDue(db: Db, realNow: number): Promise<boolean> {
  const clock = shopClock(sql`e.shop_id`, realNow);
  const rows = await db.all<{ one: number }>(sql`SELECT 1 AS one FROM webhook_endpoints e
    WHERE NOT EXISTS (SELECT 1 FROM webhook_endpoints p WHERE p.id = e.id AND p.paused_until > ${clock})
      AND NOT EXISTS (SELECT 1 FROM webhook_deliveries o WHERE o.endpoint_id = e.id
        AND o.lease_until IS NOT NULL AND o.lease_until > ${realNow})
      AND EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.status = 'pending'
        AND d.next_attempt_at <= ${clock} AND (d.lease_until IS NULL OR d.lease_until <= ${realNow}))
    LIMIT 1`);
  return rows.length > 0;
}

/** Leases due deliveries to `lease` until `realNow + leaseMs`; returns them, oldest first. */
export async function leaseDueDeliveries(
  db: Db,
  lease: string,
  realNow: number,
  leaseMs: number,
  perEndpoint: number,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const rows = await db.all<ClaimedDelivery>(sql`UPDATE webhook_deliveries SET lease_owner = ${lease}, lease_until = ${realNow + leaseMs}
    WHERE seq IN (${dueSelection(realNow, perEndpoint, limit)})
    RETURNING seq, id, shop_id, endpoint_id, event_id, type, object, created_at, attempts`);
  return rows
    .map((r) => ({ ...r, seq: Number(r.seq), created_at: Number(r.created_at), attempts: Number(r.attempts) }))
    .sort((a, b) => a.seq - b.seq);
}

/** Where and how to send: the endpoints of leased deliveries (a deleted one is simply absent). */
export async function endpointTargets(db: Db, ids: string[]): Promise<Map<string, EndpointTarget>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<EndpointTarget>(sql`SELECT e.id, e.url, e.secret, s.mode FROM webhook_endpoints e
    JOIN shops s ON s.id = e.shop_id WHERE e.id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  return new Map(rows.map((r) => [r.id, r]));
}

export type Outcome =
  | { delivery: ClaimedDelivery; kind: "succeeded"; status: number }
  /** A non-2xx answer (`status`) or none (`error`); retried after `delayMs` on the shop clock, within the window. */
  | { delivery: ClaimedDelivery; kind: "failed"; status: number | null; error: string | null; delayMs: number }
  /** Not attempted (the pass stopped): the lease is given back and no attempt counted. */
  | { delivery: ClaimedDelivery; kind: "returned" };

/** After a failure the endpoint rests this long at most (a failing receiver is not sent the next events). */
const MAX_PAUSE_MS = 5 * 60_000;

function outcomeSql(o: Outcome, lease: string, realNow: number): SQL[] {
  const mine = sql`seq = ${o.delivery.seq} AND lease_owner = ${lease}`;
  switch (o.kind) {
    case "succeeded":
      return [
        sql`UPDATE webhook_deliveries SET status = 'succeeded', attempts = attempts + 1, last_status_code = ${o.status},
          last_error = NULL, next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL WHERE ${mine}`,
      ];
    case "returned":
      return [sql`UPDATE webhook_deliveries SET lease_owner = NULL, lease_until = NULL WHERE ${mine}`];
    case "failed": {
      const clock = shopClock(sql`${o.delivery.shop_id}`, realNow);
      return [
        // The endpoint rests for the delay (at most 5 minutes, and never past this delivery's next attempt,
        // so that it goes first again and the order holds): a down receiver costs one attempt per rest.
        sql`UPDATE webhook_endpoints SET paused_until = (SELECT MIN(${clock} + ${Math.min(o.delayMs, MAX_PAUSE_MS)}, MAX(d.expires_at, ${clock}))
            FROM webhook_deliveries d WHERE d.seq = ${o.delivery.seq})
          WHERE id = ${o.delivery.endpoint_id} AND EXISTS (SELECT 1 FROM webhook_deliveries WHERE ${mine})`,
        // Past the 24-hour window: failed. Else the next attempt after the delay, the last one at the window's end.
        sql`UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = ${o.status}, last_error = ${o.error},
          status = CASE WHEN ${clock} >= expires_at THEN 'failed' ELSE 'pending' END,
          next_attempt_at = CASE WHEN ${clock} >= expires_at THEN NULL ELSE MIN(${clock} + ${o.delayMs}, expires_at) END,
          lease_owner = NULL, lease_until = NULL
          WHERE ${mine}`,
      ];
    }
  }
}

/** Records the pass's answers in one batch, each only while the lease is still this pass's. */
export async function recordOutcomes(db: Db, lease: string, realNow: number, outcomes: Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await db.batch(outcomes.flatMap((o) => outcomeSql(o, lease, realNow)).map((s) => db.run(s)) as [ReturnType<Db["run"]>]);
}
