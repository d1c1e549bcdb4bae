/**
 * A `@libsql/client`-compatible client over ONE native `libsql` connection (the synchronous,
 * better-sqlite3-style driver `@libsql/client` itself runs on), for a local file or `:memory:`.
 *
 * Why: `@libsql/client` prepares every statement again on every call and reads its column metadata each
 * time, then builds each row with one `Object.defineProperty` per value; measured by `npm run bench`, that
 * was 80–225 µs per statement where the same statement prepared once costs ~16 µs. Here statements are
 * prepared once and kept (an LRU of `STATEMENT_CACHE_SIZE`), with their column names, types and a row
 * class built once per column list.
 *
 * It implements what Drizzle's libsql driver (session, migrator) and our code call: `execute`, `batch`,
 * `migrate`, `executeMultiple`, `close`, `closed`, `protocol`. Results and errors have @libsql/client's
 * shapes and value mapping (intMode "number": integers as numbers, RangeError beyond 2^53; blobs as
 * ArrayBuffer; booleans as 1/0, Dates as epoch milliseconds; `LibsqlError` / `LibsqlBatchError` with the
 * base code in `code`, the extended one in `extendedCode` and the native error as `cause`). Interactive
 * transactions are refused: the project never uses them (DESIGN.md), and on one shared connection every
 * other request would silently run inside them.
 */
import Database from "libsql";
import { Buffer } from "node:buffer";
import { closeSync, openSync, readSync } from "node:fs";
import { LibsqlBatchError, LibsqlError } from "@libsql/client";
import type { Client, InArgs, InStatement, InValue, ResultSet, Row, TransactionMode } from "@libsql/client";

/** Distinct SQL texts kept prepared. Our code issues a few dozen; dynamic ones (IN lists) churn the tail. */
export const STATEMENT_CACHE_SIZE = 500;

export interface NativeClientOptions {
  /** How long a write waits for another process's write lock before SQLITE_BUSY (default 10 s). */
  busyTimeoutMs?: number;
}

type NativeDb = InstanceType<typeof Database>;
type NativeStatement = ReturnType<NativeDb["prepare"]>;
type SqlValue = null | string | number | bigint | Buffer;

interface Prepared {
  stmt: NativeStatement;
  /** Returns rows (SELECT, PRAGMA, … RETURNING): read with `.all()` in raw mode, else `.run()`. */
  reader: boolean;
  /** Schema-changing text: cached statements' column lists may be stale after it runs. */
  ddl: boolean;
  /** Anything but a SELECT may change the database (INSERT … RETURNING reads too): it moves `dataVersion`. */
  mayWrite: boolean;
  columns: string[];
  columnTypes: string[];
  RowClass: RowConstructor;
}

/**
 * The native client for a local DATABASE_URL (`file:<path>`, `file:///<path>`, `:memory:` or
 * `file::memory:`), or null for anything else (libsql://, http(s)://, ws(s)://: @libsql/client's remote
 * clients) and for file URLs with query parameters, which only @libsql/client interprets.
 */
export function localDatabasePath(url: string): string | null {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  if (!url.startsWith("file:") || url.includes("?")) return null;
  let rest = url.slice("file:".length);
  if (rest.startsWith("//")) {
    const slash = rest.indexOf("/", 2);
    const host = rest.slice(2, slash === -1 ? undefined : slash);
    if (host !== "" && host !== "localhost") return null; // @libsql/client refuses it with a clear error
    rest = slash === -1 ? "" : rest.slice(slash);
  }
  return rest === "" ? null : decodeURIComponent(rest);
}

export type NativeClient = Client & { statementCacheSize(): number; dataVersion(): string };

export function createNativeClient(path: string, opts: NativeClientOptions = {}): NativeClient {
  return new NativeClientImpl(path, opts.busyTimeoutMs ?? 10_000);
}

