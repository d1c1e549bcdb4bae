/**
 * Reads that stored numbers cannot break. Both libSQL clients refuse to hand over an integer beyond
 * ±(2^53 − 1) (a RangeError, so a 500), and no write of ours stores one (README "Limits"); but a row
 * written before those limits, or by hand, must not make every read of it fail. So the integer columns of
 * the rows the API shows are read saturated at ±(2^53 − 1), and sums are taken in floating point
 * (`TOTAL`, which never overflows, and is exact while the sum is a safe integer) and saturated the same way.
 */
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";

const MAX = sql.raw(String(Number.MAX_SAFE_INTEGER));
const MIN = sql.raw(String(-Number.MAX_SAFE_INTEGER));

/** SQL: `expr` within ±(2^53 − 1); NULL stays NULL. */
export const saturated = (expr: SQL | SQLiteColumn): SQL<number> => sql<number>`max(min(${expr}, ${MAX}), ${MIN})`;

/** SQL: the sum of `expr` over the group, as an integer within ±(2^53 − 1); 0 for no rows. */
export const saturatedSum = (expr: SQL): SQL<number> => sql<number>`CAST(max(min(TOTAL(${expr}), ${MAX}), ${MIN}) AS INTEGER)`;

/**
 * A table's columns for `db.select(…)`, every integer column read saturated (JSON and text columns as
 * they are): rows come back shaped and typed as `select()` would give them.
 */
export function saturatedColumns<T extends SQLiteTable>(table: T): T["_"]["columns"] {
  const out: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(getTableColumns(table))) {
    out[name] = column.columnType === "SQLiteInteger" ? saturated(column).mapWith(column) : column;
  }
  return out as T["_"]["columns"];
}
