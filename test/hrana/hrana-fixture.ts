/**
 * The Hrana server both hrana suites drive: one per suite on a temp libSQL file behind a bearer token, a
 * `@libsql/client/web` client on it, and the two tables each test starts from, dropped and made again.
 * The bindings are live: read them inside tests and hooks, after `useHranaServer()` has run its beforeAll.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, createClient } from "@libsql/client/web";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type HranaServer, startHranaServer } from "../support/hrana-server.js";

export const TOKEN = "test-token";
export let server: HranaServer;
export let client: Client;
export let dbPath: string;

export function useHranaServer(): void {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "hrana-test-"));
    dbPath = join(dir, "test.db");
    server = await startHranaServer({ dbPath, authToken: TOKEN });
    client = createClient({ url: server.url, authToken: TOKEN });
  });

  afterAll(async () => {
    client?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await client.executeMultiple(`
      DROP TABLE IF EXISTS vals;
      DROP TABLE IF EXISTS t;
      CREATE TABLE vals (id INTEGER PRIMARY KEY, i INTEGER, f REAL, s TEXT, b BLOB, n, any_col);
      CREATE TABLE t (id INTEGER PRIMARY KEY, used INTEGER NOT NULL DEFAULT 0, code TEXT UNIQUE);
    `);
  });
}
