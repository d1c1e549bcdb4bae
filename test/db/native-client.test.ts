/**
 * The native client (worker/adapters/node/native-client) against @libsql/client on the same file: the same
 * result sets for the same statements, Drizzle on top, a bounded statement cache, and the project's
 * migrations. Batches, their errors and group commit: native-client-batches.test.ts.
 */
import type { Client, ResultSet } from "@libsql/client";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql/web";
import { integer, blob, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { file, native, reference, useNativeFiles } from "./native-fixture.js";
import { createDb } from "../../db/client.js";
import { applyMigrations } from "../../db/migrate.js";
import { localDatabasePath } from "../../worker/adapters/node/database-url.js";
import { createNativeClient, STATEMENT_CACHE_SIZE } from "../../worker/adapters/node/native-client/index.js";

useNativeFiles();

const items = sqliteTable("items", {
  id: integer("id").primaryKey(),
  code: text("code").notNull().unique(),
  qty: integer("qty").notNull(),
  price: real("price"),
  data: blob("data"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  at: integer("at", { mode: "timestamp_ms" }),
});

/** What a caller can observe of a result set (rows by index, by name, as keys, and its JSON). */
function observe(rs: ResultSet) {
  return {
    columns: rs.columns,
    columnTypes: rs.columnTypes,
    rowsAffected: rs.rowsAffected,
    lastInsertRowid: rs.lastInsertRowid,
    byIndex: rs.rows.map((r) => Array.prototype.slice.call(r)),
    byName: rs.rows.map((r) => Object.fromEntries(rs.columns.map((c) => [c, r[c]]))),
    keys: rs.rows.map((r) => Object.keys(r)),
    lengths: rs.rows.map((r) => r.length),
    spread: rs.rows.map((r) => ({ ...r })),
    json: JSON.stringify(rs),
  };
}

describe("result sets match @libsql/client on the same file", () => {
  it("every value type, duplicate column names, writes with RETURNING, updates and empty results", async () => {
    const blobBytes = new Uint8Array([0, 1, 2, 250, 255]);
    const statements: { sql: string; args?: unknown[] | Record<string, unknown> }[] = [
      { sql: "INSERT INTO vals (i, f, s, b, n, any_col) VALUES (?, ?, ?, ?, ?, ?)", args: [42, 1.5, "héllo", blobBytes.buffer, null, "x"] },
      {
        sql: "INSERT INTO vals (i, f, s, b, n, any_col) VALUES (?, ?, ?, ?, ?, ?)",
        args: [Number.MAX_SAFE_INTEGER, -0.25, "", new ArrayBuffer(0), null, 7],
      },
      { sql: "INSERT INTO vals (i, s) VALUES (:i, $s)", args: { ":i": true, $s: "named" } },
      { sql: "INSERT INTO vals (i, s) VALUES (?, ?)", args: [new Date(1_700_000_000_000), "date"] },
      { sql: "INSERT INTO vals (i, s) VALUES (?, ?)", args: [123n, "bigint"] },
      { sql: "SELECT * FROM vals ORDER BY id" },
      { sql: "SELECT id, i AS a, s AS a, 1 + 1 AS two, NULL AS none FROM vals ORDER BY id" },
      { sql: "SELECT typeof(b) AS t, length(b) AS len, b FROM vals ORDER BY id" },
      { sql: "UPDATE vals SET s = s || '!' WHERE i > ?", args: [0] },
      { sql: "INSERT INTO vals (i) VALUES (?) RETURNING id, i", args: [9] },
      { sql: "DELETE FROM vals WHERE i = ? RETURNING id", args: [9] },
      { sql: "SELECT * FROM vals WHERE id < 0" },
      { sql: "SELECT count(*) AS n, max(i) AS top, min(f) AS low FROM vals" },
      { sql: "PRAGMA foreign_keys" },
    ];
    for (const s of statements) {
      // Writes run once, through the native client; every read runs through both and must look the same.
      const a = await native.execute(s as never);
      if (/^\s*(SELECT|PRAGMA)/i.test(s.sql)) {
        const b = await reference.execute(s as never);
        const oa = observe(a);
        const ob = observe(b);
        // PRAGMA foreign_keys: the native client turns it on; the bare reference connection does not.
        if (s.sql.startsWith("PRAGMA")) expect(oa.columns).toEqual(ob.columns);
        else expect(oa).toEqual(ob);
        // blobs as ArrayBuffer, integers as numbers
        for (const row of a.rows) for (let i = 0; i < row.length; i++) expect(typeof row[i] === "bigint").toBe(false);
      }
    }
    const blobs = (await native.execute("SELECT b FROM vals WHERE b IS NOT NULL ORDER BY id")).rows.map((r) => r.b);
    expect(blobs[0]).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(blobs[0] as ArrayBuffer)]).toEqual([...blobBytes]);
  });

  it("the same writes give the same rowsAffected and lastInsertRowid through both clients", async () => {
    await native.execute("CREATE TABLE w (id INTEGER PRIMARY KEY, v INTEGER)");
    const run = async (c: Client) => {
      const out = [];
      out.push(observe(await c.execute({ sql: "INSERT INTO w (v) VALUES (?), (?)", args: [1, 2] })));
      out.push(observe(await c.execute({ sql: "UPDATE w SET v = v + 10 WHERE v >= ?", args: [0] })));
      out.push(observe(await c.execute({ sql: "INSERT INTO w (v) VALUES (?) RETURNING *", args: [3] })));
      out.push(observe(await c.execute({ sql: "DELETE FROM w WHERE v > 100" })));
      out.push(observe(await c.execute("SELECT * FROM w ORDER BY id")));
      out.push(...(await c.batch([{ sql: "INSERT INTO w (v) VALUES (5)" }, "SELECT count(*) AS n FROM w"], "write")).map(observe));
      await c.execute("DELETE FROM w");
      return out;
    };
    const a = await run(native);
    // Same rowids again: the table is emptied and INTEGER PRIMARY KEY reuses max(rowid)+1.
    const b = await run(reference);
    expect(a).toEqual(b);
    expect(a[0].lastInsertRowid).toBe(2n);
    expect(a[0].rowsAffected).toBe(2);
    expect(a[2].lastInsertRowid).toBeUndefined();
  });

  it("refuses values the client refuses: unsafe integers read, non-finite numbers and undefined bound", async () => {
    await native.execute({ sql: "INSERT INTO vals (i) VALUES (?)", args: [2n ** 60n] });
    const expectSame = async (stmt: { sql: string; args?: unknown[] }) => {
      const a = await native.execute(stmt as never).then(
        () => "ok",
        (e: Error) => `${e.constructor.name}: ${e.message}`,
      );
      const b = await reference.execute(stmt as never).then(
        () => "ok",
        (e: Error) => `${e.constructor.name}: ${e.message}`,
      );
      expect(a).toBe(b);
      expect(a).not.toBe("ok");
    };
    await expectSame({ sql: "SELECT i FROM vals" });
    await expectSame({ sql: "SELECT ?", args: [Infinity] });
    await expectSame({ sql: "SELECT ?", args: [undefined] });
    await expectSame({ sql: "SELECT ?", args: [2n ** 64n] });
    expect((await native.execute("SELECT CAST(i AS TEXT) AS s FROM vals")).rows[0].s).toBe(String(2n ** 60n));
  });
});