class NativeClientImpl implements Client {
  closed = false;
  protocol = "file";
  readonly #db: NativeDb;
  readonly #cache = new Map<string, Prepared>();
  /** Statements of ours that may have written (see `dataVersion`). */
  #writes = 0;
  #dataVersionStmt: NativeStatement | null = null;
  /** The WAL-index (`-shm`) file, opened read-only, when the database is in WAL mode (see `dataVersion`). */
  #shm: { fd: number; buf: Buffer } | null = null;
  #unsettled = 0;

  constructor(path: string, busyTimeoutMs: number) {
    // `timeout` sets the connection's busy timeout (milliseconds): a second process holding the write
    // lock makes us wait for it instead of failing at once with SQLITE_BUSY. There is one connection,
    // so the per-connection PRAGMAs below stay in force for everything this client runs (@libsql/client's
    // pool opened extra connections without them, which gave SQLITE_BUSY 5xx with two processes).
    this.#db = new Database(path, { timeout: busyTimeoutMs });
    try {
      // WAL lets readers run beside the one writer; synchronous = NORMAL in WAL never loses a committed
      // transaction on a process crash (README "Security and durability"); foreign keys enforced.
      if (path !== ":memory:") this.#db.exec("PRAGMA journal_mode = WAL");
      this.#db.exec(`PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}; PRAGMA foreign_keys = ON`);
    } catch (e) {
      this.#db.close();
      throw mapError(e);
    }
    // The `-shm` file exists once a connection has read the database in WAL mode; ours stays open for the
    // client's life, so SQLite keeps the file (and our descriptor on it) as long as we read it.
    if (path !== ":memory:") {
      const mode = this.#db.prepare("PRAGMA journal_mode").raw(true).get([]) as [string];
      this.#db.prepare("SELECT count(*) FROM sqlite_master").raw(true).get([]);
      if (String(mode[0]).toLowerCase() === "wal") {
        try {
          this.#shm = { fd: openSync(`${path}-shm`, "r"), buf: Buffer.alloc(WAL_INDEX_HEADER * 2) };
        } catch {
          this.#shm = null; // no readable -shm: the pragma answers instead
        }
      }
    }
  }

  /** Statements currently prepared (for tests of the cache bound). */
  statementCacheSize(): number {
    return this.#cache.size;
  }

