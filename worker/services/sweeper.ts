/**
 * Periodic tidy-up of reservations older than 30 minutes (R27). Correctness does not depend on it:
 * expired reservations are also released lazily when they are next touched. Node runs it on an interval,
 * Workers on a Cron Trigger.
 */
import type { Db } from "../../db/client.js";
import { expiredEverywhere, releaseStatements, runBatch } from "../store/redemptions.js";

/**
 * Releases every shop's reservations past their expiry in one batch, each judged by its own shop's clock
 * (a test shop's frozen clock, else `now`, real time), and gives their units and claims back. Returns how
 * many were released.
 */
export async function sweepExpiredReservations(db: Db, now: number): Promise<number> {
  return runBatch(db, releaseStatements(expiredEverywhere(now), "expired"));
}

export function startSweeper(db: Db, now: () => number, everyMs = 60_000): { stop(): void } {
  const timer = setInterval(() => {
    sweepExpiredReservations(db, now()).catch((err) => console.error("reservation sweep failed", err));
  }, everyMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
