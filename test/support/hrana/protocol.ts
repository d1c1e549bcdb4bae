/** The Hrana 2/3 JSON protocol as the test server speaks it: messages, results and its three kinds of error. */
import type Database from "libsql";

export type ProtoValue =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };

export interface ProtoStmt {
  sql?: string | null;
  sql_id?: number | null;
  args?: ProtoValue[];
  named_args?: { name: string; value: ProtoValue }[];
  want_rows?: boolean;
}

export type ProtoCond =
  | { type: "ok"; step: number }
  | { type: "error"; step: number }
  | { type: "not"; cond: ProtoCond }
  | { type: "and"; conds: ProtoCond[] }
  | { type: "or"; conds: ProtoCond[] }
  | { type: "is_autocommit" };

export interface ProtoBatch {
  steps: { condition?: ProtoCond | null; stmt: ProtoStmt }[];
}

export type StreamRequest =
  | { type: "close" }
  | { type: "execute"; stmt: ProtoStmt }
  | { type: "batch"; batch: ProtoBatch }
  | { type: "sequence"; sql?: string | null; sql_id?: number | null }
  | { type: "describe"; sql?: string | null; sql_id?: number | null }
  | { type: "store_sql"; sql_id: number; sql: string }
  | { type: "close_sql"; sql_id: number }
  | { type: "get_autocommit" };

export interface ProtoError {
  message: string;
  code: string;
}

export interface StmtResult {
  cols: { name: string | null; decltype: string | null }[];
  rows: ProtoValue[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
  rows_read: number;
  rows_written: number;
  query_duration_ms: number;
}

/** An error reported to the client inside a stream result (the stream stays usable). */
export class HranaError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** A malformed request: answered with HTTP 400 text/plain, like sqld's ProtocolError. */
export class ProtocolError extends Error {}

/** A stream that can no longer be used: answered with HTTP 500 JSON `{message, code}`. */
export class StreamError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** One Hrana stream: its own connection (opened on first use), its baton sequence and stored SQL texts. */
export interface Stream {
  id: string;
  seq: number;
  /** null until the first statement needs a connection, and after "close". */
  conn: Database.Database | null;
  closed: boolean;
  acquired: boolean;
  sqls: Map<number, string>;
  expireTimer: NodeJS.Timeout | null;
}
