/**
 * A `@libsql/client`-compatible client over ONE native `libsql` connection (the synchronous,
 * better-sqlite3-style driver `@libsql/client` itself runs on), for a local file or `:memory:`.
 * Its parts: statements prepared once (`statements.ts`), values and rows in @libsql/client's shapes
 * (`values.ts`, `rows.ts`, `errors.ts`), group commit of write batches (`group-commit.ts`), and the
 * data version the read cache keys by (`data-version.ts`).
 *
 * It implements what Drizzle's libsql driver (session, migrator) and our code call: `execute`, `batch`,
 * `migrate`, `executeMultiple`, `close`, `closed`, `protocol`. Results and errors have @libsql/client's
 * shapes (`LibsqlError` / `LibsqlBatchError` with the base code in `code`, the extended one in
 * `extendedCode` and the native error as `cause`). Interactive transactions are refused: the project
 * never uses them (README "Writes that hold under concurrency"), and on one shared connection every other
 * request would silently run inside them.
 */
import Database from "libsql";
import { LibsqlBatchError, LibsqlError } from "@libsql/client";
import type { Client, InArgs, InStatement, ResultSet, TransactionMode } from "@libsql/client";
import { DataVersion } from "./data-version.js";
import { mapError } from "./errors.js";
import { GroupCommit, type StatementList, type Transactions } from "./group-commit.js";
import { Statements } from "./statements.js";

export { STATEMENT_CACHE_SIZE } from "./statements.js";

export interface NativeClientOptions {
  /** How long a write waits for another process's write lock before SQLITE_BUSY (default 10 s). */
  busyTimeoutMs?: number;
}

export type NativeClient = Client & { statementCacheSize(): number; dataVersion(): string };

export function createNativeClient(path: string, opts: NativeClientOptions = {}): NativeClient {
  return new NativeClientImpl(path, opts.busyTimeoutMs ?? 10_000);
}

class NativeClientImpl implements Client, Transactions {
  closed = false;
  protocol = "file";
  readonly db: InstanceType<typeof Database>;
  readonly #statements: Statements;
  readonly #version: DataVersion;
  readonly #group = new GroupCommit(this);

  constructor(path: string, busyTimeoutMs: number) {
    // `timeout` sets the connection's busy timeout (milliseconds): a second process holding the write
    // lock makes us wait for it instead of failing at once with SQLITE_BUSY. There is one connection,
    // so the per-connection PRAGMAs below stay in force for everything this client runs (@libsql/client's
    // pool opened extra connections without them, which gave SQLITE_BUSY 5xx with two processes).
    this.db = new Database(path, { timeout: busyTimeoutMs });
    try {
      // WAL lets readers run beside the one writer; synchronous = NORMAL in WAL never loses a committed
      // transaction on a process crash (README "Security and durability"); foreign keys enforced.
      if (path !== ":memory:") this.db.exec("PRAGMA journal_mode = WAL");
      this.db.exec(
        `PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}; PRAGMA foreign_keys = ON`,
      );
    } catch (e) {
      this.db.close();
      throw mapError(e);
    }
    this.#statements = new Statements(this.db);
    this.#version = new DataVersion(this.db, path);
  }

  /** Statements currently prepared (for tests of the cache bound). */
  statementCacheSize(): number {
    return this.#statements.size;
  }

  /** Differs whenever the database may have changed since it was last read (see data-version.ts). */
  dataVersion(): string {
    this.#checkOpen();
    return this.#version.read(this.#statements.writes);
  }

