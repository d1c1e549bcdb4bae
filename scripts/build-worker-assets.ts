/**
 * The wrangler `[build]` step, run before every `wrangler dev` / `wrangler deploy`:
 * - `dist/widget.js` and `dist/widget-<module>.js` (`widget-coupon-summary.js`, `widget-locales-de.js`):
 *   the widget and the modules beside it (the same files Node serves), imported by the Workers entry as
 *   Text modules;
 * - `dist/console.html`: the seller console's page (it names its scripts), imported as a Text module and
 *   served by the Worker at `/console` like the other pages;
 * - `dist/public/`: the static `[assets]` directory Cloudflare serves before the Worker runs: the docs
 *   viewer (swagger-ui-dist's two files, under a versioned path), the console's scripts (named by their
 *   content hash, under /console/assets/), and `_headers` giving both a year of cache.
 * Unlike running scripts/build-widget.ts directly, it leaves the tracked custom-elements manifest alone,
 * so `wrangler dev` in tests never rewrites source files. When none of its inputs changed since the last
 * run (`dist/.inputs`: their sizes and times), it does nothing: `wrangler dev` runs it twice at start, and
 * tests start several at once.
 */
import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

/** Every input's path, size and time, hashed: the same when nothing that goes into dist/ changed. */
async function inputsDigest(): Promise<string> {
  const files: string[] = [];
  for (const dir of ["widget/src", "console/src"])
    for (const f of await readdir(join(root, dir), { recursive: true })) files.push(join(dir, f));
  files.push("console/index.html", "package-lock.json", "worker/site/docs.ts");
  for (const f of await readdir(join(root, "scripts")))
    if (f.startsWith("build-") || f.startsWith("widget-")) files.push(join("scripts", f));
  const h = createHash("sha256");
  for (const f of files.sort()) {
    const s = await stat(join(root, f));
    if (s.isFile()) h.update(`${f}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return h.digest("hex");
}
const digest = await inputsDigest();
const stamp = join(dist, ".inputs");
const outputs = ["widget.js", "console.html", "public/_headers"].map((f) => join(dist, f));
const exists = (f: string) =>
  stat(f).then(
    () => true,
    () => false,
  );
if ((await readFile(stamp, "utf8").catch(() => "")) === digest && (await Promise.all(outputs.map(exists))).every(Boolean)) {
  console.log("dist/: up to date");
  process.exit(0);
}
// Loaded only now: the builders (esbuild, Lit's sources) are most of this step's start-up time.
const { buildWidget, buildWidgetModule, WIDGET_MODULES } = await import("./build-widget.js");
const { buildConsole } = await import("./build-console.js");
const { DOCS_ASSETS, DOCS_FILES } = await import("../worker/site/docs.js");

/**
 * Written aside and renamed: two wrangler runs at once (tests run in parallel) never see half a file. A
 * file whose bytes are already there is left alone: a running `wrangler dev` watches dist/ and would
 * reload (answering 503 meanwhile) for a build that changed nothing.
 */
async function put(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await write(tmp);
  const [made, there] = await Promise.all([readFile(tmp), readFile(path).catch(() => null)]);
  if (there && made.equals(there)) return unlink(tmp);
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
console.log(`dist/public${DOCS_ASSETS}: ${Object.keys(DOCS_FILES).join(", ")}`);

const sellerConsole = await buildConsole();
const consoleAssets = join(dist, "public", "console", "assets");
for (const [name, source] of Object.entries(sellerConsole.files)) {
  await put(join(consoleAssets, name), (tmp) => writeFile(tmp, source));
}
// Scripts of earlier builds would be uploaded with every deploy: only this build's stay.
for (const name of await readdir(consoleAssets)) {
  if (!(name in sellerConsole.files) && !name.endsWith(".tmp")) await rm(join(consoleAssets, name), { force: true });
}
await put(join(dist, "console.html"), (tmp) => writeFile(tmp, sellerConsole.html));
console.log(`dist/public/console/assets: ${Object.keys(sellerConsole.files).join(", ")}; dist/console.html`);

// Cloudflare's static assets read caching rules from `_headers`; versioned and hashed paths never change meaning.
const immutable = "  Cache-Control: public, max-age=31536000, immutable\n  X-Content-Type-Options: nosniff\n";
await put(join(dist, "public", "_headers"), (tmp) => writeFile(tmp, `/docs/assets/*\n${immutable}/console/assets/*\n${immutable}`));
await put(stamp, (tmp) => writeFile(tmp, digest));
