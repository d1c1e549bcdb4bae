/** Rows and result sets shaped as @libsql/client's, built cheaply per column list. */
import { Buffer } from "node:buffer";
import type { ResultSet, Row } from "@libsql/client";

export type RowConstructor = new (values: unknown[]) => Row;

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

export const EmptyRow = rowClass([]);

export function rowClass(columns: string[]): RowConstructor {
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

export class NativeResultSet implements ResultSet {
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
      lastInsertRowid: this.lastInsertRowid !== undefined ? `${this.lastInsertRowid}` : null,
    };
  }
}

function valueToJson(value: unknown): unknown {
  if (typeof value === "bigint") return `${value}`;
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString("base64");
  return value;
}
