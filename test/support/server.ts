/**
 * Starts the real Node server (`worker/node.ts`, what `npm start` runs) as a child process on a free
 * port with a temp-file database, and reads its demo shop's keys. For end-to-end, concurrency, crash and
 * browser tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));

export interface StartedServer {
  url: string;
  adminToken: string;
  dbFile: string;
  demo: { shopId: string; secretKey: string; publishableKey: string; buyerTokenSecret: string };
  process: ChildProcess;
  /** Everything the server has printed so far. */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL, no goodbye: for crash tests. */
  kill(): Promise<void>;
}

export async function startServer(opts: { env?: Record<string, string>; dbFile?: string; port?: number } = {}): Promise<StartedServer> {
  const dir = mkdtempSync(join(tmpdir(), "coupons-server-"));
  const dbFile = opts.dbFile ?? join(dir, "db.sqlite");
  const demoFile = join(dirOf(dbFile), "demo-keys.json");
  const adminToken = `adm_e2e_${Math.random().toString(36).slice(2)}`;
  // `node --import tsx`, not the tsx CLI: the CLI runs the server in a child process of its own, so a
  // SIGKILL (`kill()`) would end only the CLI and leave the real server running as an orphan.
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "worker/node.ts")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(opts.port ?? 0),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${dbFile}`,
      DEMO_KEYS_FILE: demoFile,
      ADMIN_TOKEN: adminToken,
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const keys = JSON.parse(readFileSync(demoFile, "utf8"));
  const exited = new Promise<void>((r) => child.on("exit", () => r()));
  return {
    url,
    adminToken,
    dbFile,
    process: child,
    output: () => out,
    demo: {
      shopId: keys.shop_id,
      secretKey: keys.secret_key,
      publishableKey: keys.publishable_key,
      buyerTokenSecret: keys.buyer_token_secret,
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

function dirOf(file: string) {
  return file.slice(0, file.lastIndexOf("/")) || ".";
}
