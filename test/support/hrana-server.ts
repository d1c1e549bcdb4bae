/**
 * A small Hrana-over-HTTP server (the protocol Turso/sqld speaks) backed by a real libSQL database
 * file, so that code using `@libsql/client/web` (the Worker build) can run against a local database
 * without sqld or the network.
 *
 * What `@libsql/client` 0.18 (hrana-client 0.10) actually uses over HTTP:
 *   - it never probes versions: `hrana.openHttp()` is called without a protocol version, so the client
 *     goes straight to Hrana 2 with JSON encoding, `POST /v2/pipeline` (no cursors, no protobuf, no
 *     `is_autocommit` conditions). `/v3/pipeline` (JSON) is served too, with the version 3 additions
 *     (`get_autocommit`, `is_autocommit` conditions). The protobuf endpoints (`/v3-protobuf/...`) answer
 *     404, which is what makes a version-3 client fall back to `/v2`.
 *   - `execute`, `batch`, `migrate` and `executeMultiple` each open a stream, run and close it in one
 *     pipeline request; `transaction()` keeps a stream open across requests with the baton.
 *
 * Each Hrana stream owns its own libSQL connection (the `libsql` package, the native driver inside
 * `@libsql/client`'s node build), so an open interactive transaction is isolated from everything else
 * exactly as on sqld. Statements run synchronously on Node's event loop; if a statement finds the
 * database locked by another stream's open transaction (SQLITE_BUSY), it is retried asynchronously
 * until `busyTimeoutMs` passes, which plays the role of sqld's busy handling without blocking the loop.
 *
 * Errors follow sqld: a SQLite failure is a Hrana error with code `SQLITE_<BASE CODE>` (e.g.
 * `SQLITE_CONSTRAINT`) and message `SQLite error: <sqlite message>`. `@libsql/client` turns that into
 * `LibsqlError { code: "SQLITE_CONSTRAINT", message: "SQLITE_CONSTRAINT: SQLite error: UNIQUE
 * constraint failed: t.col" }` (no `extendedCode` over HTTP, unlike the local file client).
 *
 * Known approximations: `rows_read`/`rows_written` are estimates (rows returned / rows changed; the
 * client ignores both); SQL errors that sqld reports at parse time (`SQL_PARSE_ERROR`) come back as
 * the `SQLITE_ERROR` SQLite gives at prepare time.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";

export interface HranaServerOptions {
  /** Database file path, or ":memory:" for a fresh database deleted on `stop()`. */
  dbPath: string;
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** If set, pipeline requests must carry `Authorization: Bearer <authToken>`. */
  authToken?: string;
  /** How long an idle stream (an open baton) lives, like sqld's 10 s. */
  streamIdleTimeoutMs?: number;
  /** How long a statement waits for another stream's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

export interface HranaServer {
  /** e.g. `http://127.0.0.1:38211`, ready for `createClient({ url })`. */
  url: string;
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Protocol types (JSON encoding, Hrana 2/3)

type ProtoValue =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };

interface ProtoStmt {
  sql?: string | null;
  sql_id?: number | null;
  args?: ProtoValue[];
  named_args?: { name: string; value: ProtoValue }[];
  want_rows?: boolean;
}

type ProtoCond =
  | { type: "ok"; step: number }
  | { type: "error"; step: number }
  | { type: "not"; cond: ProtoCond }
  | { type: "and"; conds: ProtoCond[] }
  | { type: "or"; conds: ProtoCond[] }
  | { type: "is_autocommit" };

interface ProtoBatch {
  steps: { condition?: ProtoCond | null; stmt: ProtoStmt }[];
}

type StreamRequest =
  | { type: "close" }
  | { type: "execute"; stmt: ProtoStmt }
  | { type: "batch"; batch: ProtoBatch }
  | { type: "sequence"; sql?: string | null; sql_id?: number | null }
  | { type: "describe"; sql?: string | null; sql_id?: number | null }
  | { type: "store_sql"; sql_id: number; sql: string }
  | { type: "close_sql"; sql_id: number }
  | { type: "get_autocommit" };

interface ProtoError {
  message: string;
  code: string;
}

