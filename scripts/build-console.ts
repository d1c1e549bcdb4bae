/**
 * Builds the seller console (`console/`): the Lit components in one ES module plus the daily chart as a
 * chunk of its own (loaded only when a seller opens a coupon's data), names carrying a content hash so they
 * can be cached for good, and the HTML page that loads them. The Node server calls `buildConsole()` at
 * its first `/console` request; the wrangler `[build]` step writes the page to `dist/console.html` and the
 * scripts to the static assets directory for Workers.
 * Run directly (`tsx scripts/build-console.ts`) it prints the sizes.
 */
import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { moduleOptions, squeezeTemplates } from "./build-widget.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** What the host serves: the page, and each script by file name (served under `/console/assets/`). */
export interface ConsoleBuild {
  html: string;
  /** File name of the entry module (the page's `<script type="module">`). */
  entry: string;
  /** File name → JavaScript source. */
  files: Record<string, string>;
}

export async function buildConsole(): Promise<ConsoleBuild> {
  const result = await build({
    entryPoints: { console: join(root, "console/src/index.ts") },
    ...moduleOptions,
    splitting: true,
    outdir: join(root, "dist/console"),
    entryNames: "[name]-[hash]",
    chunkNames: "[name]-[hash]",
    plugins: [squeezeTemplates(/console[\\/]src[\\/].*\.(styles|component)\.ts$/)],
    // As the widget: private members (`_name`) get short names; Lit's own `_$…` internals are left alone.
    mangleProps: /^_[a-z]/,
    metafile: true,
  });
  const files: Record<string, string> = {};
  for (const f of result.outputFiles) files[basename(f.path)] = f.text;
  const entry = Object.keys(files).find((f) => f.startsWith("console-"))!;
  // The chunks the entry imports statically (Lit, shared with the chart) are preloaded with it, so the
  // browser fetches them in parallel instead of after parsing the entry.
  const out = Object.entries(result.metafile.outputs).find(([path]) => basename(path) === entry)![1];
  const preload = out.imports
    .filter((i) => i.kind === "import-statement")
    .map((i) => `<link rel="modulepreload" href="/console/assets/${basename(i.path)}">`)
    .join("\n");
  const template = await readFile(join(root, "console/index.html"), "utf8");
  return { html: template.replaceAll("{{ENTRY}}", entry).replace("{{PRELOAD}}", preload), entry, files };
}

/**
 * Gzip sizes (level 9): what every visit loads (the entry and the chunks the page preloads with it), and
 * each chunk loaded only on demand.
 */
export function gzipSizes(b: ConsoleBuild): { initial: number; initialFiles: string[]; lazy: Record<string, number> } {
  const gz = (name: string) => gzipSync(b.files[name], { level: 9 }).length;
  const initialFiles = Object.keys(b.files).filter((f) => b.html.includes(`/console/assets/${f}`));
  const lazy: Record<string, number> = {};
  for (const name of Object.keys(b.files)) if (!initialFiles.includes(name)) lazy[name] = gz(name);
  return { initial: initialFiles.reduce((a, f) => a + gz(f), 0), initialFiles, lazy };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const b = await buildConsole();
  const sizes = gzipSizes(b);
  console.log(`every visit: ${sizes.initialFiles.join(" + ")}: ${sizes.initial} bytes gzip`);
  for (const [name, gz] of Object.entries(sizes.lazy)) console.log(`on demand: ${name}: ${b.files[name].length} bytes, ${gz} bytes gzip`);
}
