/**
 * A route's reads, sent the way the host's database wants them (README "A request at the edge"): on a
 * local file (Node) one by one through the read cache, each answered from memory while the database is
 * unchanged; on a remote database (Workers) all in ONE batch, with the caller's key check first, so a
 * request pays one round trip whatever it reads.
 */
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../../db/client.js";
import type { InStatement, ResultSet } from "@libsql/client";
import type { ActiveKey } from "./api-keys.js";
import { activeKeyFromRows, activeKeyStatement, keyCheckQuery, type BatchPlan } from "./key-check.js";
import type { Reads } from "./read-cache.js";

/** One read: alone (`load`, e.g. a prepared statement) or as a batch item (`query`, then `map`). */
export interface Read<T> {
  /** The read cache's key; null when the value must never be shared. */
  key: string | null;
  /** Served as last read, however old, when known (only for what a guarded write checks again). */
  latest?: boolean;
  /** Kept as the latest value when read in a batch, for a later `latest` read (a coupon a write re-checks). */
  keep?: boolean;
  load(): Promise<T>;
  /** Its query in a batch; or several, when one value is read by more than one statement. */
  query(): BatchItem<"sqlite"> | BatchItem<"sqlite">[];
  /** The value from the query's result (from the list of results when `query` gave several). */
  map(result: unknown): T;
}

/**
 * A read of one query whose value is never shared through the read cache (a page, a row read where it is
 * changed): run alone on Node, or as an item of the route's batch.
 */
export function queryRead<R, T>(query: () => BatchItem<"sqlite"> & PromiseLike<R>, map: (rows: R) => T): Read<T> {
  return { key: null, load: async () => map(await query()), query, map: (rows) => map(rows as R) };
}

/** `queryRead` of the query's rows as they come (a page, a list). */
export function rowsRead<R>(query: () => BatchItem<"sqlite"> & PromiseLike<R>): Read<R> {
  return queryRead(query, (rows) => rows);
}

/** The named reads of one `readAll` (a null item is not read), and the values it answers for them. */
export type ReadItems = Record<string, Read<unknown> | null>;
export type ReadValues<R extends ReadItems> = { [K in keyof R]: R[K] extends Read<infer T> ? T : undefined };

/**
 * The values of `items` (a null item: undefined). With a key check planned, it rides first in the batch
 * and `confirmKey` hears it before any value is used; when every value was known already (`latest`), no
 * batch is sent and the key is left for the route's write to check.
 */
export async function readAll<R extends ReadItems>(db: Db, reads: Reads, plan: BatchPlan, items: R): Promise<ReadValues<R>> {
  const names: string[] = [];
  for (const k in items) if (items[k] !== null) names.push(k);
  const out: Record<string, unknown> = {};
  if (!plan.batchReads && !plan.keyCheck) {
    // One by one through the read cache (Node): most are answered from memory without a statement.
    const values = await Promise.all(
      names.map((k) => {
        const i = items[k]!;
        if (i.key === null) return i.load();
        // Called on the item (a read may be a class whose methods need it), never detached.
        return i.latest ? reads.readLatest(i.key, () => i.load()) : reads.read(i.key, () => i.load());
      }),
    );
    for (let n = 0; n < names.length; n++) out[names[n]] = values[n];
    return out as ReadValues<R>;
  }
  const missing: string[] = [];
  for (const k of names) {
    const i = items[k]!;
    const known = i.latest && i.key !== null ? reads.latest(i.key) : undefined;
    if (known !== undefined) out[k] = known;
    else missing.push(k);
  }
  if (missing.length === 0) return out as ReadValues<R>;
  const queries: BatchItem<"sqlite">[] = plan.keyCheck ? [keyCheckQuery(db, plan.keyCheck)] : [];
  // Where each read's results start, and how many it has (-1: one query, mapped from its result alone).
  const spans = missing.map((k) => {
    const q = items[k]!.query();
    const at = queries.length;
    if (Array.isArray(q)) queries.push(...q);
    else queries.push(q);
    return { at, n: Array.isArray(q) ? q.length : -1 };
  });
  const results = await db.batch(queries as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  if (plan.keyCheck) plan.confirmKey((results[0] as ActiveKey[])[0]);
  missing.forEach((k, i) => {
    const item = items[k]!;
    const { at, n } = spans[i];
    out[k] = item.map(n < 0 ? results[at] : results.slice(at, at + n));
    if (item.keep && item.key !== null) reads.remember(item.key, out[k]);
  });
  return out as ReadValues<R>;
}

export type WritePlan = Pick<BatchPlan, "keyCheck" | "confirmKey">;

/** A write with no key check (the caller was resolved before, or there is no caller: a sweep, a test). */
export const UNCHECKED: WritePlan = { keyCheck: null, confirmKey: () => {} };

/**
 * A write batch (Drizzle items), with the key check first when one is planned: `confirmKey` hears it
 * before the results are used. The items' driving statements carry `keyGuard` themselves.
 */
export async function writeBatch(db: Db, plan: WritePlan, items: BatchItem<"sqlite">[]): Promise<unknown[]> {
  if (!plan.keyCheck) return db.batch(items as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  const [key, ...rest] = await db.batch([keyCheckQuery(db, plan.keyCheck), ...items] as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  plan.confirmKey((key as ActiveKey[])[0], "write");
  return rest;
}

/** `writeBatch` for fixed-text statements sent to the client as they are (prepared once on Node). */
export async function writeStatements(db: Db, plan: WritePlan, statements: InStatement[]): Promise<ResultSet[]> {
  if (!plan.keyCheck) return db.$client.batch(statements, "write");
  const [key, ...rest] = await db.$client.batch([activeKeyStatement(plan.keyCheck), ...statements], "write");
  plan.confirmKey(activeKeyFromRows(key.rows), "write");
  return rest;
}
