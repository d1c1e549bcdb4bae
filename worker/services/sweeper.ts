/**
 * Periodic tidy-up: reservations older than 30 minutes (R27; correctness does not depend on it: expired
 * reservations are also released lazily when they are next touched), and webhook deliveries kept for 30
 * days after their delivery window (README "Webhooks"), so the table does not grow without end. Node runs
 * it on an interval, Workers on a Cron Trigger.
 */
import type { Db } from "../../db/client.js";
import { expiredEverywhere, releaseStatements, runBatch } from "../store/redemptions.js";
import { deleteSettledDeliveries } from "../store/webhooks.js";

/** How long a succeeded or failed delivery stays listed (and retryable) after its 24-hour window. */
export const DELIVERY_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
/** Rows deleted per sweep: a bounded statement each minute instead of one long one after a busy month. */
const DELIVERIES_PER_SWEEP = 5000;

/**
 * Releases every shop's reservations past their expiry in one batch, each judged by its own shop's clock
 * (a test shop's frozen clock, else `now`, real time), and gives their units and claims back. Returns how
 * many were released.
 */
export async function sweepExpiredReservations(db: Db, now: number): Promise<number> {
  return runBatch(db, releaseStatements(expiredEverywhere(now), "expired"));
}

/**
 * Deletes settled deliveries whose window ended more than the retention ago (judged by the window's end,
 * which follows the shop's clock as the delivery did). Pending ones are never deleted. Returns how many went.
 */
export function sweepSettledDeliveries(db: Db, now: number): Promise<number> {
  return deleteSettledDeliveries(db, now - DELIVERY_RETENTION_MS, DELIVERIES_PER_SWEEP);
}

export function startSweeper(db: Db, now: () => number, everyMs = 60_000): { stop(): void } {
  const timer = setInterval(() => {
    sweepExpiredReservations(db, now()).catch((err) => console.error("reservation sweep failed", err));
    sweepSettledDeliveries(db, now()).catch((err) => console.error("delivery retention sweep failed", err));
  }, everyMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
