/**
 * `/widget.js` (the components with Lit inside) stays within its gzip budget, and the widget never turns
 * text into HTML.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildWidget } from "../../scripts/build-widget.js";

/**
 * 13 KB, held to 13,000 bytes so it holds whether a KB is 1,000 or 1,024 bytes. It was 12 KB for two
 * components (11.4 KB used, 6.3 KB of it Lit); the third, `<coupon-summary>` (the cart's coupon line, by
 * name), and the field's honest answers (a better claimed coupon with both amounts and a choice, the
 * amount a minimum spend still lacks, the page's own faults told apart from outages, no Retry during a
 * 429's wait) brought it to 12.8 KB. README "The widget" says the same.
 */
const BUDGET = 13_000;

describe("widget bundle", () => {
  it(`holds the three components with Lit in at most ${BUDGET} bytes gzip`, async () => {
    const { js, gzipBytes } = await buildWidget();
    for (const tag of ["promo-code-field", "coupon-list", "coupon-summary"]) expect(js).toContain(`"${tag}"`);
    // Lit is inside, not imported from elsewhere: one self-contained ES module.
    expect(js).not.toMatch(/\bfrom\s*"lit/);
    expect(js).toMatch(/export\s*\{/);
    console.log(`widget.js: ${js.length} bytes, ${gzipBytes} bytes gzip (budget ${BUDGET})`);
    expect(gzipBytes).toBeLessThanOrEqual(BUDGET);
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