interface StmtResult {
  cols: { name: string | null; decltype: string | null }[];
  rows: ProtoValue[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
  rows_read: number;
  rows_written: number;
  query_duration_ms: number;
}

/** An error reported to the client inside a stream result (the stream stays usable). */
class HranaError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** A malformed request: answered with HTTP 400 text/plain, like sqld's ProtocolError. */
class ProtocolError extends Error {}

/** A stream that can no longer be used: answered with HTTP 500 JSON `{message, code}`. */
class StreamError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// A minimal SQL scanner: enough to count statements, find parameters and the statement kind.

interface ScannedSql {
  /** Number of non-empty statements. */
  statements: number;
  /** Parameters of the first statement: SQLite index (1-based) and name (null for `?`/`?NNN`). */
  params: { index: number; name: string | null }[];
  /** Highest parameter index of the first statement. */
  paramCount: number;
  /** First keyword of the first statement, upper-case ("" if none). */
  firstKeyword: string;
  /** The data-changing verb of the first statement, if it is INSERT/UPDATE/DELETE/REPLACE. */
  dml: "INSERT" | "UPDATE" | "DELETE" | "REPLACE" | null;
}

const identStart = /[A-Za-z_\u0080-\uffff]/;
const identPart = /[A-Za-z0-9_$\u0080-\uffff]/;

export function scanSql(sql: string): ScannedSql {
  let statements = 0;
  let stmtIndex = 0; // index of the statement being scanned (0 = first)
  let hasContent = false;
  const words: string[] = []; // upper-cased keywords of the current statement, at depth 0
  let depth = 0;
  let inTrigger = false;
  let lastWord = "";
  const params: { index: number; name: string | null }[] = [];
  const named = new Map<string, number>();
  let paramCount = 0;
  let firstKeyword = "";
  let dml: ScannedSql["dml"] = null;
  let firstDone = false;

  const endStatement = () => {
    if (hasContent) {
      statements++;
      if (stmtIndex === 0) {
        firstDone = true;
        firstKeyword = words[0] ?? "";
        dml = findDml(words);
      }
      stmtIndex++;
    }
    hasContent = false;
    words.length = 0;
    depth = 0;
    inTrigger = false;
    lastWord = "";
  };

  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f") {
      i++;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? n : end + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === "'" || c === '"' || c === "`") {
      hasContent = true;
      i = skipQuoted(sql, i, c);
      lastWord = "";
    } else if (c === "[") {
      hasContent = true;
      const end = sql.indexOf("]", i);
      i = end === -1 ? n : end + 1;
      lastWord = "";
    } else if (c === ";") {
      if (inTrigger && lastWord !== "END") {
        i++;
        lastWord = "";
        continue;
      }
      endStatement();
      i++;
    } else if (c === "?") {
      hasContent = true;
      let j = i + 1;
      while (j < n && sql[j]! >= "0" && sql[j]! <= "9") j++;
      if (stmtIndex === 0 && !firstDone) {
        const index = j > i + 1 ? Number(sql.slice(i + 1, j)) : paramCount + 1;
        paramCount = Math.max(paramCount, index);
        params.push({ index, name: null });
      }
      i = j;
      lastWord = "";
    } else if ((c === ":" || c === "@" || c === "$") && i + 1 < n && identPart.test(sql[i + 1]!)) {
      hasContent = true;
      let j = i + 1;
      while (j < n && identPart.test(sql[j]!)) j++;
      if (stmtIndex === 0 && !firstDone) {
        const name = sql.slice(i, j);
        let index = named.get(name);
        if (index === undefined) {
          index = ++paramCount;
          named.set(name, index);
          params.push({ index, name });
        }
      }
      i = j;
      lastWord = "";
    } else if (identStart.test(c)) {
      hasContent = true;
      let j = i + 1;
      while (j < n && identPart.test(sql[j]!)) j++;
      // x'..' blob literals
      if (j === i + 1 && (c === "x" || c === "X") && sql[j] === "'") {
        i = skipQuoted(sql, j, "'");
        lastWord = "";
        continue;
      }
      const word = sql.slice(i, j).toUpperCase();
      if (depth === 0) {
        words.push(word);
        if (
          words[0] === "CREATE" &&
          (words[1] === "TRIGGER" || (words[2] === "TRIGGER" && (words[1] === "TEMP" || words[1] === "TEMPORARY")))
        ) {
          inTrigger = true;
        }
      }
      lastWord = word;
      i = j;
    } else if (c >= "0" && c <= "9") {
      hasContent = true;
      let j = i + 1;
      while (j < n && /[0-9A-Za-z_.]/.test(sql[j]!)) j++;
      i = j;
      lastWord = "";
    } else {
      hasContent = true;
      if (c === "(") depth++;
      else if (c === ")") depth = Math.max(0, depth - 1);
      lastWord = "";
      i++;
    }
  }
  endStatement();
  return { statements, params, paramCount, firstKeyword, dml };
}

