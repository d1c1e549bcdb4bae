/**
 * The console's bundle stays within its budget (README "Seller console": what every visit downloads, gzip),
 * the daily chart stays a chunk of its own that a visit does not load, and the console's sources never
 * turn text into HTML nor touch storage JavaScript can read (the session lives in an HttpOnly cookie).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildConsole, gzipSizes } from "../../scripts/build-console.js";

/** Bytes, gzip level 9, of the entry and the chunks the page preloads with it. */
const INITIAL_BUDGET = 45_000;
/** Bytes, gzip, of the chart chunk loaded when a seller opens a coupon's data. */
const CHART_BUDGET = 3_000;

const sources = () => {
  const dir = join(import.meta.dirname, "../../console/src");
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => [f, readFileSync(join(dir, f), "utf8")] as const);
};

describe("console bundle", () => {
  it(`loads at most ${INITIAL_BUDGET} bytes gzip on a visit; the chart (at most ${CHART_BUDGET}) only on demand`, async () => {
    const b = await buildConsole();
    const sizes = gzipSizes(b);
    const chart = Object.keys(sizes.lazy).find((f) => f.startsWith("daily-chart"));
    console.log(
      `console: ${sizes.initialFiles.join(" + ")} = ${sizes.initial} bytes gzip (budget ${INITIAL_BUDGET}); on demand: ${JSON.stringify(sizes.lazy)}`,
    );
    expect(sizes.initialFiles).toContain(b.entry);
    expect(sizes.initial).toBeLessThanOrEqual(INITIAL_BUDGET);
    expect(chart, "the chart is a chunk of its own").toBeDefined();
    expect(sizes.initialFiles).not.toContain(chart);
    expect(sizes.lazy[chart!]).toBeLessThanOrEqual(CHART_BUDGET);
    // The entry reaches the chart only through a dynamic import().
    expect(b.files[b.entry]).toMatch(new RegExp(`import\\("\\./${chart!.replace(/[.-]/g, "\\$&")}"\\)`));
    // Lit is inside, not fetched from elsewhere; every script name carries its content hash.
    expect(Object.values(b.files).join("\n")).not.toMatch(/\bfrom\s*"lit/);
    for (const name of Object.keys(b.files)) expect(name).toMatch(/-[A-Z0-9]{8}\.js$/);
  });

  it("renders server text through Lit text bindings only (no unsafeHTML, innerHTML or unsafe directives)", () => {
    const files = sources();
    expect(files.length).toBeGreaterThan(15);
    for (const [f, src] of files) expect(src, f).not.toMatch(/unsafeHTML|unsafeSVG|innerHTML|outerHTML|insertAdjacentHTML|unsafeStatic/);
  });

  it("never reads or writes storage JavaScript can see: no localStorage, sessionStorage or document.cookie", () => {
    for (const [f, src] of sources()) expect(src, f).not.toMatch(/localStorage|sessionStorage|document\.cookie|indexedDB/);
  });
});
