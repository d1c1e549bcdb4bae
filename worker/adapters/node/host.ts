/**
 * What the app gets from Node that Workers do not have: a local database file on the native client
 * (statements prepared once, group commit), reads kept while that file is unchanged, a synchronous
 * SHA-256, and the client's address from the socket. Only the Node entry (and the tests, which run the
 * app as Node does) call these.
 */
import { createClient } from "@libsql/client";
import { getConnInfo } from "@hono/node-server/conninfo";
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createDb, type Db } from "../../../db/client.js";
import { compileParse } from "./compiled-parse.js";
import type { AppConfig } from "../../lib/config.js";
import { ReadCache } from "../../store/read-cache.js";
import { localDatabasePath } from "./database-url.js";
import { createNativeClient, type NativeClient } from "./native-client/index.js";
import { resolveHost } from "./webhook-post.js";

/** A local file or `:memory:` on the native client; a remote database on @libsql/client. */
export function openDatabase(url: string, authToken?: string): { db: Db; native: NativeClient | null } {
  const path = localDatabasePath(url);
  if (path === null) return { db: createDb(createClient({ url, authToken })), native: null };
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const native = createNativeClient(path);
  return { db: createDb(native), native };
}

/** SHA-256 (hex) of a text, synchronously (Node's `crypto`; WebCrypto's is a promise). */
export const sha256HexSync = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The client's address as @hono/node-server's socket knows it (for a request served by `serve`). */
export const socketAddress: NonNullable<AppConfig["clientAddress"]> = (c) => getConnInfo(c).remote.address;

/** Gives the app Node's fast paths: the read cache (only over a native client), the sync SHA-256, compiled request parsing. */
export function useNodeFastPaths(config: AppConfig, native: NativeClient | null): void {
  config.sha256Hex = sha256HexSync;
  // Request bodies' success paths compiled from their zod schemas (zod still words every refusal).
  config.compileParse = compileParse;
  // Webhook URLs of live shops are judged by what their names resolve to, not only as written.
  config.resolveHost = resolveHost;
  // A local file tells when it changed (its WAL-index header + our own writes), so hot reads can be kept exactly.
  if (native) config.readCache = new ReadCache(() => native.dataVersion());
}
