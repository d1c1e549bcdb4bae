/**
 * The wrangler `[build]` step: writes `dist/widget.js` (the same bundle `/widget.js` serves on Node), which
 * the Workers entry imports as a Text module. Unlike running scripts/build-widget.ts directly, it leaves
 * the tracked custom-elements manifest alone, so `wrangler dev` in tests never rewrites source files.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildWidget } from "./build-widget.js";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const { js, gzipBytes } = await buildWidget();
await mkdir(dist, { recursive: true });
// Written aside and renamed: two wrangler runs at once (tests run in parallel) never see half a file.
const tmp = join(dist, `widget.js.${process.pid}.tmp`);
await writeFile(tmp, js);
await rename(tmp, join(dist, "widget.js"));
console.log(`dist/widget.js: ${js.length} bytes, ${gzipBytes} bytes gzip`);