  /**
   * A value that differs whenever the database may have changed since it was last read; what reads are
   * cached by (worker/store/read-cache.ts). Two halves:
   * - other connections' commits: in WAL mode, the WAL-index header at the start of the `-shm` file,
   *   which every commit rewrites (its change counter, last frame and checksums; a WAL reset changes its
   *   salts). It is the very header SQLite's `PRAGMA data_version` compares, read with one pread instead
   *   of a statement (~2 µs against ~4 µs idle, and the pragma cost 20 µs under load). SQLite keeps two
   *   copies of it for readers that see a writer mid-update; when they differ, the answer is a value that
   *   matches nothing, so nothing is served or stored at it. Without a `-shm` file (`:memory:`, or a
   *   journal mode other than WAL) the pragma itself answers.
   * - our own commits, which neither sees from this connection: every statement of ours that may write is
   *   counted (before it runs, so one that fails still counts: a change is never missed).
   */
  dataVersion(): string {
    this.#checkOpen();
    if (this.#shm) {
      const h = this.#shm.buf;
      readSync(this.#shm.fd, h, 0, WAL_INDEX_HEADER * 2, 0);
      if (h.compare(h, 0, WAL_INDEX_HEADER, WAL_INDEX_HEADER, WAL_INDEX_HEADER * 2) !== 0) return `moving:${++this.#unsettled}`;
      return `${h.toString("base64", 0, WAL_INDEX_HEADER)}:${this.#writes}`;
    }
    if (!this.#dataVersionStmt) {
      this.#dataVersionStmt = this.#db.prepare("PRAGMA data_version");
      this.#dataVersionStmt.raw(true);
    }
    const row = this.#dataVersionStmt.get([]) as [number];
    return `${row[0]}:${this.#writes}`;
  }

  execute(stmt: InStatement): Promise<ResultSet>;
  execute(sql: string, args?: InArgs): Promise<ResultSet>;
  async execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    this.#checkOpen();
    if (typeof stmtOrSql === "string") return this.#run(stmtOrSql, args);
    return this.#run(stmtOrSql.sql, stmtOrSql.args);
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
   */
  async batch(stmts: Array<InStatement | [string, InArgs?]>, mode?: TransactionMode): Promise<ResultSet[]> {
    this.#checkOpen();
    const list = stmts.map((s) => (Array.isArray(s) ? { sql: s[0], args: s[1] } : typeof s === "string" ? { sql: s, args: undefined } : s));
    const begin =
      mode === "write" ? "BEGIN IMMEDIATE"
      : mode === "deferred" || mode === "read" ? "BEGIN DEFERRED"
      : mode === undefined ? (list.every((s) => /^\s*SELECT\b/i.test(s.sql)) ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE")
      : invalidMode();
    if (begin === "BEGIN DEFERRED") return this.#inTransaction(begin, list);
    return this.#commitInGroup(list);
  }

  // ---- group commit ---------------------------------------------------------------------------------
  //
  // Every write batch is its own transaction in meaning, but the write batches that arrive within one
  // turn of the event loop commit together: one BEGIN IMMEDIATE … COMMIT around all of them, each inside
  // its own SAVEPOINT. A COMMIT writes every page the transaction changed to the WAL, and concurrent
  // checkouts change the same pages (the coupon's counters, the right edge of each index), so one commit
  // for many batches writes far less than one per batch; measured, a redemption's write cost about half.
  //
  // What each batch keeps: it is all or nothing (a failed statement rolls back to its savepoint, and only
  // its promise rejects, with the error it would have had alone); batches run one after another in the
  // order they came, each seeing the ones before, as separate transactions would; and no promise resolves
  // before the COMMIT that makes its batch durable. A batch waits at most until the end of the current
  // event-loop turn (setImmediate) to run.

  #pending: PendingBatch[] = [];

  #commitInGroup(list: { sql: string; args?: InArgs }[]): Promise<ResultSet[]> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ list, resolve, reject });
      if (this.#pending.length === 1) setImmediate(() => this.#flushPending());
    });
  }

  #flushPending(): void {
    while (this.#pending.length > 0) {
      const group = this.#pending.splice(0, MAX_GROUP);
      if (this.closed) {
        for (const b of group) b.reject(new LibsqlError("The client is closed", "CLIENT_CLOSED"));
        continue;
      }
      if (group.length === 1) {
        settle(group[0], () => this.#inTransaction("BEGIN IMMEDIATE", group[0].list));
        continue;
      }
      this.#commitGroup(group);
    }
  }

