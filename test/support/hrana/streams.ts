/**
 * The Hrana test server's streams: each owns its own libSQL connection (opened on first use, rolled back and
 * closed with the stream), is handed from request to request by a baton, and expires when left idle.
 */
import { randomBytes } from "node:crypto";
import Database from "libsql";
import { ProtocolError, type Stream, StreamError } from "./protocol.js";

export type StreamTable = ReturnType<typeof streamTable>;

export function streamTable(dbPath: string, streamIdleTimeoutMs: number, relaxedSync: boolean) {
  const openConnection = (): Database.Database => {
    // timeout 0: a lock held by another stream must never block the event loop; we retry instead.
    const conn = new Database(dbPath, { timeout: 0 });
    if (relaxedSync) conn.pragma("synchronous = NORMAL");
    return conn;
  };
  const streams = new Map<string, Stream>();
  const expired = new Set<string>();

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

  return { openConnection, closeStreamConn, destroyStream, getConn, resolveSql, acquireStream, releaseStream, streams };
}
