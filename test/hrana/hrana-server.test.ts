/**
 * Drives the local Hrana server (test/support/hrana-server.ts) with the same clients the Worker uses:
 * `@libsql/client/web`, over a real loopback TCP socket: basics, statements and batches. Transactions,
 * concurrency, Drizzle and the shared file: hrana-transactions.test.ts. The server itself: hrana-fixture.ts.
 */
import { createClient, LibsqlError } from "@libsql/client/web";
import { describe, expect, it } from "vitest";
import { startHranaServer } from "../support/hrana-server.js";
import { client, server, TOKEN, useHranaServer } from "./hrana-fixture.js";
import { scanSql } from "../support/hrana/sql-scan.js";

useHranaServer();

describe("server basics", () => {
  it("listens on 127.0.0.1 and answers the version probe", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/v2`);
    expect(res.status).toBe(200);
    // a protobuf probe must fail so a version-3 client falls back to JSON
    expect((await fetch(`${server.url}/v3-protobuf`)).status).toBe(404);
  });

  it("rejects a wrong auth token with a SERVER_ERROR the client surfaces", async () => {
    const bad = createClient({ url: server.url, authToken: "nope" });
    try {
      await expect(bad.execute("SELECT 1")).rejects.toMatchObject({ code: "SERVER_ERROR" });
    } finally {
      bad.close();
    }
  });

  it("creates a fresh temporary database for :memory: and removes it on stop", async () => {
    const mem = await startHranaServer({ dbPath: ":memory:" });
    const c = createClient({ url: mem.url });
    try {
      await c.execute("CREATE TABLE x (a)");
      await c.execute("INSERT INTO x VALUES (1)");
      // a second stream (new connection) sees the same database
      expect((await c.execute("SELECT count(*) AS n FROM x")).rows[0]!.n).toBe(1);
    } finally {
      c.close();
      await mem.stop();
    }
  });
});

describe("execute", () => {
  it("round-trips every value type through positional args", async () => {
    const blob = new Uint8Array([0, 1, 2, 250, 255]);
    const ins = await client.execute({
      sql: "INSERT INTO vals (i, f, s, b, n, any_col) VALUES (?, ?, ?, ?, ?, ?)",
      args: [9007199254740993n, 1.5, "héllo ✓", blob, null, 3],
    });
    expect(ins.rowsAffected).toBe(1);
    expect(ins.lastInsertRowid).toBe(1n);

    const bigClient = createClient({ url: server.url, authToken: TOKEN, intMode: "bigint" });
    try {
      const rs = await bigClient.execute(
        "SELECT i, f, s, b, n, any_col, typeof(i) AS ti, typeof(f) AS tf, typeof(b) AS tb, typeof(n) AS tn, typeof(any_col) AS ta FROM vals",
      );
      expect(rs.columns).toEqual(["i", "f", "s", "b", "n", "any_col", "ti", "tf", "tb", "tn", "ta"]);
      expect(rs.columnTypes.slice(0, 4)).toEqual(["INTEGER", "REAL", "TEXT", "BLOB"]);
      const row = rs.rows[0]!;
      expect(row.i).toBe(9007199254740993n);
      expect(row.f).toBe(1.5);
      expect(row.s).toBe("héllo ✓");
      expect(new Uint8Array(row.b as ArrayBuffer)).toEqual(blob);
      expect(row.n).toBeNull();
      // a JS number is sent as a Hrana float, exactly as to Turso: no column affinity -> REAL
      expect([row.ti, row.tf, row.tb, row.tn, row.ta]).toEqual(["integer", "real", "blob", "null", "real"]);
    } finally {
      bigClient.close();
    }
  });

  it("binds a lone blob or null argument positionally", async () => {
    const blob = await client.execute({ sql: "SELECT hex(?) AS h", args: [new Uint8Array([1, 2])] });
    expect(blob.rows[0]!.h).toBe("0102");
    const nul = await client.execute({ sql: "SELECT ? IS NULL AS n", args: [null] });
    expect(nul.rows[0]!.n).toBe(1);
  });

  it("binds named args with and without the prefix", async () => {
    const rs = await client.execute({
      sql: "SELECT :a AS a, @b AS b, $c AS c, :a + 1 AS a1",
      args: { a: 1n, "@b": "two", $c: null },
    });
    expect(rs.rows[0]).toMatchObject({ a: 1, b: "two", c: null, a1: 2 });
    const positional = await client.execute({ sql: "SELECT ?2 AS two, ?1 AS one", args: ["x", "y"] });
    expect(positional.rows[0]).toMatchObject({ two: "y", one: "x" });
  });

  it("reports rowsAffected and lastInsertRowid for writes, including RETURNING", async () => {
    await client.execute("INSERT INTO t (id, code) VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    const up = await client.execute("UPDATE t SET used = used + 1 WHERE id <= 2 RETURNING id");
    expect(up.rowsAffected).toBe(2);
    expect(up.rows.map((r) => r.id)).toEqual([1, 2]);
    const ins = await client.execute("INSERT INTO t (code) VALUES ('d') RETURNING id");
    expect(ins.lastInsertRowid).toBe(4n);
    expect(ins.rows[0]!.id).toBe(4);
    const sel = await client.execute("SELECT * FROM t");
    expect(sel.rowsAffected).toBe(0);
    expect(sel.lastInsertRowid).toBeUndefined();
  });

  it("surfaces a unique violation as SQLITE_CONSTRAINT with the SQLite message", async () => {
    await client.execute({ sql: "INSERT INTO t (code) VALUES (?)", args: ["DUP"] });
    const err = await client.execute({ sql: "INSERT INTO t (code) VALUES (?)", args: ["DUP"] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibsqlError);
    expect(err).toMatchObject({ code: "SQLITE_CONSTRAINT" });
    expect((err as Error).message).toMatch(/UNIQUE constraint failed: t\.code/);
  });

  it("reports SQL errors and protocol misuse as client errors, and keeps serving", async () => {
    await expect(client.execute("SELEC 1")).rejects.toMatchObject({ code: "SQLITE_ERROR" });
    await expect(client.execute("SELECT 1; SELECT 2")).rejects.toMatchObject({ code: "SQL_MANY_STATEMENTS" });
    await expect(client.execute("  -- nothing\n")).rejects.toMatchObject({ code: "SQL_NO_STATEMENT" });
    expect((await client.execute("SELECT 1 AS ok")).rows[0]!.ok).toBe(1);
  });
});

describe("batch", () => {
  it("commits all statements of a write batch", async () => {
    const results = await client.batch(
      [
        { sql: "INSERT INTO t (code) VALUES (?)", args: ["a"] },
        { sql: "INSERT INTO t (code) VALUES (?)", args: ["b"] },
        "SELECT count(*) AS n FROM t",
      ],
      "write",
    );
    expect(results).toHaveLength(3);
    expect(results[0]!.lastInsertRowid).toBe(1n);
    expect(results[2]!.rows[0]!.n).toBe(2);
  });

  it("rolls back the whole batch when a statement fails", async () => {
    await client.execute("INSERT INTO t (code) VALUES ('taken')");
    const err = await client
      .batch(
        [
          "INSERT INTO t (code) VALUES ('new-1')",
          "UPDATE t SET used = 7",
          "INSERT INTO t (code) VALUES ('taken')",
          "INSERT INTO t (code) VALUES ('new-2')",
        ],
        "write",
      )
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "SQLITE_CONSTRAINT", statementIndex: 2 });
    const rows = (await client.execute("SELECT code, used FROM t ORDER BY id")).rows;
    expect(rows.map((r) => [r.code, r.used])).toEqual([["taken", 0]]);
  });

  it("runs read and deferred batches and executeMultiple", async () => {
    await client.executeMultiple("INSERT INTO t (code) VALUES ('x'); INSERT INTO t (code) VALUES ('y');");
    const [a, b] = await client.batch(["SELECT count(*) AS n FROM t", "SELECT max(id) AS m FROM t"], "read");
    expect(a!.rows[0]!.n).toBe(2);
    expect(b!.rows[0]!.m).toBe(2);
    await client.batch(["DELETE FROM t WHERE code = 'x'"], "deferred");
    expect((await client.execute("SELECT count(*) AS n FROM t")).rows[0]!.n).toBe(1);
  });
});

describe("scanSql", () => {
  it("finds parameters, statements and the write verb", () => {
    expect(scanSql("SELECT ':x', \"?\", [a?], `b:c` -- ?\n /* :z */ FROM t WHERE a = ?").paramCount).toBe(1);
    expect(scanSql("SELECT :a, ?, :a, ?5, @b").params).toEqual([
      { index: 1, name: ":a" },
      { index: 2, name: null },
      { index: 5, name: null },
      { index: 6, name: "@b" },
    ]);
    expect(scanSql("SELECT 1; ").statements).toBe(1);
    expect(scanSql("SELECT 1; SELECT 2").statements).toBe(2);
    expect(scanSql("CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 1; DELETE FROM u; END;").statements).toBe(1);
    expect(scanSql("WITH x AS (SELECT 1) UPDATE t SET a = 1").dml).toBe("UPDATE");
    expect(scanSql("WITH x AS (DELETE FROM t) SELECT 1").dml).toBeNull();
    expect(scanSql("insert into t values (x'00ff')").dml).toBe("INSERT");
  });
});