  #commitGroup(group: PendingBatch[]): void {
    try {
      this.#db.exec("BEGIN IMMEDIATE");
    } catch (e) {
      const err = mapError(e);
      for (const b of group) b.reject(err);
      return;
    }
    const outcomes: ({ ok: true; results: ResultSet[] } | { ok: false; error: unknown })[] = [];
    for (const b of group) {
      this.#db.exec("SAVEPOINT batch_item");
      try {
        outcomes.push({ ok: true, results: this.#runStatements(b.list) });
        this.#db.exec("RELEASE batch_item");
      } catch (e) {
        if (!this.#db.inTransaction) {
          // A statement ended the whole transaction (ON CONFLICT ROLLBACK, RAISE(ROLLBACK)): everything of
          // this group is undone, so every batch runs again on its own, as it would have without grouping.
          for (const each of group) settle(each, () => this.#inTransaction("BEGIN IMMEDIATE", each.list));
          return;
        }
        this.#db.exec("ROLLBACK TO batch_item");
        this.#db.exec("RELEASE batch_item");
        outcomes.push({ ok: false, error: e instanceof LibsqlError ? e : mapError(e) });
      }
    }
    try {
      this.#db.exec("COMMIT");
    } catch (e) {
      if (this.#db.inTransaction) this.#db.exec("ROLLBACK");
      const err = mapError(e);
      for (const b of group) b.reject(err);
      return;
    }
    group.forEach((b, i) => {
      const o = outcomes[i];
      if (o.ok) b.resolve(o.results);
      else b.reject(o.error);
    });
  }

  /** Drizzle's migrator: the statements in one transaction with foreign keys off (as @libsql/client). */
  async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    this.#checkOpen();
    this.#writes++;
    this.#db.exec("PRAGMA foreign_keys = OFF");
    try {
      const list = stmts.map((s) => (typeof s === "string" ? { sql: s, args: undefined } : s));
      return this.#inTransaction("BEGIN DEFERRED", list);
    } finally {
      this.#cache.clear(); // tables changed: cached `SELECT *` column lists may be stale
      this.#db.exec("PRAGMA foreign_keys = ON");
    }
  }

  async executeMultiple(sql: string): Promise<void> {
    this.#checkOpen();
    this.#writes++;
    try {
      this.#db.exec(sql);
    } catch (e) {
      throw mapError(e);
    } finally {
      this.#cache.clear();
      // As @libsql/client, which rolls back what the script left open before the connection is reused.
      if (this.#db.inTransaction) this.#db.exec("ROLLBACK");
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
    this.#flushPending(); // write batches already handed to us are committed, not dropped
    this.closed = true;
    this.#cache.clear();
    this.#dataVersionStmt = null;
    if (this.#shm) closeSync(this.#shm.fd);
    this.#shm = null;
    this.#db.close();
  }

  #checkOpen(): void {
    if (this.closed) throw new LibsqlError("The client is closed", "CLIENT_CLOSED");
  }

  #inTransaction(begin: string, list: { sql: string; args?: InArgs }[]): ResultSet[] {
    try {
      this.#db.exec(begin);
    } catch (e) {
      throw mapError(e);
    }
    try {
      const results = this.#runStatements(list);
      this.#db.exec("COMMIT");
      return results;
    } catch (e) {
      if (this.#db.inTransaction) this.#db.exec("ROLLBACK");
      throw e instanceof LibsqlError ? e : mapError(e);
    }
  }

  /** A batch's statements, in order, inside an open transaction; a failure names its statement's index. */
  #runStatements(list: { sql: string; args?: InArgs }[]): ResultSet[] {
    const results: ResultSet[] = [];
    for (let i = 0; i < list.length; i++) {
      try {
        // A failed statement may have ended the transaction itself (e.g. ON CONFLICT ROLLBACK).
        if (!this.#db.inTransaction) throw new LibsqlBatchError("The transaction has been rolled back", i, "TRANSACTION_CLOSED");
        results.push(this.#run(list[i].sql, list[i].args));
      } catch (e) {
        if (e instanceof LibsqlBatchError) throw e;
        if (e instanceof LibsqlError)
          throw new LibsqlBatchError(e.message, i, e.code, e.extendedCode, e.rawCode, e.cause instanceof Error ? e.cause : undefined);
        throw e;
      }
    }
    return results;
  }

  #run(sql: string, inArgs: InArgs | undefined): ResultSet {
    const args = bindArgs(inArgs);
    const p = this.#prepare(sql);
    if (p.mayWrite) this.#writes++;
    try {
      if (!p.reader) {
        const info = p.stmt.run(args);
        if (p.ddl) this.#cache.clear();
        return new NativeResultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
      }
      const raw = p.stmt.all(args) as SqlValue[][];
      if (raw.length > 0 && raw[0].length !== p.columns.length) this.#describe(p); // re-prepared after a schema change elsewhere
      const rows = new Array<Row>(raw.length);
      for (let i = 0; i < raw.length; i++) rows[i] = new p.RowClass(fromSql(raw[i]));
      if (p.ddl) this.#cache.clear();
      // As @libsql/client: statements that return rows report no rowsAffected / lastInsertRowid.
      return new NativeResultSet(p.columns, p.columnTypes, rows, 0, undefined);
    } catch (e) {
      throw mapError(e);
    }
  }

  #prepare(sql: string): Prepared {
    const cache = this.#cache;
    let p = cache.get(sql);
    if (p) {
      // LRU: a hit moves to the end; the first key is the least recently used.
      cache.delete(sql);
      cache.set(sql, p);
      return p;
    }
    let stmt: NativeStatement;
    try {
      stmt = this.#db.prepare(sql);
    } catch (e) {
      throw mapError(e);
    }
    stmt.safeIntegers(true); // integers arrive as bigint, so out-of-range ones are refused, not rounded
    const reader = stmt.reader;
    if (reader) stmt.raw(true); // arrays, not objects keyed by column name: one allocation per row
    p = {
      stmt,
      reader,
      ddl: /^\s*(CREATE|ALTER|DROP)\b/i.test(sql),
      mayWrite: !/^\s*SELECT\b/i.test(sql),
      columns: [],
      columnTypes: [],
      RowClass: EmptyRow,
    };
    if (reader) this.#describe(p);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(sql, p);
    return p;
  }

  #describe(p: Prepared): void {
    const cols = p.stmt.columns();
    p.columns = cols.map((c) => c.name);
    p.columnTypes = cols.map((c) => c.type ?? "");
    p.RowClass = rowClass(p.columns);
  }
}

/** Bytes of one copy of SQLite's WAL-index header (https://www.sqlite.org/walformat.html, "WAL-index header"). */
const WAL_INDEX_HEADER = 48;

/** Write batches committed in one transaction at most (a bound on how long one turn of the loop holds the lock). */
const MAX_GROUP = 64;

interface PendingBatch {
  list: { sql: string; args?: InArgs }[];
  resolve(results: ResultSet[]): void;
  reject(error: unknown): void;
}

function settle(b: PendingBatch, run: () => ResultSet[]): void {
  try {
    b.resolve(run());
  } catch (e) {
    b.reject(e);
  }
}

function invalidMode(): never {
  throw new RangeError('Unknown transaction mode, supported values are "write", "read" and "deferred"');
}

// ---- values -------------------------------------------------------------------------------------------

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_I64 = -9223372036854775808n;
const MAX_I64 = 9223372036854775807n;

/** @libsql/client's intMode "number" and blob mapping, in place on the raw row. */
function fromSql(row: SqlValue[]): unknown[] {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === "bigint") {
      if (v < MIN_SAFE || v > MAX_SAFE) throw new RangeError("Received integer which cannot be safely represented as a JavaScript number");
      (row as unknown[])[i] = Number(v);
    } else if (v instanceof Buffer) {
      // As @libsql/client: the Buffer's own ArrayBuffer (the native driver gives each blob its own).
      (row as unknown[])[i] = v.buffer;
    }
  }
  return row;
}

