/**
 * Wraps a libSQL client in Drizzle. The client itself is made by the entry point: on Node the native client
 * (worker/adapters/node/native-client) for a file or :memory: and `@libsql/client` for a remote database,
 * `@libsql/client/web` on Workers (remote over HTTP). Nothing here is a
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