function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  for (;;) {
    const end = sql.indexOf(quote, i);
    if (end === -1) return sql.length;
    if (sql[end + 1] === quote) {
      i = end + 2;
      continue;
    }
    return end + 1;
  }
}

function findDml(words: string[]): ScannedSql["dml"] {
  const isDml = (w: string | undefined) => w === "INSERT" || w === "UPDATE" || w === "DELETE" || w === "REPLACE";
  if (isDml(words[0])) return words[0] as ScannedSql["dml"];
  if (words[0] === "WITH") {
    // top-level words after the CTEs: the first SELECT/INSERT/UPDATE/DELETE/REPLACE decides
    for (const w of words.slice(1)) {
      if (isDml(w)) return w as ScannedSql["dml"];
      if (w === "SELECT" || w === "VALUES") return null;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Values

const MIN_I64 = -9223372036854775808n;
const MAX_I64 = 9223372036854775807n;

function valueFromProto(v: ProtoValue): unknown {
  if (v === null || typeof v !== "object") throw new ProtocolError("Value must be an object");
  switch (v.type) {
    case "null":
      return null;
    case "integer": {
      let value: bigint;
      try {
        value = BigInt(v.value);
      } catch {
        throw new ProtocolError(`Invalid integer value ${JSON.stringify(v.value)}`);
      }
      if (value < MIN_I64 || value > MAX_I64) throw new ProtocolError("Integer value out of 64-bit range");
      return value;
    }
    case "float":
      if (typeof v.value !== "number") throw new ProtocolError("Float value must be a number");
      return v.value;
    case "text":
      if (typeof v.value !== "string") throw new ProtocolError("Text value must be a string");
      return v.value;
    case "blob":
      if (typeof v.base64 !== "string") throw new ProtocolError("Blob value must have base64");
      return Buffer.from(v.base64, "base64");
    default:
      throw new ProtocolError(`Unknown value type ${JSON.stringify((v as { type: unknown }).type)}`);
  }
}

function valueToProto(v: unknown): ProtoValue {
  if (v === null || v === undefined) return { type: "null" };
  if (typeof v === "bigint") return { type: "integer", value: v.toString() };
  if (typeof v === "number") return { type: "float", value: v };
  if (typeof v === "string") return { type: "text", value: v };
  if (v instanceof Uint8Array) return { type: "blob", base64: Buffer.from(v).toString("base64") };
  return { type: "text", value: String(v) };
}

// ---------------------------------------------------------------------------------------------
// SQLite errors

const sqliteBaseCodes: Record<number, string> = {
  1: "SQLITE_ERROR",
  2: "SQLITE_INTERNAL",
  3: "SQLITE_PERM",
  4: "SQLITE_ABORT",
  5: "SQLITE_BUSY",
  6: "SQLITE_LOCKED",
  7: "SQLITE_NOMEM",
  8: "SQLITE_READONLY",
  9: "SQLITE_INTERRUPT",
  10: "SQLITE_IOERR",
  11: "SQLITE_CORRUPT",
  12: "SQLITE_NOTFOUND",
  13: "SQLITE_FULL",
  14: "SQLITE_CANTOPEN",
  15: "SQLITE_PROTOCOL",
  17: "SQLITE_SCHEMA",
  18: "SQLITE_TOOBIG",
  19: "SQLITE_CONSTRAINT",
  20: "SQLITE_MISMATCH",
  21: "SQLITE_MISUSE",
  22: "SQLITE_NOLFS",
  23: "SQLITE_AUTH",
  25: "SQLITE_RANGE",
  26: "SQLITE_NOTADB",
};

const SQLITE_BUSY = 5;

function rawCodeOf(e: unknown): number | undefined {
  if (e instanceof Database.SqliteError && typeof e.rawCode === "number") return e.rawCode;
  return undefined;
}

function toHranaError(e: unknown): HranaError {
  if (e instanceof HranaError) return e;
  if (e instanceof Database.SqliteError) {
    const raw = e.rawCode;
    const code = raw === undefined ? "SQLITE_UNKNOWN" : (sqliteBaseCodes[raw & 0xff] ?? "SQLITE_UNKNOWN");
    return new HranaError(`SQLite error: ${e.message}`, code);
  }
  const message = e instanceof Error ? e.message : String(e);
  return new HranaError(message, "UNKNOWN");
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Streams

interface Stream {
  id: string;
  seq: number;
  /** null until the first statement needs a connection, and after "close". */
  conn: Database.Database | null;
  closed: boolean;
  acquired: boolean;
  sqls: Map<number, string>;
  expireTimer: NodeJS.Timeout | null;
}

export async function startHranaServer(opts: HranaServerOptions): Promise<HranaServer> {
  const streamIdleTimeoutMs = opts.streamIdleTimeoutMs ?? 10_000;
  const busyTimeoutMs = opts.busyTimeoutMs ?? 5_000;
  const inMemory = opts.dbPath === ":memory:";
  // Every stream needs its own connection to the same database, which a private in-memory database
  // cannot give, so ":memory:" is a temporary file.
  const dbPath = inMemory ? join(tmpdir(), `hrana-${process.pid}-${randomBytes(6).toString("hex")}.db`) : opts.dbPath;

  const openConnection = (): Database.Database => {
    // timeout 0: a lock held by another stream must never block the event loop; we retry instead.
    return new Database(dbPath, { timeout: 0 });
  };

  // The admin connection creates the file, switches it to WAL (as sqld runs it, so readers and one
  // writer do not block each other) and stays open for the server's lifetime.
  const admin = openConnection();
  admin.pragma("journal_mode = WAL");

  const streams = new Map<string, Stream>();
  const expired = new Set<string>();
  const changesStmts = new WeakMap<Database.Database, Database.Statement>();

  const closeStreamConn = (stream: Stream) => {
    if (stream.conn !== null) {
      // Roll back explicitly: libsql finalizes statements only on GC, so close() can leave a
      // "zombie" connection that still holds its transaction's locks.
      try {
        if (stream.conn.open && stream.conn.inTransaction) stream.conn.prepare("ROLLBACK").run([]);
      } catch {
        // closing below is all that is left to try
      }
      try {
        if (stream.conn.open) stream.conn.close();
      } catch {
        // nothing useful to do
      }
      stream.conn = null;
    }
  };

  const destroyStream = (stream: Stream) => {
    if (stream.expireTimer) clearTimeout(stream.expireTimer);
    stream.expireTimer = null;
    stream.closed = true;
    closeStreamConn(stream);
    streams.delete(stream.id);
  };

  const getConn = (stream: Stream): Database.Database => {
    if (stream.conn === null) stream.conn = openConnection();
    return stream.conn;
  };

  const resolveSql = (stream: Stream, sql: string | null | undefined, sqlId: number | null | undefined): string => {
    const hasSql = sql !== undefined && sql !== null;
    const hasId = sqlId !== undefined && sqlId !== null;
    if (hasSql && hasId) throw new ProtocolError("Both sql and sql_id given");
    if (hasSql) {
      if (typeof sql !== "string") throw new ProtocolError("sql must be a string");
      return sql;
    }
    if (hasId) {
      const stored = stream.sqls.get(sqlId);
      if (stored === undefined) throw new ProtocolError(`SQL text ${sqlId} not found`);
      return stored;
    }
    throw new ProtocolError("Neither sql nor sql_id given");
  };

  interface Prepared {
    stmt: Database.Statement;
    returnsData: boolean;
    cols: StmtResult["cols"];
  }

  const prepare = (conn: Database.Database, sql: string): Prepared => {
    const stmt = conn.prepare(sql);
    stmt.safeIntegers(true);
    let returnsData = true;
    try {
      stmt.raw(true);
    } catch {
      returnsData = false; // raw() throws for statements that return no data
    }
    const cols = returnsData ? stmt.columns().map((c) => ({ name: c.name, decltype: c.type ?? null })) : [];
    return { stmt, returnsData, cols };
  };

  /**
   * Runs one prepared statement synchronously; throws SqliteError. The bind values are always passed
   * as one array: libsql treats a lone object argument (a Buffer, null) as named parameters.
   */
  const runPrepared = (conn: Database.Database, p: Prepared, scanned: ScannedSql, bind: unknown[], wantRows: boolean): StmtResult => {
    const started = performance.now();
    let rows: ProtoValue[][] = [];
    let rowsRead = 0;
    if (p.returnsData) {
      const raw = p.stmt.all(bind) as unknown[][];
      rowsRead = raw.length;
      if (wantRows) rows = raw.map((row) => row.map(valueToProto));
    } else {
      p.stmt.run(bind);
    }
    let affected = 0;
    let lastInsertRowid: string | null = null;
    if (scanned.dml !== null) {
      let changes = changesStmts.get(conn);
      if (changes === undefined) {
        changes = conn.prepare("SELECT changes(), last_insert_rowid()");
        changes.safeIntegers(true);
        changes.raw(true);
        changesStmts.set(conn, changes);
      }
      const [c, rowid] = changes.get([]) as [bigint, bigint];
      affected = Number(c);
      lastInsertRowid = rowid.toString();
    }
    return {
      cols: p.cols,
      rows,
      affected_row_count: affected,
      last_insert_rowid: lastInsertRowid,
      rows_read: rowsRead,
      rows_written: affected,
      query_duration_ms: performance.now() - started,
    };
  };

  const executeStmt = async (stream: Stream, protoStmt: ProtoStmt): Promise<StmtResult> => {
    if (protoStmt === null || typeof protoStmt !== "object") throw new ProtocolError("stmt must be an object");
    const sql = resolveSql(stream, protoStmt.sql, protoStmt.sql_id);
    const args = protoStmt.args ?? [];
    const namedArgs = protoStmt.named_args ?? [];
    if (!Array.isArray(args) || !Array.isArray(namedArgs)) throw new ProtocolError("args must be arrays");
    const scanned = scanSql(sql);
    if (scanned.statements === 0) throw new HranaError("SQL string does not contain any statement", "SQL_NO_STATEMENT");
    if (scanned.statements > 1) throw new HranaError("SQL string contains more than one statement", "SQL_MANY_STATEMENTS");
    if (args.length > 0 && namedArgs.length > 0) {
      throw new HranaError("Specifying both positional and named arguments is not supported", "ARGS_BOTH_POSITIONAL_AND_NAMED");
    }
    // Always bind by position (libsql's object binding aborts the process on `?` mixed with names).
    let bind: unknown[];
    if (namedArgs.length > 0) {
      const values = new Map<string, unknown>();
      for (const arg of namedArgs) values.set(arg.name, valueFromProto(arg.value));
      bind = new Array<unknown>(scanned.paramCount).fill(null);
      for (const p of scanned.params) {
        if (p.name === null) continue;
        const bare = p.name.slice(1);
        if (values.has(p.name)) bind[p.index - 1] = values.get(p.name);
        else if (values.has(bare)) bind[p.index - 1] = values.get(bare);
      }
    } else {
      bind = args.map(valueFromProto);
    }
    const wantRows = protoStmt.want_rows ?? true;
    const conn = getConn(stream);
    let prepared: Prepared;
    try {
      prepared = prepare(conn, sql);
    } catch (e) {
      throw toHranaError(e);
    }
    const deadline = Date.now() + busyTimeoutMs;
    for (let delay = 1; ; delay = Math.min(delay * 2, 25)) {
      try {
        return runPrepared(conn, prepared, scanned, bind, wantRows);
      } catch (e) {
        if (rawCodeOf(e) !== SQLITE_BUSY) throw toHranaError(e);
        // Plain SQLITE_BUSY: another stream holds the lock; wait for it without blocking the event
        // loop and re-run the *same* statement (a statement that failed with BUSY stays "in progress"
        // until it is re-run or finalized, and would make a later COMMIT fail).
        if (Date.now() < deadline && !stream.closed && stream.conn === conn) {
          await sleep(delay);
          continue;
        }
        // Giving up. Outside a transaction, swap in a fresh connection so the stuck statement cannot
        // break later statements; inside one, the client is expected to roll back.
        if (stream.conn === conn && !conn.inTransaction) closeStreamConn(stream);
        throw toHranaError(e);
      }
    }
  };

  const evalCond = (
    cond: ProtoCond,
    results: (StmtResult | null)[],
    errors: (ProtoError | null)[],
    conn: () => Database.Database,
  ): boolean => {
    switch (cond.type) {
      case "ok":
        return results[cond.step] != null;
      case "error":
        return errors[cond.step] != null;
      case "not":
        return !evalCond(cond.cond, results, errors, conn);
      case "and":
        return cond.conds.every((c) => evalCond(c, results, errors, conn));
      case "or":
        return cond.conds.some((c) => evalCond(c, results, errors, conn));
      case "is_autocommit":
        return !conn().inTransaction;
      default:
        throw new ProtocolError(`Unknown condition type ${JSON.stringify((cond as { type: unknown }).type)}`);
    }
  };

  const validateCond = (cond: ProtoCond, stepIndex: number): void => {
    if (cond === null || typeof cond !== "object") throw new ProtocolError("condition must be an object");
    if (cond.type === "ok" || cond.type === "error") {
      if (!Number.isInteger(cond.step) || cond.step < 0 || cond.step >= stepIndex) {
        throw new ProtocolError("Batch condition refers to a step that does not precede it");
      }
    } else if (cond.type === "not") validateCond(cond.cond, stepIndex);
    else if (cond.type === "and" || cond.type === "or") {
      if (!Array.isArray(cond.conds)) throw new ProtocolError("conds must be an array");
      for (const c of cond.conds) validateCond(c, stepIndex);
    }
  };

  const executeBatch = async (stream: Stream, batch: ProtoBatch) => {
    if (batch === null || typeof batch !== "object" || !Array.isArray(batch.steps)) {
      throw new ProtocolError("batch.steps must be an array");
    }
    batch.steps.forEach((step, i) => {
      if (step.condition != null) validateCond(step.condition, i);
    });
    const results: (StmtResult | null)[] = [];
    const errors: (ProtoError | null)[] = [];
    for (const step of batch.steps) {
      if (step.condition != null && !evalCond(step.condition, results, errors, () => getConn(stream))) {
        results.push(null);
        errors.push(null);
        continue;
      }
      try {
        results.push(await executeStmt(stream, step.stmt));
        errors.push(null);
      } catch (e) {
        if (e instanceof ProtocolError) throw e;
        const err = toHranaError(e);
        results.push(null);
        errors.push({ message: err.message, code: err.code });
      }
    }
    return { step_results: results, step_errors: errors };
  };

  const handleRequest = async (stream: Stream, req: StreamRequest): Promise<unknown> => {
    if (req === null || typeof req !== "object") throw new ProtocolError("request must be an object");
    if (stream.closed && req.type !== "close") throw new ProtocolError("The stream has been closed");
    switch (req.type) {
      case "close":
        closeStreamConn(stream);
        stream.closed = true;
        return { type: "close" };
      case "execute":
        return { type: "execute", result: await executeStmt(stream, req.stmt) };
      case "batch":
        return { type: "batch", result: await executeBatch(stream, req.batch) };
      case "sequence": {
        const sql = resolveSql(stream, req.sql, req.sql_id);
        try {
          getConn(stream).exec(sql);
        } catch (e) {
          throw toHranaError(e);
        }
        return { type: "sequence" };
      }
      case "describe": {
        const sql = resolveSql(stream, req.sql, req.sql_id);
        const scanned = scanSql(sql);
        if (scanned.statements === 0) throw new HranaError("SQL string does not contain any statement", "SQL_NO_STATEMENT");
        let cols: { name: string; decltype: string | null }[] = [];
        try {
          const stmt = getConn(stream).prepare(sql);
          try {
            stmt.raw(true);
            cols = stmt.columns().map((c) => ({ name: c.name, decltype: c.type ?? null }));
          } catch {
            cols = [];
          }
        } catch (e) {
          throw toHranaError(e);
        }
        const params: { name: string | null }[] = [];
        for (let i = 1; i <= scanned.paramCount; i++) {
          params.push({ name: scanned.params.find((p) => p.index === i)?.name ?? null });
        }
        const kw = scanned.firstKeyword;
        return {
          type: "describe",
          result: {
            params,
            cols,
            is_explain: kw === "EXPLAIN",
            is_readonly: scanned.dml === null && (kw === "SELECT" || kw === "VALUES" || kw === "WITH" || kw === "EXPLAIN"),
          },
        };
      }
      case "store_sql":
        if (!Number.isInteger(req.sql_id) || typeof req.sql !== "string") throw new ProtocolError("Invalid store_sql");
        if (stream.sqls.has(req.sql_id)) throw new ProtocolError(`SQL text ${req.sql_id} already exists`);
        stream.sqls.set(req.sql_id, req.sql);
        return { type: "store_sql" };
      case "close_sql":
        stream.sqls.delete(req.sql_id);
        return { type: "close_sql" };
      case "get_autocommit":
        return { type: "get_autocommit", is_autocommit: !getConn(stream).inTransaction };
      default:
        throw new ProtocolError(`Unknown request type ${JSON.stringify((req as { type: unknown }).type)}`);
    }
  };

  const acquireStream = (baton: unknown): Stream => {
    if (baton === undefined || baton === null) {
      const stream: Stream = {
        id: randomBytes(12).toString("hex"),
        seq: 0,
        conn: null,
        closed: false,
        acquired: true,
        sqls: new Map(),
        expireTimer: null,
      };
      streams.set(stream.id, stream);
      return stream;
    }
    if (typeof baton !== "string") throw new ProtocolError("baton must be a string");
    const [id, seqText] = baton.split(".");
    if (id === undefined || seqText === undefined) throw new ProtocolError("Invalid baton");
    if (expired.has(id)) throw new StreamError("The stream has expired due to inactivity", "STREAM_EXPIRED");
    const stream = streams.get(id);
    if (stream === undefined) throw new ProtocolError("Invalid baton: unknown stream");
    if (stream.acquired || String(stream.seq) !== seqText) {
      throw new ProtocolError("Baton reused: the stream is used by another request, or the baton is stale");
    }
    stream.acquired = true;
    if (stream.expireTimer) clearTimeout(stream.expireTimer);
    stream.expireTimer = null;
    return stream;
  };

  const releaseStream = (stream: Stream): string | null => {
    stream.acquired = false;
    if (stream.closed) {
      destroyStream(stream);
      return null;
    }
    stream.seq++;
    stream.expireTimer = setTimeout(() => {
      if (streams.get(stream.id) === stream && !stream.acquired) {
        destroyStream(stream);
        expired.add(stream.id);
      }
    }, streamIdleTimeoutMs);
    stream.expireTimer.unref();
    return `${stream.id}.${stream.seq}`;
  };

  const handlePipeline = async (body: unknown): Promise<unknown> => {
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw new ProtocolError("Body must be a JSON object");
    const { baton, requests } = body as { baton?: unknown; requests?: unknown };
    if (!Array.isArray(requests)) throw new ProtocolError("requests must be an array");
    const stream = acquireStream(baton);
    const results: unknown[] = [];
    try {
      for (const req of requests as StreamRequest[]) {
        try {
          results.push({ type: "ok", response: await handleRequest(stream, req) });
        } catch (e) {
          if (e instanceof ProtocolError || e instanceof StreamError) throw e;
          const err = toHranaError(e);
          results.push({ type: "error", error: { message: err.message, code: err.code } });
        }
      }
    } catch (e) {
      destroyStream(stream);
      throw e;
    }
    return { baton: releaseStream(stream), base_url: null, results };
  };

  const send = (res: http.ServerResponse, status: number, contentType: string, body: string) => {
    res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!.replace(/\/+$/, "") || "/";
    if (req.method === "GET") {
      if (path === "/" || path === "/v2" || path === "/v3" || path === "/health") {
        send(res, 200, "text/plain", "Hello, this is HTTP API v2 (Hrana over HTTP)");
      } else {
        send(res, 404, "text/plain", "Not found");
      }
      return;
    }
    if (req.method !== "POST" || (path !== "/v2/pipeline" && path !== "/v3/pipeline")) {
      // includes /v3-protobuf/* and /v3/cursor: this server speaks JSON pipelines only
      req.resume();
      send(res, 404, "text/plain", "Not found");
      return;
    }
    if (opts.authToken !== undefined && req.headers.authorization !== `Bearer ${opts.authToken}`) {
      req.resume();
      send(res, 401, "text/plain", "Unauthorized: missing or wrong bearer token");
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        send(res, 400, "text/plain", "Could not deserialize JSON request body");
        return;
      }
      handlePipeline(body).then(
        (resp) => send(res, 200, "application/json", JSON.stringify(resp)),
        (e: unknown) => {
          if (e instanceof StreamError) {
            send(res, 500, "application/json", JSON.stringify({ message: e.message, code: e.code }));
          } else if (e instanceof ProtocolError) {
            send(res, 400, "text/plain", e.message);
          } else {
            send(res, 500, "text/plain", e instanceof Error ? e.message : String(e));
          }
        },
      );
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    stop() {
      stopped ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        for (const stream of [...streams.values()]) destroyStream(stream);
        admin.close();
        if (inMemory) {
          for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(dbPath + suffix, { force: true });
        }
      })();
      return stopped;
    },
  };
}
