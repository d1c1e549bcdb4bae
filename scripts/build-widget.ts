/**
 * Builds `/widget.js`: both components with Lit inside, one minified ES module.
 * The Node server calls `buildWidget()` at start and serves the string; run directly
 * (`tsx scripts/build-widget.ts`) it writes `dist/widget.js` and prints its size.
 */
import { build, type Plugin } from "esbuild";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** CSS of a `css` template with the spaces nobody needs taken out (esbuild leaves template text alone). */
const minifyCss = (c: string) =>
  c
    .replace(/\/\*[^]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{}:;,>])\s*/g, "$1")
    .replace(/;}/g, "}")
    .trim();

/**
 * Squeezes the whitespace of Lit templates in the widget's own sources: a `*.styles.ts` file holds one
 * `css` template without expressions; in components, only whitespace between two tags is dropped.
 */
const squeezeTemplates: Plugin = {
  name: "squeeze-templates",
  setup(b) {
    b.onLoad({ filter: /widget[\\/]src[\\/].*\.(styles|component)\.ts$/ }, async (args) => {
      const src = await readFile(args.path, "utf8");
      const contents = args.path.endsWith(".styles.ts")
        ? src.replace(/css`([^`]*)`/g, (_m, c: string) => "css`" + minifyCss(c) + "`")
        : src.replace(/>\s*\n\s*</g, "><").replace(/html`\s+/g, "html`");
      return { contents, loader: "ts" };
    });
  },
};

export async function buildWidget(): Promise<{ js: string; gzipBytes: number }> {
  const result = await build({
    stdin: {
      // The package's exports, plus the side-effect modules that define both tags.
      contents: [
        'export * from "./widget/src/index.ts";',
        'import "./widget/src/promo-code-field.ts";',
        'import "./widget/src/coupon-list.ts";',
      ].join("\n"),
      resolveDir: root,
      sourcefile: "widget-entry.ts",
      loader: "ts",
    },
    absWorkingDir: root,
    tsconfig: join(root, "tsconfig.json"),
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2021",
    platform: "browser",
    legalComments: "none",
    write: false,
    logLevel: "silent",
    plugins: [squeezeTemplates],
    // Private members (`_name`) get short names; Lit's own `_$…` internals are left alone.
    mangleProps: /^_[a-z]/,
  });
  const js = result.outputFiles[0].text;
  return { js, gzipBytes: gzipSync(js, { level: 9 }).length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { js, gzipBytes } = await buildWidget();
  await mkdir(join(root, "dist"), { recursive: true });
  await writeFile(join(root, "dist", "widget.js"), js);
  console.log(`dist/widget.js: ${js.length} bytes, ${gzipBytes} bytes gzip`);
}
