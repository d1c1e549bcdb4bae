/** Load on a server over 127.0.0.1: autocannon at N connections, and sequential latency at one. */
import autocannon, { type Request as LoadRequest } from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export interface LoadResult {
  /** Requests per second that answered 2xx (the rest are counted in `statuses`). */
  rps: number;
  p50: number;
  p99: number;
  total2xx: number;
  statuses: Record<string, number>;
  errors: number;
}

export interface LoadSpec {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** A fresh body and headers per request (e.g. a new order id), instead of `body`. */
  next?: () => { body: string; headers?: Record<string, string> };
  connections: number;
  seconds: number;
}

export async function load(spec: LoadSpec): Promise<LoadResult> {
  const u = new URL(spec.url);
  const headers: Record<string, string> = { ...(spec.headers ?? {}) };
  if (spec.body || spec.next) headers["content-type"] = "application/json";
  const request: LoadRequest = {
    method: spec.method ?? "GET",
    path: u.pathname + u.search,
    headers,
    body: spec.body,
    ...(spec.next
      ? {
          setupRequest: (req: LoadRequest) => {
            const n = spec.next!();
            return { ...req, body: n.body, headers: { ...headers, ...(n.headers ?? {}) } };
          },
        }
      : {}),
  };
  const r = await autocannon({ url: u.origin, connections: spec.connections, duration: spec.seconds, requests: [request] });
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(r.statusCodeStats)) statuses[code] = count;
  const total2xx = Object.entries(statuses).reduce((s, [code, n]) => (code.startsWith("2") ? s + n : s), 0);
  return { rps: total2xx / r.duration, p50: r.latency.p50, p99: r.latency.p99, total2xx, statuses, errors: r.errors + r.timeouts };
}

/**
 * One request after another on one keep-alive connection: latency without queueing, to the microsecond.
 * `init` builds each request (e.g. a different code each time); `check` sees each parsed answer.
 */
export async function sequentialLatency(
  url: string,
  init: () => RequestInit,
  n: number,
  check: (body: unknown) => void = () => {},
): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < n + 50; i++) {
    const t0 = performance.now();
    let res: Response;
    try {
      res = await fetch(url, init());
    } catch (err) {
      // A keep-alive socket the server closed while idle (e.g. during seeding): warm-up requests retry.
      if (i < 50) continue;
      throw err;
    }
    const body = await res.json();
    const t = performance.now() - t0;
    if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
    check(body);
    if (i >= 50) times.push(t); // the first 50 warm up
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(n * 0.5)], p99: times[Math.floor(n * 0.99)] };
}

/** Starts `bench/<script>` under tsx like the API server and waits for its "listening on <url>" line. */
export async function startScript(script: string): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, script)], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`${script} did not start:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => fail(new Error(`${script} exited with ${code}:\n${out}`)));
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return {
    url,
    child,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * CPU seconds (user + system) the process and its descendants have used so far (a script started through
 * tsx's CLI runs in a child of it); NaN where /proc is not available (Linux only).
 */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    const own = (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
    return own + childrenOf(pid).reduce((sum, child) => sum + cpuSeconds(child), 0);
  } catch {
    return NaN;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** `load`, and the CPU microseconds the server process `pid` spent per 2xx answer meanwhile. */
export async function loadWithCpu(pid: number, spec: Parameters<typeof load>[0]): Promise<LoadResult & { cpuUs: number }> {
  const cpu0 = cpuSeconds(pid);
  const r = await load(spec);
  return { ...r, cpuUs: ((cpuSeconds(pid) - cpu0) * 1e6) / r.total2xx };
}