describe("Drizzle over the native client", () => {
  it("inserts, selects, updates and returns rows with typed columns", async () => {
    const db = drizzle(native as never, { schema: { items } });
    const at = new Date(1_750_000_000_000);
    const inserted = await db
      .insert(items)
      .values({ code: "A", qty: 3, price: 9.5, data: Buffer.from("hi"), active: false, at })
      .returning();
    expect(inserted).toEqual([{ id: 1, code: "A", qty: 3, price: 9.5, data: Buffer.from("hi"), active: false, at }]);
    await db.insert(items).values([
      { code: "B", qty: 1 },
      { code: "C", qty: 2 },
    ]);
    const updated = await db
      .update(items)
      .set({ qty: sql`${items.qty} + 1` })
      .where(eq(items.code, "B"))
      .returning({ id: items.id, qty: items.qty });
    expect(updated).toEqual([{ id: 2, qty: 2 }]);
    const run = await db.update(items).set({ qty: 0 }).where(sql`${items.qty} < 3`);
    expect(run.rowsAffected).toBe(2);
    expect(await db.select({ code: items.code, qty: items.qty }).from(items).orderBy(items.id)).toEqual([
      { code: "A", qty: 3 },
      { code: "B", qty: 0 },
      { code: "C", qty: 0 },
    ]);
    expect(await db.all(sql`SELECT code, qty FROM items WHERE id = ${1}`)).toEqual([{ code: "A", qty: 3 }]);
    expect(await db.get(sql`SELECT count(*) AS n FROM items`)).toEqual({ n: 3 });
    const prepared = db
      .select()
      .from(items)
      .where(eq(items.code, sql.placeholder("code")))
      .prepare();
    expect((await prepared.all({ code: "C" }))[0].active).toBe(true);
    const [x, y] = await db.batch([db.select({ n: sql<number>`count(*)` }).from(items), db.delete(items).where(eq(items.code, "C"))]);
    expect(x).toEqual([{ n: 3 }]);
    expect(y.rowsAffected).toBe(1);
  });

  it("the project's migrations apply through drizzle's migrator, and again changes nothing", async () => {
    const client = createNativeClient(file.replace(/\.sqlite$/, "-migrations.sqlite"));
    try {
      const db = createDb(client);
      await applyMigrations(db);
      await applyMigrations(db);
      const tables = (await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).rows.map((r) => r.name);
      expect(tables).toEqual(expect.arrayContaining(["coupons", "claims", "redemptions", "shops", "__drizzle_migrations"]));
      const applied = (await client.execute("SELECT count(*) AS n FROM __drizzle_migrations")).rows[0].n;
      const { readdirSync } = await import("node:fs");
      const { MIGRATIONS_FOLDER } = await import("../../db/migrate.js");
      expect(applied).toBe(readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith(".sql")).length);
      expect((await client.execute("PRAGMA foreign_keys")).rows[0][0]).toBe(1);
      expect((await client.execute("PRAGMA journal_mode")).rows[0][0]).toBe("wal");
    } finally {
      client.close();
    }
  });
});

