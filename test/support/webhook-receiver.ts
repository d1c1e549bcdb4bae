/**
 * A real webhook receiver for tests: a node:http server on 127.0.0.1 that keeps every request (headers,
 * the raw body, the parsed event) and answers with whatever status `respond` says (200 unless told).
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";

export interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  event: { id: string; type: string; created_at: string; shop_id: string; data: { object: any } };
  path: string;
}

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /**
   * The status for the n-th request (0-based) and its event; a headers object adds answer headers; null
   * answers nothing (the request hangs until the sender gives up or the receiver closes).
   */
  respond: (n: number, r: Received) => number | { status: number; headers: Record<string, string> } | null;
  /** Resolves once `predicate` holds for the requests so far (polls), or rejects after `timeoutMs`. */
  waitFor(predicate: (all: Received[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(port = 0): Promise<Receiver> {
  const received: Received[] = [];
  const r: Receiver = {
    url: "",
    port: 0,
    received,
    respond: () => 200,
    async waitFor(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) throw new Error(`receiver: condition not met in ${timeoutMs} ms; got ${received.length} requests`);
        await new Promise((ok) => setTimeout(ok, 25));
      }
    },
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let event: Received["event"];
      try {
        event = JSON.parse(raw);
      } catch {
        event = { id: "", type: "", created_at: "", shop_id: "", data: { object: null } };
      }
      const rec: Received = { headers: req.headers, raw, event, path: req.url ?? "" };
      received.push(rec);
      const answer = r.respond(received.length - 1, rec);
      if (answer === null) return;
      const { status, headers } = typeof answer === "number" ? { status: answer, headers: {} } : answer;
      res.writeHead(status, { "content-type": "text/plain", ...headers });
      res.end(status < 300 ? "ok" : "no");
    });
  });
  await new Promise<void>((ok) => server.listen(port, "127.0.0.1", () => ok()));
  r.port = (server.address() as { port: number }).port;
  r.url = `http://127.0.0.1:${r.port}`;
  // Tests end with open keep-alive sockets from the sender: do not let them hold the process.
  server.keepAliveTimeout = 1000;
  return r;
}
