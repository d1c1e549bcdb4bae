/**
 * The native libSQL client's batches (worker/adapters/node/native-client/): all or nothing, the errors
 * they raise, the write lock held from BEGIN, and group commit (the batches of one event-loop turn in one
 * transaction, each in its own savepoint). Result sets, Drizzle, the statement cache: native-client.test.ts.
 */
import { LibsqlBatchError, LibsqlError, type ResultSet } from "@libsql/client";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { file, native, reference, reopenNative, useNativeFiles } from "./native-fixture.js";
import { createDb } from "../../db/client.js";
import { createNativeClient } from "../../worker/adapters/node/native-client/index.js";
import { isUniqueViolation } from "../../worker/store/errors.js";

useNativeFiles();

describe("batches", () => {
  it("a failing statement rolls back every statement of the batch, and the error is a unique violation", async () => {
    await native.execute("INSERT INTO items (code, qty) VALUES ('taken', 1)");
    const err = await native
      .batch([
        { sql: "INSERT INTO items (code, qty) VALUES (?, ?)", args: ["new", 1] },
        { sql: "UPDATE items SET qty = qty + 100" },
        { sql: "INSERT INTO items (code, qty) VALUES (?, ?)", args: ["taken", 2] },
      ])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibsqlBatchError);
    expect(err).toMatchObject({ statementIndex: 2, code: "SQLITE_CONSTRAINT", extendedCode: "SQLITE_CONSTRAINT_UNIQUE" });
    expect((err as Error).message).toMatch(/UNIQUE constraint failed: items.code/);
    expect(isUniqueViolation(err)).toBe(true);
    expect((await native.execute("SELECT code, qty FROM items")).rows.map((r) => ({ ...r }))).toEqual([{ code: "taken", qty: 1 }]);
    // The same through Drizzle's batch (its error wrapper keeps the cause).
    const db = createDb(native);
    const viaDrizzle = await db
      .batch([
        db.run(sql`INSERT INTO items (code, qty) VALUES ('other', 1)`),
        db.run(sql`INSERT INTO items (id, code, qty) VALUES (1, 'dup-id', 1)`),
      ])
      .catch((e: unknown) => e);
    expect(isUniqueViolation(viaDrizzle)).toBe(true);
    expect((await native.execute("SELECT count(*) AS n FROM items")).rows[0].n).toBe(1);
    // The connection is usable and not left inside a transaction.
    await native.batch([{ sql: "INSERT INTO items (code, qty) VALUES ('after', 1)" }]);
    expect((await reference.execute("SELECT count(*) AS n FROM items")).rows[0].n).toBe(2);
  });

  it("a plain execute error is a LibsqlError with the base and extended codes and the native cause", async () => {
    await native.execute("INSERT INTO items (code, qty) VALUES ('x', 1)");
    const err = await native.execute("INSERT INTO items (code, qty) VALUES ('x', 1)").catch((e: unknown) => e);
    const ref = await reference.execute("INSERT INTO items (code, qty) VALUES ('x', 1)").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibsqlError);
    for (const k of ["message", "code", "extendedCode", "rawCode", "name"] as const)
      expect((err as LibsqlError)[k]).toEqual((ref as LibsqlError)[k]);
    expect(((err as Error).cause as { code: string }).code).toBe("SQLITE_CONSTRAINT_UNIQUE");
    expect(isUniqueViolation(err)).toBe(true);
    await expect(native.execute("SELECT nope FROM items")).rejects.toMatchObject({ code: "SQLITE_ERROR" });
  });

  it("write batches hold the write lock from BEGIN: a second connection waits, then sees all or nothing", async () => {
    const other = createNativeClient(file, { busyTimeoutMs: 50 });
    try {
      // While the reference connection holds the write lock, a write batch fails after the busy timeout,
      // leaving nothing behind.
      await reference.execute("CREATE TABLE IF NOT EXISTS lockprobe (x)");
      const tx = await reference.transaction("write");
      await tx.execute("INSERT INTO lockprobe VALUES (1)");
      const started = Date.now();
      await expect(other.batch([{ sql: "INSERT INTO items (code, qty) VALUES ('b', 1)" }])).rejects.toMatchObject({ code: "SQLITE_BUSY" });
      expect(Date.now() - started).toBeGreaterThanOrEqual(40);
      await tx.rollback();
      await other.batch([{ sql: "INSERT INTO items (code, qty) VALUES ('b', 1)" }]);
      expect((await native.execute("SELECT count(*) AS n FROM items")).rows[0].n).toBe(1);
    } finally {
      other.close();
    }
  });

  it("read batches run; interactive transactions and unknown modes are refused clearly", async () => {
    expect((await native.batch(["SELECT 1 AS one", "SELECT count(*) AS n FROM items"], "read")).map((r) => r.rows[0][0])).toEqual([1, 0]);
    await expect(native.batch(["SELECT 1"], "bogus" as never)).rejects.toBeInstanceOf(RangeError);
    await expect(native.transaction()).rejects.toMatchObject({ code: "TRANSACTION_UNSUPPORTED" });
  });
});

