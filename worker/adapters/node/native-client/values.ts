/**
 * Values between @libsql/client's shapes and the native driver's: intMode "number" (integers as numbers,
 * RangeError beyond 2^53), blobs as ArrayBuffer, booleans as 1/0, Dates as epoch milliseconds.
 */
import { Buffer } from "node:buffer";
import type { InArgs, InValue } from "@libsql/client";

/** What the native driver binds and returns. */
export type SqlValue = null | string | number | bigint | Buffer;

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_I64 = -9223372036854775808n;
const MAX_I64 = 9223372036854775807n;

/** @libsql/client's intMode "number" and blob mapping, in place on the raw row. */
export function fromSql(row: SqlValue[]): unknown[] {
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
    if (value < MIN_I64 || value > MAX_I64)
      throw new RangeError("bigint is too large to be represented as a 64-bit integer and passed as argument");
    return value;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError("undefined cannot be passed as argument to the database");
  return value as unknown as SqlValue; // Uint8Array / Buffer: bound as a blob, as @libsql/client does
}

export function bindArgs(args: InArgs | undefined): SqlValue[] | Record<string, SqlValue> {
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
