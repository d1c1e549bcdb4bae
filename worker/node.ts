/**
 * `npm start`: the API on Node with an embedded libSQL file. Reads the environment (README "Configuration"),
 * applies pending migrations, creates the demo shop on an empty database, and serves the same app as the
 * Workers entry.
 */
import { serve } from "@hono/node-server";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations } from "../db/migrate.js";
import { openDatabase, socketAddress, useNodeFastPaths } from "./adapters/node/host.js";
import { createApp } from "./app.js";
import { configFromEnv } from "./lib/env-config.js";
import { randomString } from "./lib/ids.js";
import { signBuyerToken } from "./lib/jwt.js";
import { getShop, hasAnyShop } from "./store/shops.js";
import { createDemoShop, ensureDemoCoupons, readDemoKeys, type DemoKeys } from "./demo/seed.js";
import { startSweeper } from "./services/sweeper.js";
import { nodeSiteAssets } from "./site/node-assets.js";
import { withCompression } from "./adapters/node/compression.js";
import { listenErrorMessage } from "./lib/listen-error.js";
import { startWebhookWorker } from "./adapters/node/webhook-worker.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

async function main() {
  const env = process.env;
  const port = env.PORT === undefined || env.PORT === "" ? 8787 : Number(env.PORT);
  const host = env.HOST ?? "127.0.0.1";
  const url = env.DATABASE_URL || `file:${resolve(root, "data/coupons.db")}`;
  const demoFile = env.DEMO_KEYS_FILE || resolve(root, "data/demo-keys.json");
  // A local file or :memory: runs on one native connection with statements prepared once
  // (worker/adapters/node/native-client); remote databases keep @libsql/client.
  const { db, native } = openDatabase(url, env.DATABASE_AUTH_TOKEN);
  await applyMigrations(db);

  const adminToken = env.ADMIN_TOKEN || `adm_${randomString(32)}`;
  const config = configFromEnv(env, adminToken);
  config.clientAddress = socketAddress;
  useNodeFastPaths(config, native);

  const fresh = !(await hasAnyShop(db));
  let demo: DemoKeys | null = readDemoKeys(demoFile);
  const listenOrigin = `http://${host}:${port}`;
  if (fresh) demo = await createDemoShop(db, demoFile, Date.now(), listenOrigin);
  else if (demo) {
    const shop = await getShop(db, demo.shop_id);
    if (shop) await ensureDemoCoupons(db, shop, Date.now());
    else demo = null;
  }

  config.assets = nodeSiteAssets(async () => {
    const html = readFileSync(resolve(root, "widget/demo.html"), "utf8");
    if (!demo) return "<!doctype html><title>Demo</title><p>The demo shop is not on this database.</p>";
    const token = await signBuyerToken(demo.buyer_token_secret, "demo-buyer", Math.floor(Date.now() / 1000) + 12 * 3600);
    return html.replaceAll("{{PUBLISHABLE_KEY}}", demo.publishable_key).replaceAll("{{BUYER_TOKEN}}", token);
  });

  const app = createApp({ db, config });
  const server = serve({ fetch: withCompression(app.fetch), port, hostname: host }, (info) => {
    const base = `http://${host}:${info.port}`;
    const lines = [
      `Edge Coupons API listening on ${base}`,
      `  database      ${url}`,
      `  docs          ${base}/docs`,
      `  console       ${base}/console   (sign in with the shop's secret key)`,
      `  demo store    ${base}/demo`,
      env.ADMIN_TOKEN ? `  admin token   (from ADMIN_TOKEN)` : `  admin token   ${adminToken}   (generated; set ADMIN_TOKEN to keep one)`,
    ];
    if (demo) {
      lines.push(
        `Demo shop ${demo.shop_id}${fresh ? " (created now)" : ""}:`,
        `  secret key       ${demo.secret_key}`,
        `  publishable key  ${demo.publishable_key}`,
        `  buyer token secret ${demo.buyer_token_secret}`,
      );
    }
    console.log(lines.join("\n"));
  });
  server.once("error", (err: NodeJS.ErrnoException) => {
    console.error(listenErrorMessage(err, host, port));
    process.exit(1);
  });
  const sweeper = startSweeper(db, () => Date.now());
  // Webhook deliveries (README "Webhooks"); WEBHOOK_LEASE_MS: how long another process waits before it
  // takes over deliveries this one took and did not finish (it died).
  // WEBHOOK_DELIVERY=off: this process only writes events; another process on the same database sends them.
  const webhooks =
    env.WEBHOOK_DELIVERY === "off"
      ? { stop: async () => {} }
      : startWebhookWorker(db, { leaseMs: env.WEBHOOK_LEASE_MS ? Number(env.WEBHOOK_LEASE_MS) : undefined });
  const stop = () => {
    sweeper.stop();
    // In-flight webhook requests are aborted and their deliveries given back before the process ends.
    const closed = new Promise<void>((r) => server.close(() => r()));
    Promise.all([webhooks.stop(), closed]).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
