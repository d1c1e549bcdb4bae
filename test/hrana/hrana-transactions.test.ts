/**
 * The local Hrana server (test/support/hrana-server.ts) under what the Worker relies on: interactive
 * transactions, concurrent writers, Drizzle and the project's migrations, and a file the Node client reads.
 * Basics, statements and batches: hrana-server.test.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient as createLocalClient } from "@libsql/client";
import { createClient } from "@libsql/client/web";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql/web";
import { migrate } from "drizzle-orm/libsql/migrator";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { startHranaServer } from "../support/hrana-server.js";
import { client, dbPath, useHranaServer } from "./hrana-fixture.js";

useHranaServer();

describe("interactive transactions", () => {
  it("commits", async () => {
    const tx = await client.transaction("write");
    try {
      await tx.execute("INSERT INTO t (code) VALUES ('tx-1')");
      const inside = await tx.execute("SELECT count(*) AS n FROM t");
      expect(inside.rows[0]!.n).toBe(1);
      await tx.batch(["INSERT INTO t (code) VALUES ('tx-2')", "UPDATE t SET used = 5"]);
      await tx.commit();
    } finally {
      tx.close();
    }
    const rows = (await client.execute("SELECT code, used FROM t ORDER BY id")).rows;
    expect(rows.map((r) => [r.code, r.used])).toEqual([
      ["tx-1", 5],
      ["tx-2", 5],
    ]);
  });

  it("rolls back, and other streams never see uncommitted writes", async () => {
    const tx = await client.transaction("write");
    try {
      await tx.execute("INSERT INTO t (code) VALUES ('ghost')");
      expect((await client.execute("SELECT count(*) AS n FROM t")).rows[0]!.n).toBe(0);
      await tx.rollback();
    } finally {
      tx.close();
    }
    expect((await client.execute("SELECT count(*) AS n FROM t")).rows[0]!.n).toBe(0);
  });

  it("keeps the transaction usable after a failing statement, as on Turso", async () => {
    await client.execute("INSERT INTO t (code) VALUES ('dup')");
    const tx = await client.transaction("write");
    try {
      await expect(tx.execute("INSERT INTO t (code) VALUES ('dup')")).rejects.toMatchObject({
        code: "SQLITE_CONSTRAINT",
      });
      await tx.execute("INSERT INTO t (code) VALUES ('after')");
      await tx.commit();
    } finally {
      tx.close();
    }
    expect((await client.execute("SELECT count(*) AS n FROM t")).rows[0]!.n).toBe(2);
  });

  it("makes a concurrent write batch wait for an open write transaction instead of failing", async () => {
    const tx = await client.transaction("write");
    let batchDone = false;
    const batch = client.batch(["INSERT INTO t (code) VALUES ('second')"], "write").then(() => (batchDone = true));
    try {
      await tx.execute("INSERT INTO t (code) VALUES ('first')");
      await new Promise((r) => setTimeout(r, 50));
      expect(batchDone).toBe(false);
      await tx.commit();
    } finally {
      tx.close();
    }
    await batch;
    const rows = (await client.execute("SELECT code FROM t ORDER BY id")).rows;
    expect(rows.map((r) => r.code)).toEqual(["first", "second"]);
  });
  it("expires an idle stream, rolling back its transaction and releasing the write lock", async () => {
    const short = await startHranaServer({ dbPath: ":memory:", streamIdleTimeoutMs: 150 });
    const c = createClient({ url: short.url });
    try {
      await c.execute("CREATE TABLE x (a)");
      const tx = await c.transaction("write");
      await tx.execute("INSERT INTO x VALUES (1)");
      await new Promise((r) => setTimeout(r, 400));
      await expect(tx.execute("INSERT INTO x VALUES (2)")).rejects.toMatchObject({ code: "STREAM_EXPIRED" });
      tx.close();
      await c.batch(["INSERT INTO x VALUES (3)"], "write");
      expect((await c.execute("SELECT a FROM x")).rows.map((r) => r.a)).toEqual([3]);
    } finally {
      c.close();
      await short.stop();
    }
  });
});

describe("concurrency", () => {
  it("50 concurrent conditional updates give exactly 25 successes", async () => {
    await client.execute("INSERT INTO t (id, used) VALUES (1, 0)");
    const results = await Promise.all(
      Array.from({ length: 50 }, () => client.execute("UPDATE t SET used = used + 1 WHERE id = 1 AND used < 25 RETURNING used")),
    );
    const updated = results.filter((r) => r.rows.length === 1);
    expect(updated).toHaveLength(25);
    expect(updated.every((r) => r.rowsAffected === 1)).toBe(true);
    expect(updated.map((r) => r.rows[0]!.used).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect((await client.execute("SELECT used FROM t WHERE id = 1")).rows[0]!.used).toBe(25);
  });

  it("50 concurrent write batches and transactions all apply", async () => {
    await client.execute("INSERT INTO t (id, used) VALUES (1, 0)");
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        if (i % 2 === 0) {
          await client.batch(["UPDATE t SET used = used + 1 WHERE id = 1"], "write");
        } else {
          const tx = await client.transaction("write");
          try {
            const cur = await tx.execute("SELECT used FROM t WHERE id = 1");
            await tx.execute({ sql: "UPDATE t SET used = ? WHERE id = 1", args: [Number(cur.rows[0]!.used) + 1] });
            await tx.commit();
          } finally {
            tx.close();
          }
        }
      }),
    );
    expect((await client.execute("SELECT used FROM t WHERE id = 1")).rows[0]!.used).toBe(50);
  });
});

describe("drizzle-orm/libsql/web", () => {
  const items = sqliteTable("items", {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    qty: integer("qty").notNull(),
    meta: text("meta", { mode: "json" }).$type<{ tags: string[] }>(),
  });

  it("inserts, selects, updates, batches and transacts", async () => {
    const db = drizzle(client);
    await db.run(sql`DROP TABLE IF EXISTS items`);
    await db.run(
      sql`CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL UNIQUE, qty INTEGER NOT NULL, meta TEXT)`,
    );
    const [first] = await db
      .insert(items)
      .values({ code: "A", qty: 1, meta: { tags: ["x"] } })
      .returning();
    expect(first).toEqual({ id: 1, code: "A", qty: 1, meta: { tags: ["x"] } });

    await db.batch([
      db.insert(items).values({ code: "B", qty: 2 }),
      db
        .update(items)
        .set({ qty: sql`${items.qty} + 10` })
        .where(eq(items.code, "A")),
    ]);
    expect(await db.select().from(items).orderBy(items.id)).toEqual([
      { id: 1, code: "A", qty: 11, meta: { tags: ["x"] } },
      { id: 2, code: "B", qty: 2, meta: null },
    ]);

    const dup = await db
      .insert(items)
      .values({ code: "A", qty: 0 })
      .catch((e: unknown) => e);
    // drizzle wraps the driver error; the LibsqlError is its cause
    const cause = (dup as { cause?: unknown }).cause ?? dup;
    expect(cause).toMatchObject({ code: "SQLITE_CONSTRAINT" });
    expect(String((cause as Error).message)).toMatch(/UNIQUE constraint failed: items\.code/);

    await expect(
      db.transaction(async (tx) => {
        await tx.update(items).set({ qty: 0 });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    await db.transaction(async (tx) => {
      await tx.delete(items).where(eq(items.code, "B"));
    });
    expect(await db.select({ code: items.code, qty: items.qty }).from(items)).toEqual([{ code: "A", qty: 11 }]);
  });

  it("applies the project's migrations through client.migrate()", async () => {
    const mem = await startHranaServer({ dbPath: ":memory:" });
    const c = createClient({ url: mem.url });
    try {
      const db = drizzle(c);
      const migrationsFolder = fileURLToPath(new URL("../../db/migrations", import.meta.url));
      await migrate(db, { migrationsFolder });
      await migrate(db, { migrationsFolder }); // idempotent
      const tables = await c.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'shops'");
      expect(tables.rows).toHaveLength(1);
      // Each committed migration applied once, however many runs of migrate().
      const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
      expect((await c.execute("SELECT count(*) AS n FROM __drizzle_migrations")).rows[0]!.n).toBe(journal.entries.length);
      // migrate() turns foreign keys off and back on inside its own stream only
      expect((await c.execute("PRAGMA foreign_keys")).rows[0]).toBeDefined();
    } finally {
      c.close();
      await mem.stop();
    }
  });
});

describe("shared file", () => {
  it("is a real libSQL database the local Node client can read", async () => {
    await client.execute("INSERT INTO t (code) VALUES ('from-hrana')");
    const local = createLocalClient({ url: `file:${dbPath}` });
    try {
      const rs = await local.execute("SELECT code FROM t");
      expect(rs.rows.map((r) => r.code)).toEqual(["from-hrana"]);
    } finally {
      local.close();
    }
  });
});
