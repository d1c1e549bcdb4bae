/**
 * Running statements and batches on a Hrana stream: positional binding, rows as Hrana values, the batch's
 * step conditions, and SQLITE_BUSY retried without blocking the event loop until the busy timeout passes.
 */
import type Database from "libsql";
import {
  HranaError,
  type ProtoBatch,
  type ProtoCond,
  type ProtoError,
  ProtocolError,
  type ProtoStmt,
  type ProtoValue,
  type StmtResult,
  type Stream,
} from "./protocol.js";
import { type ScannedSql, scanSql } from "./sql-scan.js";
import type { StreamTable } from "./streams.js";
import { rawCodeOf, SQLITE_BUSY, sleep, toHranaError, valueFromProto, valueToProto } from "./values.js";

export function statementRunner(table: StreamTable, busyTimeoutMs: number) {
  const { getConn, resolveSql, closeStreamConn } = table;
  const changesStmts = new WeakMap<Database.Database, Database.Statement>();

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

  return { executeStmt, executeBatch };
}
