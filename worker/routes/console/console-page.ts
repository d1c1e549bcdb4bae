/**
 * The seller console's page and scripts (README "Seller console"), on Node and Workers alike. Scripts carry
 * a content hash in their names, so they are cached for a year; the page is revalidated on every visit
 * (its ETag is the entry script's hashed name) and pins what it may load with a Content-Security-Policy.
 * Both go out gzipped to clients that accept it.
 */
import type { Context } from "hono";
import type { AppEnv } from "../../lib/context.js";
import { ApiError } from "../../lib/problem.js";
import { createRouter } from "../../lib/router.js";

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // The page's one <style> block and Lit's style attributes (the chart's bar heights).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

async function load(c: Context<AppEnv>) {
  const assets = c.get("config").assets;
  if (!assets?.console) throw new ApiError(404, "route_not_found", "This deployment serves no seller console.");
  return { built: await assets.console(), runtimeEncodes: assets.runtimeEncodes === true };
}

const acceptsGzip = (c: Context) => /\bgzip\b/i.test(c.req.header("accept-encoding") ?? "");

function send(c: Context<AppEnv>, text: string, gz: Uint8Array | undefined, runtimeEncodes: boolean, headers: Record<string, string>) {
  const base = { ...headers, Vary: "Accept-Encoding", "X-Content-Type-Options": "nosniff" };
  if (acceptsGzip(c)) {
    if (gz) return c.body(gz as Uint8Array<ArrayBuffer>, 200, { ...base, "Content-Encoding": "gzip" });
    if (runtimeEncodes) return c.body(text, 200, { ...base, "Content-Encoding": "gzip" });
  }
  return c.body(text, 200, base);
}

export const consolePage = createRouter()
  .get("/console/", (c) => c.redirect("/console", 301))
  .get("/console", async (c) => {
    const { built, runtimeEncodes } = await load(c);
    const entry = Object.keys(built.files).find((f) => built.html.includes(f)) ?? "";
    const etag = `"${entry}"`;
    const common = { ETag: etag, "Cache-Control": "no-cache", "Content-Security-Policy": CSP, "Referrer-Policy": "no-referrer" };
    if (c.req.header("if-none-match") === etag) return c.body(null, 304, common);
    return send(c, built.html, built.gzip?.["index.html"], runtimeEncodes, { ...common, "Content-Type": "text/html; charset=utf-8" });
  })
  .get("/console/assets/:file", async (c) => {
    const { built, runtimeEncodes } = await load(c);
    const name = c.req.param("file");
    const text = Object.hasOwn(built.files, name) ? built.files[name] : undefined;
    if (text === undefined) throw new ApiError(404, "route_not_found", "No such console asset.");
    return send(c, text, built.gzip?.[name], runtimeEncodes, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    });
  });
