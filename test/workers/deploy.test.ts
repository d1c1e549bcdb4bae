/**
 * `npm run deploy` (scripts/deploy.ts): `--dry-run` builds the Worker bundle offline and reports its size;
 * `--migrations-only` migrates a remote database over HTTP (here the local Hrana server, token checked).
 */
import { createClient } from "@libsql/client";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startHranaServer } from "../support/hrana-server.js";
import { root, wranglerEnv } from "./wrangler.js";

function deploy(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/deploy.ts", ...args], {
      cwd: root,
      env: { ...wranglerEnv, DATABASE_URL: undefined, DATABASE_AUTH_TOKEN: undefined, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => ok({ code, out }));
  });
}

describe("npm run deploy", () => {
  it("--dry-run builds the Worker offline, skips migrations, and reports a bundle under 3 MB gzip", async () => {
    const outdir = mkdtempSync(join(tmpdir(), "coupons-deploy-"));
    const { code, out } = await deploy(["--dry-run", "--outdir", outdir]);
    expect(code, out).toBe(0);
    expect(out).toContain("migrations skipped");
    const m = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(out);
    expect(m, out).not.toBeNull();
    const gzipKiB = Number(m![2]);
    console.log(`Worker bundle: ${m![1]} KiB, ${gzipKiB} KiB gzip`);
    expect(gzipKiB).toBeLessThan(3 * 1024);
    // The widget bundle travels as its own Text module beside the Worker script.
    expect(readdirSync(outdir).some((f) => f.endsWith("widget.js"))).toBe(true);
    expect(readdirSync(outdir)).toContain("index.js");
  }, 60_000);

  it("refuses to deploy without DATABASE_URL, and never to a local file", async () => {
    const none = await deploy([]);
    expect(none.code).toBe(2);
    expect(none.out).toContain("set DATABASE_URL");
    const file = await deploy([], { DATABASE_URL: "file:/tmp/x.db" });
    expect(file.code).toBe(2);
    expect(file.out).toContain("remote database");
  }, 60_000);

  it("--migrations-only applies the migrations to a remote database with its token", async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), "coupons-remote-")), "db.sqlite");
    const server = await startHranaServer({ dbPath, authToken: "turso-token" });
    try {
      const bad = await deploy(["--migrations-only"], { DATABASE_URL: server.url, DATABASE_AUTH_TOKEN: "wrong" });
      expect(bad.code).toBe(1);
      expect(bad.out).toContain("nothing deployed");
      const { code, out } = await deploy(["--migrations-only"], { DATABASE_URL: server.url, DATABASE_AUTH_TOKEN: "turso-token" });
      expect(code, out).toBe(0);
      const client = createClient({ url: server.url, authToken: "turso-token" });
      const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
      client.close();
      const names = tables.rows.map((r) => r.name);
      expect(names).toEqual(expect.arrayContaining(["shops", "api_keys", "coupons", "live_codes"]));
      // A second run finds nothing to do.
      expect((await deploy(["--migrations-only"], { DATABASE_URL: server.url, DATABASE_AUTH_TOKEN: "turso-token" })).code).toBe(0);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