function toSql(value: InValue | undefined): SqlValue {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError("Only finite numbers (not Infinity or NaN) can be passed as arguments");
    return value;
  }
  if (typeof value === "string" || value === null) return value;
  if (typeof value === "bigint") {
    if (value < MIN_I64 || value > MAX_I64) throw new RangeError("bigint is too large to be represented as a 64-bit integer and passed as argument");
    return value;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError("undefined cannot be passed as argument to the database");
  return value as unknown as SqlValue; // Uint8Array / Buffer: bound as a blob, as @libsql/client does
}

function bindArgs(args: InArgs | undefined): SqlValue[] | Record<string, SqlValue> {
  if (args === undefined) return [];
  if (Array.isArray(args)) {
    const out = new Array<SqlValue>(args.length);
    for (let i = 0; i < args.length; i++) out[i] = toSql(args[i]);
    return out;
  }
  const out: Record<string, SqlValue> = {};
  for (const name in args) {
    const bare = name[0] === "@" || name[0] === "$" || name[0] === ":" ? name.substring(1) : name;
    out[bare] = toSql((args as Record<string, InValue>)[name]);
  }
  return out;
}

// ---- rows and results ---------------------------------------------------------------------------------

type RowConstructor = new (values: unknown[]) => Row;

/**
 * Rows as @libsql/client's: column names as enumerable own properties (the first of duplicate names
 * wins), values by index and `length` non-enumerable, so `Object.keys`, spreads and JSON see the columns
 * only and `Array.prototype.slice.call(row)` (Drizzle) sees the values. The index accessors live on a
 * per-column-list prototype instead of one defineProperty per value per row (the client's cost).
 * Differences no caller here relies on: index properties are inherited, not own; a column named
 * `length` or like an index below the column count is reachable by index only (the client hides those too
 * except in one corner case).
 */
