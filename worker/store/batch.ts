/**
 * A route's reads, sent the way the host's database wants them (README "A request at the edge"): on a
 * local file (Node) one by one through the read cache, each answered from memory while the database is
 * unchanged; on a remote database (Workers) all in ONE batch, with the caller's key check first, so a
 * request pays one round trip whatever it reads.
 */
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../../db/client.js";
import { activeKeyQuery, type ActiveKey } from "./api-keys.js";
import type { BatchPlan } from "./key-check.js";
import type { Reads } from "./read-cache.js";

/** One read: alone (`load`, e.g. a prepared statement) or as a batch item (`query`, then `map`). */
export interface Read<T> {
  /** The read cache's key; null when the value must never be shared. */
  key: string | null;
  /** Served as last read, however old, when known (only for what a guarded write checks again). */
  latest?: boolean;
  load(): Promise<T>;
  query(): BatchItem<"sqlite">;
  map(result: unknown): T;
}

type Reads_ = Record<string, Read<unknown> | null>;
type Values<R extends Reads_> = { [K in keyof R]: R[K] extends Read<infer T> ? T : undefined };

/**
 * The values of `items` (a null item: undefined). With a key check planned, it rides first in the batch
 * and `confirmKey` hears it before any value is used; when every value was known already (`latest`), no
 * batch is sent and the key is left for the route's write to check.
 */
export async function readAll<R extends Reads_>(db: Db, reads: Reads, plan: BatchPlan, items: R): Promise<Values<R>> {
  const names = Object.keys(items).filter((k) => items[k] !== null);
  const out: Record<string, unknown> = {};
  if (!plan.batchReads && !plan.keyCheck) {
    await Promise.all(
      names.map(async (k) => {
        const i = items[k]!;
        out[k] = await (i.key === null ? i.load() : i.latest ? reads.readLatest(i.key, () => i.load()) : reads.read(i.key, () => i.load()));
      }),
    );
    return out as Values<R>;
  }
  const missing: string[] = [];
  for (const k of names) {
    const i = items[k]!;
    const known = i.latest && i.key !== null ? reads.latest(i.key) : undefined;
    if (known !== undefined) out[k] = known;
    else missing.push(k);
  }
  if (missing.length === 0) return out as Values<R>;
  const queries: BatchItem<"sqlite">[] = missing.map((k) => items[k]!.query());
  if (plan.keyCheck) queries.unshift(activeKeyQuery(db, plan.keyCheck.hash));
  const results = await db.batch(queries as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  if (plan.keyCheck) plan.confirmKey((results.shift() as ActiveKey[])[0]);
  missing.forEach((k, at) => {
    const item = items[k]!;
    out[k] = item.map(results[at]);
    if (item.key !== null) reads.remember(item.key, out[k]);
  });
  return out as Values<R>;
}
