/**
 * `/docs`: the API reference, rendered by Swagger UI from our own copy of `swagger-ui-dist` (pinned in
 * package-lock.json), so the page needs no other host and works offline. On Node the app serves the
 * viewer's two files from node_modules; on Workers the build step copies them into the static `[assets]`
 * directory (scripts/build-worker-assets.ts), which Cloudflare serves before the Worker runs.
 * The path carries the package version, so the files are cached for a year and a new version is a new URL.
 */
import type { Context } from "hono";
import swaggerUi from "swagger-ui-dist/package.json";
import { ApiError } from "../lib/problem.js";
import { IMMUTABLE, lazy, makeAsset, sendAsset, type StaticAsset } from "./assets.js";

/** Where the viewer's files live, e.g. `/docs/assets/swagger-ui-5.35.0`. */
export const DOCS_ASSETS = `/docs/assets/swagger-ui-${swaggerUi.version}`;

/** The files of swagger-ui-dist the page uses, with their media types. */
export const DOCS_FILES: Record<string, string> = {
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui.css": "text/css; charset=utf-8",
};

// Swagger UI asks an outside validator for a badge unless `validatorUrl` is null: that would leave the host.
const INIT = `addEventListener("DOMContentLoaded", () => {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#docs", validatorUrl: null, deepLinking: true,
    defaultModelsExpandDepth: 0, displayRequestDuration: true, persistAuthorization: false });
});`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Reference of the Edge Coupons HTTP API, from its OpenAPI document.">
<title>Edge Coupons API reference</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${DOCS_ASSETS}/swagger-ui.css">
<script src="${DOCS_ASSETS}/swagger-ui-bundle.js" defer></script>
<script>${INIT}</script>
</head>
<body>
<main id="docs"><noscript>The reference needs JavaScript; the raw contract is at <a href="/openapi.json">/openapi.json</a>.</noscript></main>
</body>
</html>
`;

export function serveDocsPage(c: Context): Response {
  return c.html(PAGE);
}

// Per host loader (one per app), so apps with different hosts never share a file.
const byHost = new WeakMap<object, Map<string, () => Promise<StaticAsset | undefined>>>();

/** `GET /docs/assets/swagger-ui-<version>/<file>` where the host serves the files itself (Node). */
export async function serveDocsFile(c: Context, name: string): Promise<Response> {
  const load = c.get("config").assets?.docsFile;
  const type = DOCS_FILES[name];
  if (!load || !type) throw new ApiError(404, "route_not_found", `No docs file ${name}.`);
  let files = byHost.get(load);
  if (!files) {
    files = new Map();
    byHost.set(load, files);
  }
  let entry = files.get(name);
  if (!entry) {
    entry = lazy(async () => {
      const bytes = await load(name);
      return bytes && makeAsset(bytes, type);
    });
    files.set(name, entry);
  }
  const asset = await entry();
  if (!asset) throw new ApiError(404, "route_not_found", `No docs file ${name}.`);
  return sendAsset(c, asset, IMMUTABLE);
}
