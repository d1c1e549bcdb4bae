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
import { statementRunner } from "./hrana/execute.js";
import { HranaError, ProtocolError, type Stream, type StreamRequest, StreamError } from "./hrana/protocol.js";
import { scanSql } from "./hrana/sql-scan.js";
import { streamTable } from "./hrana/streams.js";
import { toHranaError } from "./hrana/values.js";

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
  /**
   * Commits without waiting for the disk (`synchronous = NORMAL`, as `npm start` runs its file): for the
   * benchmark, so a round trip costs what the delay says rather than this machine's fsync.
   */
  relaxedSync?: boolean;
}

export interface HranaServer {
  /** e.g. `http://127.0.0.1:38211`, ready for `createClient({ url })`. */
  url: string;
  stop(): Promise<void>;
}

export async function startHranaServer(opts: HranaServerOptions): Promise<HranaServer> {
  const streamIdleTimeoutMs = opts.streamIdleTimeoutMs ?? 10_000;
  const busyTimeoutMs = opts.busyTimeoutMs ?? 5_000;
  const inMemory = opts.dbPath === ":memory:";
  // Every stream needs its own connection to the same database, which a private in-memory database
  // cannot give, so ":memory:" is a temporary file.
  const dbPath = inMemory ? join(tmpdir(), `hrana-${process.pid}-${randomBytes(6).toString("hex")}.db`) : opts.dbPath;

  const table = streamTable(dbPath, streamIdleTimeoutMs, opts.relaxedSync ?? false);
  // The admin connection creates the file, switches it to WAL (as sqld runs it, so readers and one
  // writer do not block each other) and stays open for the server's lifetime.
  const admin = table.openConnection();
  admin.pragma("journal_mode = WAL");

  const { streams, closeStreamConn, destroyStream, getConn, resolveSql, acquireStream, releaseStream } = table;
  const { executeStmt, executeBatch } = statementRunner(table, busyTimeoutMs);

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
