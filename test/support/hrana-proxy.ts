/**
 * A counting, delaying proxy in front of a Hrana server: every pipeline request (one database round trip
 * of `@libsql/client/web`: an `execute` or a whole `batch`) is counted, held for a fixed delay, then
 * forwarded. The Workers tests and the benchmark's edge table put it between workerd and the Hrana server
 * to see how many sequential round trips a route makes and what a distant database would cost it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RoundTrip {
  /** The statements the round trip ran, in order (`BEGIN`/`COMMIT` of a batch included). */
  sql: string[];
}

export interface HranaProxy {
  url: string;
  /** Pipeline requests forwarded so far. */
  count(): number;
  /** The round trips recorded since the last `take()` (and forgets them). */
  take(): RoundTrip[];
  /** Milliseconds each pipeline request is held before it is forwarded. */
  setDelay(ms: number): void;
  stop(): Promise<void>;
}

interface PipelineBody {
  requests?: { type?: string; stmt?: { sql?: string }; batch?: { steps?: { stmt?: { sql?: string } }[] } }[];
}

function statementsOf(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as PipelineBody;
    const out: string[] = [];
    for (const r of parsed.requests ?? []) {
      if (r.type === "execute" && r.stmt?.sql) out.push(r.stmt.sql);
      if (r.type === "batch") for (const s of r.batch?.steps ?? []) if (s.stmt?.sql) out.push(s.stmt.sql);
    }
    return out;
  } catch {
    return [];
  }
}

export async function startHranaProxy(target: string, opts: { delayMs?: number } = {}): Promise<HranaProxy> {
  const to = new URL(target);
  let delay = opts.delayMs ?? 0;
  let forwarded = 0;
  let log: RoundTrip[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const pipeline = req.method === "POST" && /\/pipeline$/.test(req.url ?? "");
      if (pipeline) {
        forwarded++;
        log.push({ sql: statementsOf(body.toString("utf8")) });
      }
      const forward = () => {
        const out = http.request(
          { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        out.on("error", (err) => {
          res.writeHead(502, { "content-type": "text/plain" });
          res.end(String(err));
        });
        out.end(body);
      };
      if (pipeline && delay > 0) setTimeout(forward, delay);
      else forward();
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => forwarded,
    take: () => {
      const out = log;
      log = [];
      return out;
    },
    setDelay: (ms) => {
      delay = ms;
    },
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
