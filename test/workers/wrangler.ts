/**
 * Runs the Worker (`worker/index.ts`, wrangler.toml) in workerd through `wrangler dev`, offline, on
 * 127.0.0.1, against a local Hrana server over a migrated temp libSQL file: the Workers code path
 * (`@libsql/client/web` over HTTP) with a real database and no network.
 */
import { createClient } from "@libsql/client";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "../../db/client.js";
import { applyMigrations } from "../../db/migrate.js";
import { startHranaServer, type HranaServer } from "../support/hrana-server.js";

export const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const wranglerBin = join(root, "node_modules/.bin/wrangler");

/** Offline, quiet wrangler: no metrics, no Cloudflare API calls, no banner. */
export const wranglerEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
};

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** A temp libSQL file with the committed migrations applied, served over Hrana/HTTP. */
export async function startMigratedHrana(
  opts: { authToken?: string; relaxedSync?: boolean } = {},
): Promise<HranaServer & { dbPath: string }> {
  const dbPath = join(mkdtempSync(join(tmpdir(), "coupons-worker-")), "db.sqlite");
  const client = createClient({ url: `file:${dbPath}` });
  await applyMigrations(createDb(client));
  client.close();
  const server = await startHranaServer({ dbPath, authToken: opts.authToken, relaxedSync: opts.relaxedSync });
  return { ...server, dbPath };
}

export interface DevWorker {
  url: string;
  /** wrangler's `--persist-to` directory (local Durable Object storage lives under it). */
  persistDir: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * `wrangler dev` with the given `--var`s; resolves once `/health` answers (or rejects with the output).
 * `script`: the entry (default the Worker's own, wrangler.toml's `main`); another Worker than the API takes
 * its own `--config` in `extraArgs`.
 */
export async function startWorker(vars: Record<string, string>, extraArgs: string[] = [], script = "worker/index.ts"): Promise<DevWorker> {
  const port = await freePort();
  const persist = mkdtempSync(join(tmpdir(), "coupons-wrangler-"));
  const args = [
    "dev",
    script,
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-port",
    "0",
    "--show-interactive-dev-session=false",
    "--persist-to",
    persist,
    ...extraArgs,
    ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
  ];
  // Started directly, not through npx, so that SIGTERM reaches wrangler (which then stops workerd).
  const child: ChildProcess = spawn(wranglerBin, args, { cwd: root, env: wranglerEnv, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 45_000;
  while (!out.includes(`Ready on ${url}`)) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev was not ready in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  for (;;) {
    try {
      const res = await fetch(`${url}/health`);
      await res.arrayBuffer();
      break; // any answer means workerd serves the Worker (a misconfigured one answers 500)
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`wrangler dev did not answer /health in time:\n${out}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, persistDir: persist, output: () => out, stop };
}