describe("statement cache", () => {
  it("keeps one prepared statement per SQL text, bounded, and never answers one SQL with another's", async () => {
    await native.executeMultiple("INSERT INTO items (code, qty) VALUES ('a', 1), ('b', 2)");
    const before = native.statementCacheSize();
    for (let i = 0; i < 3; i++) await native.execute({ sql: "SELECT qty FROM items WHERE code = ?", args: ["a"] });
    expect(native.statementCacheSize()).toBe(before + 1);
    // Same shape, different text and columns: each its own statement and column list.
    expect((await native.execute({ sql: "SELECT qty AS q FROM items WHERE code = ?", args: ["b"] })).rows[0]).toMatchObject({ q: 2 });
    expect((await native.execute({ sql: "SELECT code, qty FROM items WHERE code = ?", args: ["a"] })).columns).toEqual(["code", "qty"]);
    expect((await native.execute({ sql: "SELECT qty FROM items WHERE code = ?", args: ["b"] })).rows.map((r) => ({ ...r }))).toEqual([
      { qty: 2 },
    ]);
    for (let i = 0; i < STATEMENT_CACHE_SIZE + 50; i++) {
      const rs = await native.execute({ sql: `SELECT ${i} AS v, qty FROM items WHERE code = ?`, args: ["b"] });
      expect(rs.rows[0].v).toBe(i);
    }
    expect(native.statementCacheSize()).toBe(STATEMENT_CACHE_SIZE);
    // A schema change: a cached `SELECT *` answers with the new column list.
    const star = "SELECT * FROM items WHERE code = 'a'";
    expect((await native.execute(star)).columns).not.toContain("extra");
    await native.execute("ALTER TABLE items ADD COLUMN extra TEXT DEFAULT 'e'");
    const after = await native.execute(star);
    expect(after.columns).toContain("extra");
    expect(after.rows[0].extra).toBe("e");
  });
});

describe("which DATABASE_URLs the Node server runs natively", () => {
  it("local files and :memory: natively; remote URLs and file URLs with options through @libsql/client", () => {
    expect(localDatabasePath("file:/data/coupons.db")).toBe("/data/coupons.db");
    expect(localDatabasePath("file:///data/my%20db.sqlite")).toBe("/data/my db.sqlite");
    expect(localDatabasePath("file://localhost/data/x.db")).toBe("/data/x.db");
    expect(localDatabasePath("file:data/rel.db")).toBe("data/rel.db");
    expect(localDatabasePath(":memory:")).toBe(":memory:");
    expect(localDatabasePath("file::memory:")).toBe(":memory:");
    for (const remote of [
      "libsql://db.turso.io",
      "https://db.example",
      "http://127.0.0.1:8080",
      "ws://x",
      "file://host/x.db",
      "file:/x.db?mode=ro",
    ])
      expect(localDatabasePath(remote)).toBeNull();
  });
});
