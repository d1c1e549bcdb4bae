/**
 * Guessing protection for promo codes (README "Guessing codes"): failed look-ups are counted per client
 * (a buyer, or a client address) and per shop, with a shop-wide ceiling far above one client's limit,
 * so one guesser is stopped without stopping the shop. A found code never counts and never waits on the
 * counter: it only checks what is already known at hand (`knownWait`), which must be enough to refuse a
 * client that is over its limit even for a code that exists (else a blocked guesser could tell hits from
 * 429s). On Node the counter below is exact (one process); on Workers counts live in Durable Objects and
 * the knowledge at hand is the isolate's memory and the colo's cache (`rate-limit-workers.ts`).
 */

/** A counter and its limit per one-minute window. */
export interface Bucket {
  key: string;
  limit: number;
}

/** What is known of some buckets without asking their counters. */
export interface KnownBlocks {
  /** The seconds any of the buckets is known to be over its limit (0: not known to be blocked). */
  wait(): Promise<number>;
}

export interface GuessLimiter {
  /**
   * Starts finding out, from what is at hand without a remote call, whether any of `buckets` is over its
   * limit; `wait()` answers it. Call it before the look-up and `wait()` after: what the look-up's own
   * process learned meanwhile (a burst's failures) counts too. The success path awaits only this.
   */
  known(buckets: readonly Bucket[], nowMs: number): KnownBlocks;
  /**
   * Counts one failed look-up in each bucket in order, stopping at the first that is already at its limit
   * (a refused look-up counts nowhere after it, so a blocked client cannot spend the shop's ceiling).
   * Answers the seconds to wait, or 0 when every bucket was within its limit.
   */
  countFailure(buckets: readonly Bucket[], nowMs: number): Promise<number>;
}

export const WINDOW_MS = 60_000;

export interface Window {
  start: number;
  count: number;
}

/** One fixed-window step, shared by both limiters: the new window (or null when blocked) and the wait. */
export function takeSlot(w: Window | undefined, limit: number, nowMs: number): { next: Window | null; wait: number } {
  if (!w || nowMs - w.start >= WINDOW_MS) return { next: { start: nowMs, count: 1 }, wait: 0 };
  if (w.count >= limit) return { next: null, wait: waitUntil(w.start + WINDOW_MS, nowMs) };
  return { next: { start: w.start, count: w.count + 1 }, wait: 0 };
}

/** The wait a window imposes at `limit` without counting anything (0 = not blocked). */
export function peekSlot(w: Window | undefined, limit: number, nowMs: number): number {
  if (!w || nowMs - w.start >= WINDOW_MS || w.count < limit) return 0;
  return waitUntil(w.start + WINDOW_MS, nowMs);
}

/** Whole seconds until `endMs`, at least 1 (a Retry-After of 0 would invite an immediate retry). */
export const waitUntil = (endMs: number, nowMs: number) => Math.max(1, Math.ceil((endMs - nowMs) / 1000));

/**
 * The in-process windows of some buckets, read when asked. A class, not a closure made per look-up: every
 * look-up makes one, and a closure made per request also pays the name-keeping call of tsx and wrangler's
 * bundles (bench/notes.md).
 */
class KnownWindows implements KnownBlocks {
  constructor(
    private readonly windows: Map<string, Window>,
    private readonly buckets: readonly Bucket[],
    private readonly nowMs: number,
  ) {}

  async wait(): Promise<number> {
    let wait = 0;
    for (const b of this.buckets) wait = Math.max(wait, peekSlot(this.windows.get(b.key), b.limit, this.nowMs));
    return wait;
  }
}

/** The exact in-process counter (Node): one map of windows, read and written without awaiting anything. */
export class MemoryRateLimiter implements GuessLimiter {
  private windows = new Map<string, Window>();

  known(buckets: readonly Bucket[], nowMs: number): KnownBlocks {
    return new KnownWindows(this.windows, buckets, nowMs);
  }

  async countFailure(buckets: readonly Bucket[], nowMs: number): Promise<number> {
    for (const b of buckets) {
      const { next, wait } = takeSlot(this.windows.get(b.key), b.limit, nowMs);
      if (!next) return wait;
      // Bound memory: drop windows that have ended once the map grows large.
      if (next.count === 1 && this.windows.size > 50_000) {
        for (const [k, v] of this.windows) if (nowMs - v.start >= WINDOW_MS) this.windows.delete(k);
      }
      this.windows.set(b.key, next);
    }
    return 0;
  }
}
