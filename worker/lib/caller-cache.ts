/**
 * Bearer key → caller (key id, kind, shop row), remembered by the process or isolate that resolved it.
 * Every storefront and checkout call starts by resolving its key, which costs a SHA-256 and a join of
 * api_keys and shops; the benchmark measured that as the largest single share of a promo-code look-up,
 * so repeated calls with the same key skip both.
 *
 * Two uses. `get` serves an entry only while it is fresh (`ttlMs`, 1 s): a route that trusts it as is
 * (no key check of its own) sees a revocation or a settings change at most that late from another
 * process or isolate; in this one, a write to a shop's keys or settings (revoke, PATCH /v1/shops, the test
 * clock) drops the shop's entries at once (`dropShop`). `plan` serves an entry of any age, for a route
 * that checks the key inside its own batch anyway (lib/planned-caller.ts): there the entry only says
 * which shop to plan for, and the check in the batch decides.
 *
 * A resolution that began before a drop is not stored (the epoch check), so a revoked key cannot come back
 * through a request that was in flight while it was revoked.
 *
 * Where requests are planned (Workers), console sessions are kept here too, as `session:<cookie token>`
 * (lib/console-session.ts), only to `plan` with: their batch checks the session itself.
 */
import type { Caller } from "./caller.js";

type ShopCaller = Exclude<Caller, { kind: "admin" }>;

interface Entry {
  caller: ShopCaller;
  /** The SHA-256 of the key, kept so a planned request need not hash it again. */
  hash: string;
  fresh: number;
}

export class CallerCache {
  private entries = new Map<string, Entry>();
  private dropped = 0;

  constructor(
    private readonly ttlMs = 1_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached caller for this exact bearer token, if still fresh. */
  get(token: string, nowMs: number): ShopCaller | undefined {
    const e = this.entries.get(token);
    return e && nowMs < e.fresh ? e.caller : undefined;
  }

  /** The cached caller for this token whatever its age, with the key's hash: only to plan a checked request. */
  plan(token: string): { caller: ShopCaller; hash: string } | undefined {
    const e = this.entries.get(token);
    return e && { caller: e.caller, hash: e.hash };
  }

  /** Read before loading a caller from the database; pass it back to `set`. */
  epoch(): number {
    return this.dropped;
  }

  /** Remembers a caller loaded from the database, unless a shop was dropped since the load began. */
  set(token: string, hash: string, caller: ShopCaller, nowMs: number, epochAtLoad: number): void {
    if (epochAtLoad !== this.dropped) return;
    this.entries.delete(token); // re-inserted last: the map's order is the order of use
    if (this.entries.size >= this.maxEntries) {
      // Oldest first (Map keeps insertion order): one eviction per insertion bounds memory.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { caller, hash, fresh: nowMs + this.ttlMs });
  }

  /** Forgets one token (its key was found revoked). */
  forget(token: string): void {
    this.entries.delete(token);
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
