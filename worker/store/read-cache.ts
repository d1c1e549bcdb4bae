/**
 * Hot reads remembered while the database has not changed: a promo code's coupon, a buyer's wallet, a
 * buyer's uses of a code. Every quote and look-up makes these reads, and most of them find what the
 * previous one found.
 *
 * Correctness does not rest on a time to live. The host gives a `version` that changes whenever the
 * database may have changed: on Node's local file that is SQLite's `data_version` (changed by every
 * commit of another connection or process) together with a count of this process's own writes (see
 * db/native-client.ts). An entry is served only at the version it was read at, so a read through the
 * cache answers exactly what the database would answer at that version. Where the host has no such
 * version (a remote database, on Workers), there is no cache and every read goes to the database.
 *
 * A request takes one `snapshot`: its reads are answered as of the version it saw when it started, as
 * if they had all been made at that moment. Values are frozen: they are shared between requests.
 */
export type DataVersion = () => string;

export class ReadCache {
  #version: string | null = null;
  #entries = new Map<string, { value: unknown }>();

  constructor(
    private readonly currentVersion: DataVersion,
    private readonly maxEntries = 2_000,
  ) {}

  /** The reads of one request, as of the database's version now. */
  snapshot(): Reads {
    return new Reads(this, this.currentVersion());
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

  get size(): number {
    return this.#entries.size;
  }
}

/** One request's view: `read` answers from the cache at the request's version, else loads. */
export class Reads {
  constructor(
    private readonly cache: ReadCache | null,
    readonly version: string,
  ) {}

  /** Reads that always go to the database (no cache on this host). */
  static readonly uncached = new Reads(null, "");

  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const cache = this.cache;
    if (!cache) return load();
    const hit = cache.lookup(this.version, key);
    if (hit) return hit.value as T;
    const value = await load();
    cache.store(this.version, key, value);
    return value;
  }
}

/** Plain objects and arrays frozen all the way down, so a shared value cannot be changed by one reader. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value as object)) deepFreeze(v);
  return value;
}
