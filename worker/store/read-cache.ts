/**
 * Hot reads remembered while the database has not changed: a promo code's coupon, a buyer's wallet, a
 * buyer's uses of a code. Every quote and look-up makes these reads, and most of them find what the
 * previous one found.
 *
 * Correctness does not rest on a time to live. The host gives a `version` that changes whenever the
 * database may have changed: on Node's local file that is the WAL-index header SQLite's `data_version`
 * compares (rewritten by every commit of another connection or process) together with a count of this
 * process's own writes (worker/adapters/node/native-client/data-version.ts). An entry is served only at the version it was read at, so a read through the
 * cache answers exactly what the database would answer at that version. Where the host has no such
 * version (a remote database, on Workers), there is no cache and every read goes to the database.
 *
 * A request takes one `snapshot`: its reads are answered as of the version it saw at its first read, as
 * if they had all been made at that moment. Values are frozen: they are shared between requests.
 *
 * Beside the exact entries, the cache remembers the latest value it read for each key, whatever has
 * changed since (`readLatest`). That is only for a read that a guarded write checks again: a reservation
 * prices the code's coupon as last seen, and its INSERT takes the unit only if that coupon is still the
 * version it priced and still has a unit left (store/redemptions.ts). Under a stream of checkouts every
 * write moves the version, so an exact entry would never be served there.
 */
export type DataVersion = () => string;

export class ReadCache {
  #version: string | null = null;
  #entries = new Map<string, { value: unknown }>();
  #latest = new Map<string, unknown>();

  constructor(
    private readonly currentVersion: DataVersion,
    private readonly maxEntries = 2_000,
  ) {}

  /**
   * A cache that serves no read exactly, only the latest values (`Reads.readLatest`, `Reads.latest`): for a
   * host that cannot tell when the database changed (Workers), where only what a guarded write checks again
   * may come from memory.
   */
  static latestOnly(maxEntries = 2_000): ReadCache {
    let n = 0;
    return new ReadCache(() => String(n++), maxEntries);
  }

  /** The reads of one request, as of the database's version at its first read. */
  snapshot(): Reads {
    return new Reads(this);
  }

  /** @internal The database's version now. */
  version(): string {
    return this.currentVersion();
  }

  /** @internal The entry for `key` stored at `version`, if any. */
  lookup(version: string, key: string): { value: unknown } | undefined {
    return version === this.#version ? this.#entries.get(key) : undefined;
  }

  /** @internal Remembers `value`, read at `version`, if the database is still at that version. */
  store(version: string, key: string, value: unknown): void {
    if (this.currentVersion() !== version) return; // changed during the read: the value may be either side of it
    if (version !== this.#version) {
      // Entries of an older version can never be served again.
      this.#entries.clear();
      this.#version = version;
    }
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, { value: deepFreeze(value) });
  }

  /** @internal Remembers the latest value read for `key` (not null: an absence is always read again). */
  remember(key: string, value: unknown): void {
    if (value == null) {
      this.#latest.delete(key);
      return;
    }
    this.#latest.delete(key); // re-inserted last: the map's order is the order of use
    if (this.#latest.size >= this.maxEntries) this.#latest.delete(this.#latest.keys().next().value as string);
    this.#latest.set(key, deepFreeze(value));
  }

  /** @internal The latest value read for `key`, however old. */
  latest(key: string): unknown {
    return this.#latest.get(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** One request's view: `read` answers from the cache at the request's version, else loads. */
export class Reads {
  #version: string | null = null;

  constructor(private readonly cache: ReadCache | null) {}

  /** Reads that always go to the database (no cache on this host). */
  static readonly uncached = new Reads(null);

  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const cache = this.cache;
    if (!cache) return load();
    this.#version ??= cache.version();
    const version = this.#version;
    const hit = cache.lookup(version, key);
    if (hit) return hit.value as T;
    const value = await load();
    cache.store(version, key, value);
    cache.remember(key, value);
    return value;
  }

  /**
   * The latest value read for `key`, however much has changed since, else a read as `read` makes it.
   * Only for what a guarded write checks again (see ReadCache); anything else wants `read`.
   */
  async readLatest<T>(key: string, load: () => Promise<T>): Promise<T> {
    const known = this.cache?.latest(key);
    return known !== undefined ? (known as T) : this.read(key, load);
  }

  /** The latest value read for `key`, if any (see `readLatest`). */
  latest<T>(key: string): T | undefined {
    return this.cache?.latest(key) as T | undefined;
  }

  /** A value read elsewhere (in a batch), remembered as the latest for `key`. */
  remember(key: string, value: unknown): void {
    this.cache?.remember(key, value);
  }
}

/** Plain objects and arrays frozen all the way down, so a shared value cannot be changed by one reader. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value as object)) deepFreeze(v);
  return value;
}