describe("group commit: write batches of one event-loop turn share a transaction", () => {
  const insert = (code: string, qty = 1) => ({ sql: "INSERT INTO items (code, qty) VALUES (?, ?)", args: [code, qty] });
  const codes = async () => (await reference.execute("SELECT code FROM items ORDER BY code")).rows.map((r) => r.code);

  it("concurrent batches each commit all or nothing: a failing one alone rolls back, with its own error", async () => {
    await native.execute("INSERT INTO items (code, qty) VALUES ('taken', 1)");
    const outcomes = await Promise.allSettled([
      native.batch([insert("a"), insert("a2")]),
      native.batch([insert("b"), insert("taken")]), // its second statement fails: "b" must not stay
      native.batch([insert("c"), { sql: "UPDATE items SET qty = qty + 10 WHERE code = 'c'" }]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const err = (outcomes[1] as PromiseRejectedResult).reason;
    expect(err).toBeInstanceOf(LibsqlBatchError);
    expect(err).toMatchObject({ statementIndex: 1, extendedCode: "SQLITE_CONSTRAINT_UNIQUE" });
    expect((outcomes[2] as PromiseFulfilledResult<ResultSet[]>).value[1].rowsAffected).toBe(1);
    expect(await codes()).toEqual(["a", "a2", "c", "taken"]);
    expect((await reference.execute("SELECT qty FROM items WHERE code = 'c'")).rows[0].qty).toBe(11);
  });

  it("batches run in the order they came, each seeing the ones before (a guarded insert takes the last unit once)", async () => {
    await native.execute("INSERT INTO items (code, qty) VALUES ('stock', 1)");
    // Each batch takes a unit only while one is left, as a reservation does.
    const take = (who: string) =>
      native.batch([
        { sql: "INSERT INTO items (code, qty) SELECT ?, 0 FROM items WHERE code = 'stock' AND qty > 0", args: [who] },
        { sql: "UPDATE items SET qty = qty - 1 WHERE code = 'stock' AND EXISTS (SELECT 1 FROM items WHERE code = ?)", args: [who] },
      ]);
    const results = await Promise.all(["w1", "w2", "w3"].map(take));
    expect(results.map((r) => r[0].rowsAffected)).toEqual([1, 0, 0]);
    expect(await codes()).toEqual(["stock", "w1"]);
  });

  it("a batch has committed when its promise resolves: another connection sees it at once", async () => {
    const pending = [native.batch([insert("x1")]), native.batch([insert("x2")])];
    await pending[0];
    expect(await codes()).toContain("x1");
    await pending[1];
    expect(await codes()).toEqual(["x1", "x2"]);
  });

  it("a statement that rolls back the whole transaction (OR ROLLBACK) still leaves the other batches committed", async () => {
    await native.execute("INSERT INTO items (code, qty) VALUES ('taken', 1)");
    const outcomes = await Promise.allSettled([
      native.batch([insert("before")]),
      native.batch([{ sql: "INSERT OR ROLLBACK INTO items (code, qty) VALUES ('taken', 2)" }]),
      native.batch([insert("after")]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await codes()).toEqual(["after", "before", "taken"]);
  });

  it("closing the client commits the batches already handed to it", async () => {
    const pending = native.batch([insert("late")]);
    native.close();
    await pending;
    expect(await codes()).toEqual(["late"]);
    reopenNative(); // for afterEach
  });
});