class RowBase {
  readonly #values: unknown[];
  constructor(values: unknown[]) {
    this.#values = values;
  }
  static valuesOf(row: RowBase): unknown[] {
    return row.#values;
  }
}
const valuesOf = RowBase.valuesOf;

const EmptyRow = rowClass([]);

function rowClass(columns: string[]): RowConstructor {
  const n = columns.length;
  const named: [string, number][] = [];
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const c = columns[i];
    if (seen.has(c) || c === "length" || (/^(0|[1-9]\d*)$/.test(c) && Number(c) < n)) continue;
    seen.add(c);
    named.push([c, i]);
  }
  const names = named.map(([c]) => c);
  const indexes = named.map(([, i]) => i);
  const C = class extends RowBase {
    constructor(values: unknown[]) {
      super(values);
      const self = this as unknown as Record<string, unknown>;
      for (let k = 0; k < names.length; k++) self[names[k]] = values[indexes[k]];
    }
  };
  for (let i = 0; i < n; i++)
    Object.defineProperty(C.prototype, i, {
      get(this: RowBase) {
        return valuesOf(this)[i];
      },
      enumerable: false,
    });
  Object.defineProperty(C.prototype, "length", { value: n, enumerable: false });
  return C as unknown as RowConstructor;
}

class NativeResultSet implements ResultSet {
  constructor(
    public columns: string[],
    public columnTypes: string[],
    public rows: Row[],
    public rowsAffected: number,
    public lastInsertRowid: bigint | undefined,
  ) {}

  toJSON() {
    return {
      columns: this.columns,
      columnTypes: this.columnTypes,
      rows: this.rows.map((row) => Array.prototype.map.call(row, valueToJson)),
      rowsAffected: this.rowsAffected,
      lastInsertRowid: this.lastInsertRowid !== undefined ? "" + this.lastInsertRowid : null,
    };
  }
}

function valueToJson(value: unknown): unknown {
  if (typeof value === "bigint") return "" + value;
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString("base64");
  return value;
}

// ---- errors -------------------------------------------------------------------------------------------

/** A native SqliteError as @libsql/client reports it: base code in `code`, extended in `extendedCode`. */
function mapError(e: unknown): unknown {
  if (e instanceof Database.SqliteError) {
    const raw = e.rawCode;
    const base = raw === undefined ? "SQLITE_UNKNOWN" : (SQLITE_CODES[raw & 0xff] ?? `SQLITE_UNKNOWN_${raw & 0xff}`);
    return new LibsqlError(e.message, base, e.code, raw, e);
  }
  return e;
}

const SQLITE_CODES: Record<number, string> = {
  1: "SQLITE_ERROR", 2: "SQLITE_INTERNAL", 3: "SQLITE_PERM", 4: "SQLITE_ABORT", 5: "SQLITE_BUSY", 6: "SQLITE_LOCKED",
  7: "SQLITE_NOMEM", 8: "SQLITE_READONLY", 9: "SQLITE_INTERRUPT", 10: "SQLITE_IOERR", 11: "SQLITE_CORRUPT",
  12: "SQLITE_NOTFOUND", 13: "SQLITE_FULL", 14: "SQLITE_CANTOPEN", 15: "SQLITE_PROTOCOL", 16: "SQLITE_EMPTY",
  17: "SQLITE_SCHEMA", 18: "SQLITE_TOOBIG", 19: "SQLITE_CONSTRAINT", 20: "SQLITE_MISMATCH", 21: "SQLITE_MISUSE",
  22: "SQLITE_NOLFS", 23: "SQLITE_AUTH", 24: "SQLITE_FORMAT", 25: "SQLITE_RANGE", 26: "SQLITE_NOTADB",
  27: "SQLITE_NOTICE", 28: "SQLITE_WARNING",
};
