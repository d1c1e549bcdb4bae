/**
 * The seller console (README "Seller console"): its page at `/console`, revalidated on every visit (a 304
 * while the build is the same), and its scripts under `/console/assets/`, named by their content hash and
 * so cached for a year. Workers serve those scripts as static `[assets]` before the Worker runs; the route
 * below answers them where the host hands them over (Node). Compression is the host's (site/index.ts);
 * the page's Content-Security-Policy is `securityHeaders`' (its own scripts and styles only).
 */
import type { Context } from "hono";
import type { AppConfig } from "../lib/config.js";
import { ApiError } from "../lib/problem.js";
import { IMMUTABLE, lazy, makeAsset, sendAsset, type StaticAsset } from "./assets.js";

interface ConsoleFiles {
  page: StaticAsset;
  scripts: Map<string, StaticAsset>;
}

// Per host assets object (one per app), so tests building several apps never share a build.
const byHost = new WeakMap<object, () => Promise<ConsoleFiles>>();

function consoleFiles(config: AppConfig): (() => Promise<ConsoleFiles>) | undefined {
  const host = config.assets;
  const load = host?.console;
  if (!host || !load) return undefined;
  let made = byHost.get(host);
  if (!made) {
    made = lazy(async () => {
      const built = await load();
      const scripts = new Map<string, StaticAsset>();
      for (const [name, source] of Object.entries(built.files))
        scripts.set(name, await makeAsset(source, "text/javascript; charset=utf-8"));
      return { page: await makeAsset(built.html, "text/html; charset=utf-8"), scripts };
    });
    byHost.set(host, made);
  }
  return made;
}

function files(c: Context): Promise<ConsoleFiles> {
  const load = consoleFiles(c.get("config") as AppConfig);
  if (!load) throw new ApiError(404, "route_not_found", "This deployment serves no seller console.");
  return load();
}

export async function serveConsolePage(c: Context): Promise<Response> {
  return sendAsset(c, (await files(c)).page, "no-cache");
}

export async function serveConsoleScript(c: Context, name: string): Promise<Response> {
  const script = (await files(c)).scripts.get(name);
  if (!script) throw new ApiError(404, "route_not_found", "No such console script.");
  return sendAsset(c, script, IMMUTABLE);
}
