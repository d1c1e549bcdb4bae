/**
 * Rate limiting of failed code look-ups (guessing protection). The app asks a `RateLimiter`; on Node it is
 * the in-process fixed-window counter below, on Workers a Durable Object (`rate-limit-workers.ts`).
 *
 * A look-up first `take`s a slot (atomically: check and count in one step), and gives it back with
 * `refund` when the code was found, so found codes never count. Checking first and counting only after a
 * failed look-up would let a burst of concurrent guesses all pass the check before any of them counted.
 */
export interface RateLimiter {
  /** Counts one attempt for `key` and answers 0, or, when `limit` is reached, counts nothing and answers
   * the seconds until the key may try again. */
  take(key: string, limit: number, nowMs: number): Promise<number>;
  /** Gives back an attempt taken in the current window (the code was found). */
  refund(key: string, nowMs: number): Promise<void>;
  /** The seconds `key` must wait when `limit` is reached, else 0; counts nothing. */
  peek(key: string, limit: number, nowMs: number): Promise<number>;
}

export const WINDOW_MS = 60_000;

export interface Window {
  start: number;
  count: number;
}

/** One fixed-window step, shared by both limiters: the new window (or null when blocked) and the wait. */
export function takeSlot(w: Window | undefined, limit: number, nowMs: number): { next: Window | null; wait: number } {
  if (!w || nowMs - w.start >= WINDOW_MS) return { next: { start: nowMs, count: 1 }, wait: 0 };
  if (w.count >= limit) return { next: null, wait: Math.max(1, Math.ceil((w.start + WINDOW_MS - nowMs) / 1000)) };
  return { next: { start: w.start, count: w.count + 1 }, wait: 0 };
}

/** The wait a window imposes at `limit` without counting anything (0 = not blocked). */
export function peekSlot(w: Window | undefined, limit: number, nowMs: number): number {
  if (!w || nowMs - w.start >= WINDOW_MS || w.count < limit) return 0;
  return Math.max(1, Math.ceil((w.start + WINDOW_MS - nowMs) / 1000));
}

/** The window after a refund, or undefined when there is nothing in the current window to give back. */
export function refundSlot(w: Window | undefined, nowMs: number): Window | undefined {
  if (!w || nowMs - w.start >= WINDOW_MS || w.count === 0) return undefined;
  return { start: w.start, count: w.count - 1 };
}

export class MemoryRateLimiter implements RateLimiter {
  private windows = new Map<string, Window>();

  async take(key: string, limit: number, nowMs: number): Promise<number> {
    const { next, wait } = takeSlot(this.windows.get(key), limit, nowMs);
    if (next) {
      // Bound memory: drop windows that have ended once the map grows large.
      if (next.count === 1 && this.windows.size > 50_000) {
        for (const [k, v] of this.windows) if (nowMs - v.start >= WINDOW_MS) this.windows.delete(k);
      }
      this.windows.set(key, next);
    }
    return wait;
  }

  async refund(key: string, nowMs: number): Promise<void> {
    const next = refundSlot(this.windows.get(key), nowMs);
    if (next) this.windows.set(key, next);
  }

  async peek(key: string, limit: number, nowMs: number): Promise<number> {
    return peekSlot(this.windows.get(key), limit, nowMs);
  }
}
