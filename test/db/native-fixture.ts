/**
 * A fresh database file per test for the native client suites: the native client and `@libsql/client` (the
 * reference) open on it, with the tables `items` and `vals` made. The bindings are live: read them inside
 * tests, after `useNativeFiles()` has run its beforeEach.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, createClient } from "@libsql/client";
import { afterAll, afterEach, beforeEach } from "vitest";
import { createNativeClient } from "../../worker/adapters/node/native-client/index.js";

export let file: string;
export let native: ReturnType<typeof createNativeClient>;
export let reference: Client;

/** Opens the native client on this test's file again (a test that closed it on purpose). */
export function reopenNative(): void {
  native = createNativeClient(file);
}

export function useNativeFiles(): void {
  const dir = mkdtempSync(join(tmpdir(), "native-client-"));
  let n = 0;
  beforeEach(async () => {
    file = join(dir, `db${++n}.sqlite`);
    native = createNativeClient(file);
    await native.executeMultiple(`
      CREATE TABLE items (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, qty INTEGER NOT NULL, price REAL, data BLOB,
        active INTEGER NOT NULL DEFAULT 1, at INTEGER);
      CREATE TABLE vals (id INTEGER PRIMARY KEY, i INTEGER, f REAL, s TEXT, b BLOB, n, any_col);
    `);
    reference = createClient({ url: `file:${file}` });
  });

  afterEach(() => {
    native.close();
    reference.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));
}
