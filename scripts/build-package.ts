/**
 * `npm run build`: what the npm package holds, in `dist/` (package.json `files` and `exports`):
 * - `dist/client/index.js`: the typed client (`edge-coupons/client`), openapi-fetch left as a dependency;
 * - `dist/client/webhooks.js`: a webhook receiver's signature check alone (`edge-coupons/client/webhooks`);
 * - `dist/widget/index.js`, `dist/widget/locales/de.js` (+ shared chunks): the widget for bundlers
 *   (`edge-coupons/widget`, `edge-coupons/widget/locales/de`), Lit left as a dependency so a page has one;
 * - `dist/engine/index.js`: the pure engine (`edge-coupons/engine`);
 * - `dist/types/`: their `.d.ts`, emitted by tsc (tsconfig.package.json);
 * - `dist/openapi.json`: the OpenAPI document (placeholder server), `edge-coupons/openapi.json`.
 * ES modules for ES2022, not minified (a consumer's bundler minifies). The `/widget.js` the API serves
 * (Lit inside, minified) is another build: scripts/build-widget.ts.
 */
import { build } from "esbuild";
import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { writeDocument } from "./openapi.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = (...parts: string[]) => join(root, "dist", ...parts);

export async function buildPackage(): Promise<void> {
  await Promise.all(["client", "widget", "engine", "types"].map((d) => rm(dist(d), { recursive: true, force: true })));
  const common = { bundle: true, format: "esm", target: "es2022", platform: "neutral", sourcemap: false, logLevel: "warning" } as const;
  await Promise.all([
    build({ ...common, entryPoints: [join(root, "client/index.ts")], outfile: dist("client/index.js"), external: ["openapi-fetch"] }),
    build({ ...common, entryPoints: [join(root, "worker/client/webhooks.ts")], outfile: dist("client/webhooks.js") }),
    build({
      ...common,
      entryPoints: { index: join(root, "widget/src/index.ts"), "locales/de": join(root, "widget/src/locales/de.ts") },
      outdir: dist("widget"),
      splitting: true,
      chunkNames: "chunks/[name]-[hash]",
      external: ["lit", "lit/*", "@lit/*"],
    }),
    build({ ...common, entryPoints: [join(root, "worker/engine/index.ts")], outfile: dist("engine/index.js") }),
    promisify(execFile)(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.package.json")], {
      cwd: root,
    }),
    writeDocument(dist("openapi.json")),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildPackage();
  console.log("dist/: client, widget, engine, types, openapi.json");
}
