/**
 * `npm run deploy`: applies pending migrations to the remote libSQL database (Turso), then `wrangler deploy`.
 *
 *   DATABASE_URL=libsql://coupons-<org>.turso.io DATABASE_AUTH_TOKEN=… npm run deploy
 *   npm run deploy -- --dry-run [--outdir dist/worker]   # offline: builds the bundle, prints its size, no migrations
 *   npm run deploy -- --migrations-only                  # only the migrations (e.g. before a rollback-safe release)
 *
 * Every argument is passed on to `wrangler deploy`. When DATABASE_URL is set it is also handed to the Worker
 * (`--var DATABASE_URL:…`), so the database that was migrated is the one the Worker uses. Migrations run
 * before the new code goes live, so they must be additive: the old Worker keeps serving against the
 * migrated schema for the seconds the rollout takes.
 */
import { createClient } from "@libsql/client";
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "../db/client.js";
import { applyMigrations } from "../db/migrate.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const migrationsOnly = process.argv.includes("--migrations-only");
const args = process.argv.slice(2).filter((a) => a !== "--migrations-only");
const dryRun = args.includes("--dry-run");
const url = process.env.DATABASE_URL;

if (dryRun) {
  console.log("deploy: --dry-run, migrations skipped");
} else {
  if (!url) {
    console.error("deploy: set DATABASE_URL (libsql://<db>-<org>.turso.io) and DATABASE_AUTH_TOKEN, or pass --dry-run.");
    process.exit(2);
  }
  if (url.startsWith("file:") || url === ":memory:") {
    console.error(`deploy: DATABASE_URL must be a remote database the Worker can reach, not ${url}.`);
    process.exit(2);
  }
  const client = createClient({ url, authToken: process.env.DATABASE_AUTH_TOKEN });
  try {
    await applyMigrations(createDb(client));
    console.log(`deploy: migrations applied to ${url.replace(/\?.*$/, "")}`);
  } catch (err) {
    console.error("deploy: migrations failed, nothing deployed:", err);
    process.exit(1);
  } finally {
    client.close();
  }
  if (migrationsOnly) process.exit(0);
}

const wranglerArgs = ["deploy", ...args];
if (url && !args.some((a) => a.startsWith("DATABASE_URL:"))) wranglerArgs.push("--var", `DATABASE_URL:${url}`);
const wrangler = join(root, "node_modules", ".bin", process.platform === "win32" ? "wrangler.cmd" : "wrangler");
const child = spawn(wrangler, wranglerArgs, { cwd: root, stdio: "inherit", env: process.env });
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
