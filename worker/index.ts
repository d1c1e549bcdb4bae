/**
 * The Cloudflare Workers entry: the same app as `npm start`, over a remote libSQL database (Turso) reached
 * with `@libsql/client/web` (HTTP, no native code). Configuration comes from the Worker's `env`
 * (wrangler.toml `[vars]` and secrets), never from module scope: the app is built lazily, once per isolate
 * and per `env` object, and a Cron Trigger runs the reservation sweep and drains the webhook outbox.
 */
import { createClient } from "@libsql/client/web";
import { createDb } from "../db/client.js";
import { createApp, type AppType } from "./app.js";
import type { AppConfig } from "./lib/config.js";
import { configFromEnv, type EnvVars } from "./lib/env-config.js";
import { ApiError, problemBody } from "./lib/problem.js";
import { cacheApiBlocks, DurableObjectRateLimiter, type CounterNamespace } from "./lib/rate-limit-workers.js";
import { sweepExpiredReservations, sweepSettledDeliveries } from "./services/sweeper.js";
import { deliverDue } from "./services/webhook-delivery.js";
import { fetchPoster } from "./lib/webhook-fetch.js";
import { ReadCache } from "./store/read-cache.js";
// Written by the wrangler `[build]` step (scripts/build-worker-assets.ts) and bundled as text (`[[rules]]` Text).
import widgetJs from "../dist/widget.js";
import widgetCouponSummary from "../dist/widget-coupon-summary.js";
import widgetLocaleDe from "../dist/widget-locales-de.js";
// The seller console's page; its scripts are static assets (dist/public/console/assets), served before the Worker.
import consoleHtml from "../dist/console.html";

/** The sources of the modules beside the widget, by the names scripts/widget-modules.ts lists. */
const WIDGET_MODULE_SOURCES: Record<string, string> = { "coupon-summary": widgetCouponSummary, "locales/de": widgetLocaleDe };

// The Durable Object class behind the RATE_LIMITER binding must be exported by the main module.
export { RateLimitCounter } from "./lib/rate-limit-workers.js";

export interface WorkerEnv {
  [name: string]: unknown;
  /** `libsql://<db>-<org>.turso.io` (or `http://127.0.0.1:<port>` for a local Hrana server in tests). */
  DATABASE_URL?: string;
  /** Turso database token (secret). */
  DATABASE_AUTH_TOKEN?: string;
  /** Platform operator token (secret, required on Workers: there is no console to print a generated one). */
  ADMIN_TOKEN?: string;
  /** Failed code look-ups counted in one Durable Object per bucket, shared by every isolate and colo. */
  RATE_LIMITER?: CounterNamespace;
}

/** The parts of Workers' `ExecutionContext` and `ScheduledController` used here (no global types needed). */
interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}
interface ScheduledEvent {
  scheduledTime: number;
  cron: string;
}

type Built = { app: AppType; db: ReturnType<typeof createDb> } | { error: string };

// Keyed by the env object Workers hands every request of an isolate, so a changed binding set (a new
// deployment, or tests passing their own env) builds a new app instead of reusing a stale one.
const built = new WeakMap<object, Built>();

function build(env: WorkerEnv): Built {
  let entry = built.get(env);
  if (entry) return entry;
  entry = buildFresh(env);
  built.set(env, entry);
  return entry;
}

function buildFresh(env: WorkerEnv): Built {
  if (!env.ADMIN_TOKEN)
    return { error: "ADMIN_TOKEN is not set. On Workers it is a required secret: run `wrangler secret put ADMIN_TOKEN`." };
  if (!env.DATABASE_URL)
    return { error: "DATABASE_URL is not set: give the Worker the libsql:// URL of its Turso database (wrangler.toml [vars])." };
  let config: AppConfig;
  try {
    config = configFromEnv(env as EnvVars, env.ADMIN_TOKEN);
  } catch (err) {
    return { error: `Invalid configuration: ${(err as Error).message}` };
  }
  config.clientAddress = (c) => c.req.header("cf-connecting-ip");
  // The database is a round trip away: one batch per request, the key checked inside it, and the latest
  // coupons read kept for the guarded writes that check them again (README "A request at the edge").
  config.oneRoundTrip = true;
  config.readCache = ReadCache.latestOnly();
  // Without the binding (e.g. a trimmed wrangler.toml) each isolate counts alone: weaker, but still limited.
  // The colo's cache (Cache API) shares a known block between the colo's isolates.
  const colo = typeof caches === "undefined" ? undefined : cacheApiBlocks(() => caches.open("edge-coupons-guessing"));
  if (env.RATE_LIMITER) config.rateLimiter = new DurableObjectRateLimiter(env.RATE_LIMITER, colo);
  config.assets = {
    widgetJs: async () => widgetJs,
    widgetModuleJs: async (name) => (Object.hasOwn(WIDGET_MODULE_SOURCES, name) ? WIDGET_MODULE_SOURCES[name] : undefined),
    widgetModules: Object.keys(WIDGET_MODULE_SOURCES),
    console: async () => ({ html: consoleHtml, files: {} }),
    // The demo page needs the demo shop and keys that `npm start` creates on an empty local database.
    demoHtml: async () => {
      throw new ApiError(404, "route_not_found", "The demo storefront is Node-only: run `npm start` to try it.");
    },
  };
  const db = createDb(createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN }) as never);
  return { app: createApp({ db, config }), db };
}

function misconfigured(detail: string): Response {
  return new Response(JSON.stringify(problemBody(500, "misconfigured", detail)), {
    status: 500,
    headers: { "Content-Type": "application/problem+json" },
  });
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: WaitUntil): Response | Promise<Response> {
    const entry = build(env);
    if ("error" in entry) return misconfigured(entry.error);
    return entry.app.fetch(request, env, ctx as never);
  },

  scheduled(event: ScheduledEvent, env: WorkerEnv, ctx: WaitUntil): void {
    const entry = build(env);
    if ("error" in entry) {
      console.error(`reservation sweep skipped: ${entry.error}`);
      return;
    }
    ctx.waitUntil(
      sweepExpiredReservations(entry.db, Date.now()).then(
        (n) => console.log(`reservation sweep (${event.cron}): ${n} released`),
        (err) => console.error("reservation sweep failed", err),
      ),
    );
    ctx.waitUntil(
      sweepSettledDeliveries(entry.db, Date.now()).then(
        (n) => n && console.log(`delivery retention (${event.cron}): ${n} deleted`),
        (err) => console.error("delivery retention sweep failed", err),
      ),
    );
    ctx.waitUntil(
      drainWebhooks(entry.db).then(
        (n) => console.log(`webhook deliveries (${event.cron}): ${n} attempted`),
        (err) => console.error("webhook deliveries failed", err),
      ),
    );
  },
};

/**
 * The Cron Trigger's share of webhook deliveries: passes back to back while there is work, for at most
 * ~25 s (well inside an invocation's limits); what is left waits for the next minute's run. Deliveries
 * are leased as on Node, so overlapping runs never send one twice per attempt.
 */
async function drainWebhooks(db: Parameters<typeof deliverDue>[0]): Promise<number> {
  const until = Date.now() + 25_000;
  let attempted = 0;
  while (Date.now() < until) {
    const pass = await deliverDue(db, { poster: fetchPoster, clock: Date.now });
    if (pass.taken === 0) break;
    attempted += pass.succeeded + pass.failed;
  }
  return attempted;
}
