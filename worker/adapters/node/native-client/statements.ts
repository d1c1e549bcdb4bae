/**
 * Statements prepared once and kept (an LRU of `STATEMENT_CACHE_SIZE`), with their column names, types and
 * a row class built once per column list, then run with @libsql/client's argument and result shapes.
 * @libsql/client prepares every statement again on every call and reads its column metadata each time
 * (bench/notes.md has what that cost).
 */
import type Database from "libsql";
import type { InArgs, ResultSet, Row } from "@libsql/client";
import { mapError } from "./errors.js";
import { EmptyRow, NativeResultSet, rowClass, type RowConstructor } from "./rows.js";
import { bindArgs, fromSql, type SqlValue } from "./values.js";

/** Distinct SQL texts kept prepared. Our code issues a few dozen; dynamic ones (IN lists) churn the tail. */
export const STATEMENT_CACHE_SIZE = 500;

type NativeDb = InstanceType<typeof Database>;
type NativeStatement = ReturnType<NativeDb["prepare"]>;

interface Prepared {
  stmt: NativeStatement;
  /** Returns rows (SELECT, PRAGMA, … RETURNING): read with `.all()` in raw mode, else `.run()`. */
  reader: boolean;
  /** Schema-changing text: cached statements' column lists may be stale after it runs. */
  ddl: boolean;
  /** Anything but a SELECT may change the database (INSERT … RETURNING reads too): it counts as a write. */
  mayWrite: boolean;
  columns: string[];
  columnTypes: string[];
  RowClass: RowConstructor;
}

export class Statements {
  readonly #db: NativeDb;
  readonly #cache = new Map<string, Prepared>();
  /** Statements of ours that may have written (the data version's own half), counted before they run. */
  writes = 0;

  constructor(db: NativeDb) {
    this.#db = db;
  }

  get size(): number {
    return this.#cache.size;
  }

  /** Forget every prepared statement (after a schema change, or on close). */
  clear(): void {
    this.#cache.clear();
  }

  run(sql: string, inArgs: InArgs | undefined): ResultSet {
    const args = bindArgs(inArgs);
    const p = this.#prepare(sql);
    if (p.mayWrite) this.writes++;
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
