/** Values between Hrana's JSON encoding and libSQL, and SQLite failures as Hrana errors (as sqld reports them). */
import Database from "libsql";
import { HranaError, ProtocolError, type ProtoValue } from "./protocol.js";
import { SQLITE_CODES } from "../../../worker/adapters/node/native-client/errors.js";

const MIN_I64 = -9223372036854775808n;
const MAX_I64 = 9223372036854775807n;

export function valueFromProto(v: ProtoValue): unknown {
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

export function valueToProto(v: unknown): ProtoValue {
  if (v === null || v === undefined) return { type: "null" };
  if (typeof v === "bigint") return { type: "integer", value: v.toString() };
  if (typeof v === "number") return { type: "float", value: v };
  if (typeof v === "string") return { type: "text", value: v };
  if (v instanceof Uint8Array) return { type: "blob", base64: Buffer.from(v).toString("base64") };
  return { type: "text", value: String(v) };
}

// ---------------------------------------------------------------------------------------------
// SQLite errors

export const SQLITE_BUSY = 5;

export function rawCodeOf(e: unknown): number | undefined {
  if (e instanceof Database.SqliteError && typeof e.rawCode === "number") return e.rawCode;
  return undefined;
}

export function toHranaError(e: unknown): HranaError {
  if (e instanceof HranaError) return e;
  if (e instanceof Database.SqliteError) {
    const raw = e.rawCode;
    const code = raw === undefined ? "SQLITE_UNKNOWN" : (SQLITE_CODES[raw & 0xff] ?? "SQLITE_UNKNOWN");
    return new HranaError(`SQLite error: ${e.message}`, code);
  }
  const message = e instanceof Error ? e.message : String(e);
  return new HranaError(message, "UNKNOWN");
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
