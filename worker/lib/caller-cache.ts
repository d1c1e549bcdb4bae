/**
 * Bearer key → caller (key id, kind, shop row), remembered for a moment by the process or isolate that
 * resolved it. Every storefront and checkout call starts by resolving its key, which costs a SHA-256 and
 * a join of api_keys and shops; the benchmark measured that as the largest single share of a promo-code
 * look-up, so repeated calls with the same key skip both.
 *
 * Correctness: a write to a shop's keys or settings (revoke, PATCH /v1/shops, the test clock) drops the
 * shop's entries in this process at once (`dropShop`). Other processes or isolates cannot be told, so an
 * entry lives at most `ttlMs` (1 s): that is how late a revocation or a settings change can reach them.
 * A resolution that began before a drop is not stored (the epoch check), so a revoked key cannot come back
 * through a request that was in flight while it was revoked.
 */
import type { Caller } from "./caller.js";

type ShopCaller = Exclude<Caller, { kind: "admin" }>;

export class CallerCache {
  private entries = new Map<string, { caller: ShopCaller; expires: number }>();
  private dropped = 0;

  constructor(
    private readonly ttlMs = 1_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached caller for this exact bearer token, if still fresh. */
  get(token: string, nowMs: number): ShopCaller | undefined {
    const e = this.entries.get(token);
    if (!e) return undefined;
    if (nowMs >= e.expires) {
      this.entries.delete(token);
      return undefined;
    }
    return e.caller;
  }

  /** Read before loading a caller from the database; pass it back to `set`. */
  epoch(): number {
    return this.dropped;
  }

  /** Remembers a caller loaded from the database, unless a shop was dropped since the load began. */
  set(token: string, caller: ShopCaller, nowMs: number, epochAtLoad: number): void {
    if (epochAtLoad !== this.dropped) return;
    if (this.entries.size >= this.maxEntries) {
      // Oldest first (Map keeps insertion order): one eviction per insertion bounds memory.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { caller, expires: nowMs + this.ttlMs });
  }

  /** Forgets every key of the shop: call after any write to the shop's row or its keys. */
  dropShop(shopId: string): void {
    this.dropped++;
    for (const [token, e] of this.entries) if (e.caller.shop.id === shopId) this.entries.delete(token);
  }

  get size(): number {
    return this.entries.size;
  }
}
