/**
 * Rate limiting of failed code look-ups (guessing protection). The app asks a `RateLimiter`; on Node it is
 * the in-process fixed-window counter below, on Workers the entry may supply one backed by a Cloudflare
 * primitive. Only failures are counted (`record`), but every look-up first checks (`blocked`).
 */
export interface RateLimiter {
  /** Seconds until the key may try again, or 0 when it is not blocked. */
  blocked(key: string, limit: number, nowMs: number): Promise<number>;
  record(key: string, nowMs: number): Promise<void>;
}

const WINDOW_MS = 60_000;

export class MemoryRateLimiter implements RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  async blocked(key: string, limit: number, nowMs: number): Promise<number> {
    const w = this.windows.get(key);
    if (!w || nowMs - w.start >= WINDOW_MS) return 0;
    return w.count >= limit ? Math.max(1, Math.ceil((w.start + WINDOW_MS - nowMs) / 1000)) : 0;
  }

  async record(key: string, nowMs: number): Promise<void> {
    const w = this.windows.get(key);
    if (!w || nowMs - w.start >= WINDOW_MS) {
      // Bound memory: drop windows that have ended once the map grows large.
      if (this.windows.size > 50_000) {
        for (const [k, v] of this.windows) if (nowMs - v.start >= WINDOW_MS) this.windows.delete(k);
      }
      this.windows.set(key, { start: nowMs, count: 1 });
    } else {
      w.count++;
    }
  }
}
