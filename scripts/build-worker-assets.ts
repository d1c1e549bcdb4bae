/**
 * The wrangler `[build]` step, run before every `wrangler dev` / `wrangler deploy`:
 * - `dist/widget.js` and `dist/widget-<module>.js` (`widget-coupon-summary.js`, `widget-locales-de.js`):
 *   the widget and the modules beside it (the same files Node serves), imported by the Workers entry as
 *   Text modules;
 * - `dist/public/`: the static `[assets]` directory Cloudflare serves before the Worker runs: the docs
 *   viewer (swagger-ui-dist's two files, under a versioned path) and `_headers` giving them a year of cache.
 * Unlike running scripts/build-widget.ts directly, it leaves the tracked custom-elements manifest alone,
 * so `wrangler dev` in tests never rewrites source files.
 */
import { copyFile, mkdir, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildWidget, buildWidgetModule, WIDGET_MODULES } from "./build-widget.js";
import { DOCS_ASSETS, DOCS_FILES } from "../worker/site/docs.js";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

/** Written aside and renamed: two wrangler runs at once (tests run in parallel) never see half a file. */
async function put(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await write(tmp);
  await rename(tmp, path);
}

const { js, gzipBytes } = await buildWidget();
await put(join(dist, "widget.js"), (tmp) => writeFile(tmp, js));
console.log(`dist/widget.js: ${js.length} bytes, ${gzipBytes} bytes gzip`);
for (const name of WIDGET_MODULES) {
  const source = await buildWidgetModule(name);
  if (source === undefined) throw new Error(`no widget module ${name}`);
  await put(join(dist, `widget-${name.replaceAll("/", "-")}.js`), (tmp) => writeFile(tmp, source));
}

const docsSource = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const docsTarget = join(dist, "public", ...DOCS_ASSETS.split("/").filter(Boolean));
for (const name of Object.keys(DOCS_FILES)) {
  await put(join(docsTarget, name), (tmp) => copyFile(join(docsSource, name), tmp));
}
// Cloudflare's static assets read caching rules from `_headers`; the versioned path never changes meaning.
const rules = "/docs/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n  X-Content-Type-Options: nosniff\n";
await put(join(dist, "public", "_headers"), (tmp) => writeFile(tmp, rules));
console.log(`dist/public${DOCS_ASSETS}: ${Object.keys(DOCS_FILES).join(", ")}`);
