/**
 * Wraps a libSQL client in Drizzle. The client itself is made by the entry point: `@libsql/client` on Node
 * (file, :memory: or remote), `@libsql/client/web` on Workers (remote over HTTP). Nothing here is a
 * module-level singleton, so the same code serves a Node process and an edge isolate.
 */
import type { Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql/web";
import type { LibSQLDatabase } from "drizzle-orm/libsql/driver-core";
import * as schema from "./schema.js";

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

export function createDb(client: Client): Db {
  return drizzle(client as never, { schema }) as unknown as Db;
}

/**
 * Client options for a local file. `@libsql/client` keeps a pool of connections and opens another one
 * whenever two calls overlap; a PRAGMA run through the client reaches only the connection it ran on, so
 * pooled connections had no busy timeout and failed at once with SQLITE_BUSY while a second process held
 * the write lock (seen as 5xx in the two-process race test). `timeout` gives every connection the busy
 * timeout, and one connection keeps `tuneLocalDatabase`'s per-connection settings in force (statements
 * run synchronously on Node's one thread, so a second connection never ran anything in parallel anyway).
 */
export const LOCAL_FILE_CLIENT_OPTIONS = { timeout: 10_000, concurrency: 1 } as const;

/**
 * Connection settings for a local file. WAL lets readers run beside the one writer; `synchronous = NORMAL`
 * in WAL mode never loses a committed transaction when the process crashes (only on power loss), which is
 * the failure the crash test exercises; `busy_timeout` makes a second process wait for the write lock
 * instead of failing at once with SQLITE_BUSY.
 */
export async function tuneLocalDatabase(client: Client): Promise<void> {
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute("PRAGMA synchronous = NORMAL");
  await client.execute("PRAGMA busy_timeout = 10000");
  await client.execute("PRAGMA foreign_keys = ON");
}