  execute(stmt: InStatement): Promise<ResultSet>;
  execute(sql: string, args?: InArgs): Promise<ResultSet>;
  async execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    this.#checkOpen();
    if (typeof stmtOrSql === "string") return this.#statements.run(stmtOrSql, args);
    return this.#statements.run(stmtOrSql.sql, stmtOrSql.args);
  }

  /**
   * All statements in one transaction, or none. The native driver is synchronous: from BEGIN to COMMIT
   * this runs without yielding to the event loop, so no other request of this process can interleave a
   * statement on the shared connection — the reason one connection is safe for concurrent requests.
   * Another process on the same file is kept out by SQLite's write lock (and waited for, busy_timeout).
   *
   * Mode: "write" and the default take the write lock up front (BEGIN IMMEDIATE), so a batch that reads
   * before it writes never fails upgrading its lock while another process writes (SQLITE_BUSY without
   * waiting). @libsql/client defaults to "deferred"; Drizzle passes no mode, and every write batch of ours
   * wants IMMEDIATE. A default batch made only of SELECTs needs no write lock: it runs DEFERRED (one
   * consistent snapshot, like IMMEDIATE gives, without blocking another process's writer). "read" is
   * DEFERRED too: @libsql/client's `BEGIN TRANSACTION READONLY` is not enforced by the local driver either.
   * Write batches commit in groups (group-commit.ts).
   */
  async batch(stmts: Array<InStatement | [string, InArgs?]>, mode?: TransactionMode): Promise<ResultSet[]> {
    this.#checkOpen();
    const list = stmts.map((s) => (Array.isArray(s) ? { sql: s[0], args: s[1] } : typeof s === "string" ? { sql: s, args: undefined } : s));
    const begin =
      mode === "write"
        ? "BEGIN IMMEDIATE"
        : mode === "deferred" || mode === "read"
          ? "BEGIN DEFERRED"
          : mode === undefined
            ? list.every((s) => /^\s*SELECT\b/i.test(s.sql))
              ? "BEGIN DEFERRED"
              : "BEGIN IMMEDIATE"
            : invalidMode();
    if (begin === "BEGIN DEFERRED") return this.inTransaction(begin, list);
    return this.#group.submit(list);
  }

  /** Drizzle's migrator: the statements in one transaction with foreign keys off (as @libsql/client). */
  async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    this.#checkOpen();
    this.#statements.writes++;
    this.db.exec("PRAGMA foreign_keys = OFF");
    try {
      const list = stmts.map((s) => (typeof s === "string" ? { sql: s, args: undefined } : s));
      return this.inTransaction("BEGIN DEFERRED", list);
    } finally {
      this.#statements.clear(); // tables changed: cached `SELECT *` column lists may be stale
      this.db.exec("PRAGMA foreign_keys = ON");
    }
  }

  async executeMultiple(sql: string): Promise<void> {
    this.#checkOpen();
    this.#statements.writes++;
    try {
      this.db.exec(sql);
    } catch (e) {
      throw mapError(e);
    } finally {
      this.#statements.clear();
      // As @libsql/client, which rolls back what the script left open before the connection is reused.
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
    }
  }

  transaction(): Promise<never> {
    return Promise.reject(
      new LibsqlError(
        "Interactive transactions are not supported by the native client: one connection serves every request, " +
          "so other requests would run inside the transaction. Use batch() (atomic) instead.",
        "TRANSACTION_UNSUPPORTED",
      ),
    );
  }

  sync(): Promise<never> {
    return Promise.reject(new LibsqlError("sync() is only for embedded replicas", "SYNC_NOT_SUPPORTED"));
  }

  reconnect(): never {
    throw new LibsqlError("reconnect() is not supported by the native client; create a new one", "RECONNECT_UNSUPPORTED");
  }

  close(): void {
    if (this.closed) return;
    this.#group.flush(); // write batches already handed to us are committed, not dropped
    this.closed = true;
    this.#statements.clear();
    this.#version.close();
    this.db.close();
  }

  #checkOpen(): void {
    if (this.closed) throw new LibsqlError("The client is closed", "CLIENT_CLOSED");
  }

  inTransaction(begin: string, list: StatementList): ResultSet[] {
    try {
      this.db.exec(begin);
    } catch (e) {
      throw mapError(e);
    }
    try {
      const results = this.runStatements(list);
      this.db.exec("COMMIT");
      return results;
    } catch (e) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      throw e instanceof LibsqlError ? e : mapError(e);
    }
  }

  runStatements(list: StatementList): ResultSet[] {
    const results: ResultSet[] = [];
    for (let i = 0; i < list.length; i++) {
      try {
        // A failed statement may have ended the transaction itself (e.g. ON CONFLICT ROLLBACK).
        if (!this.db.inTransaction) throw new LibsqlBatchError("The transaction has been rolled back", i, "TRANSACTION_CLOSED");
        results.push(this.#statements.run(list[i].sql, list[i].args));
      } catch (e) {
        if (e instanceof LibsqlBatchError) throw e;
        if (e instanceof LibsqlError)
          throw new LibsqlBatchError(e.message, i, e.code, e.extendedCode, e.rawCode, e.cause instanceof Error ? e.cause : undefined);
        throw e;
      }
    }
    return results;
  }
}

function invalidMode(): never {
  throw new RangeError('Unknown transaction mode, supported values are "write", "read" and "deferred"');
}
