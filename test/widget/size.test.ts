/**
 * `/widget.js` (the two components of widget/README.md with Lit inside) stays within its gzip budget, the modules
 * served beside it stay small and take Lit from it, and the widget never turns text into HTML.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { buildWidget, buildWidgetModule, WIDGET_MODULES } from "../../scripts/build-widget.js";

/**
 * widget/README.md: `/widget.js` with Lit inside is at most 12 KB gzip, held to 12,000 bytes so it holds whether
 * a KB is 1,000 or 1,024 bytes. widget/README.md says where the bytes went.
 */
const BUDGET = 12_000;
/** `<coupon-summary>`, served beside the widget: its own code and styles only (about 0.6 KB). */
const SUMMARY_BUDGET = 1_000;

const gzip = (s: string) => gzipSync(s, { level: 9 }).length;
/** Lit announces each copy of itself on `globalThis`; a module that carries Lit carries these. */
const LIT_INSIDE = /litHtmlVersions|reactiveElementVersions|litElementVersions/;

describe("widget bundle", () => {
  it(`holds the two components of widget/README.md with Lit in at most ${BUDGET} bytes gzip`, async () => {
    const { js, gzipBytes } = await buildWidget();
    for (const tag of ["promo-code-field", "coupon-list"]) expect(js).toContain(`"${tag}"`);
    expect(js).not.toContain('"coupon-summary"'); // served beside it
    // Lit is inside, not imported from elsewhere: one self-contained ES module.
    expect(js).toMatch(LIT_INSIDE);
    expect(js).not.toMatch(/\bimport\s*[{*"]|\bfrom\s*"/);
    expect(js).toMatch(/export\s*\{/);
    console.log(`widget.js: ${js.length} bytes, ${gzipBytes} bytes gzip (budget ${BUDGET})`);
    expect(gzipBytes).toBeLessThanOrEqual(BUDGET);
  });

  it(`serves <coupon-summary> beside it in at most ${SUMMARY_BUDGET} bytes gzip, with Lit taken from /widget.js`, async () => {
    const js = (await buildWidgetModule("coupon-summary"))!;
    expect(js).toContain('"coupon-summary"');
    expect(js).not.toMatch(LIT_INSIDE);
    const imports = [...js.matchAll(/\bfrom\s*"([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(imports)).toEqual(new Set(["../widget.js"]));
    console.log(`widget/coupon-summary.js: ${js.length} bytes, ${gzip(js)} bytes gzip (budget ${SUMMARY_BUDGET})`);
    expect(gzip(js)).toBeLessThanOrEqual(SUMMARY_BUDGET);
  });

  it("every name a module beside the widget imports is one /widget.js exports", async () => {
    const { js: widget } = await buildWidget();
    for (const name of WIDGET_MODULES) {
      const module = (await buildWidgetModule(name))!;
      // Bundled against the real widget, a missing export is esbuild's error ("No matching export").
      const linked = build({
        stdin: { contents: module, sourcefile: `${name}.js`, loader: "js" },
        bundle: true,
        write: false,
        format: "esm",
        logLevel: "silent",
        plugins: [
          {
            name: "the-widget",
            setup(b) {
              b.onResolve({ filter: /widget\.js$/ }, () => ({ path: "widget.js", namespace: "widget" }));
              b.onLoad({ filter: /.*/, namespace: "widget" }, () => ({ contents: widget, loader: "js" }));
            },
          },
        ],
      });
      await expect(linked, name).resolves.toBeDefined();
    }
  });

  it("renders server text through Lit text bindings only (no unsafeHTML, innerHTML or unsafe directives)", () => {
    const dir = join(import.meta.dirname, "../../widget/src");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const src = readFileSync(join(dir, f), "utf8");
      expect(src, f).not.toMatch(/unsafeHTML|unsafeSVG|innerHTML|outerHTML|insertAdjacentHTML|unsafeStatic/);
    }
  });
});
