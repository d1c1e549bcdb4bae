/**
 * `widget/custom-elements.json` describes the components as they are: it equals what the generator
 * reads from the sources, and lists every `@property` attribute of each component.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateManifest } from "../../scripts/build-widget.js";

const root = join(import.meta.dirname, "../..");
const manifest = JSON.parse(readFileSync(join(root, "widget/custom-elements.json"), "utf8"));

interface Decl {
  tagName?: string;
  attributes: { name: string; fieldName: string }[];
  members: { name: string }[];
  events: { name: string }[];
  cssParts: { name: string }[];
  cssProperties: { name: string }[];
}
const declOf = (tag: string): Decl =>
  manifest.modules.flatMap((m: { declarations: Decl[] }) => m.declarations).find((d: Decl) => d.tagName === tag);

/** The reactive properties a source file declares in `static properties`, with the attribute Lit gives them. */
function propertyAttributes(file: string): string[] {
  const src = readFileSync(join(root, file), "utf8");
  const block = /static override properties: PropertyDeclarations = \{\n([\s\S]*?)\n {2}\};/.exec(src);
  expect(block, file).not.toBeNull();
  const out: string[] = [];
  for (const m of block![1].matchAll(/^\s*(\w+): \{([^}]*)\},?$/gm)) {
    const opts = m[2];
    if (/attribute:\s*false|state:\s*true/.test(opts)) continue;
    out.push(/attribute:\s*"([^"]+)"/.exec(opts)?.[1] ?? m[1].toLowerCase());
  }
  return out;
}

describe("custom-elements manifest", () => {
  it("is what `tsx scripts/build-widget.ts` generates from the sources (regenerate it after a change)", async () => {
    expect(manifest).toEqual(await generateManifest());
  });

  it.each([
    ["promo-code-field", "widget/src/promo-code-field.component.ts"],
    ["coupon-list", "widget/src/coupon-list.component.ts"],
    ["coupon-summary", "widget/src/coupon-summary.component.ts"],
  ])("lists the attribute of every reactive property of <%s>, its own and the shared ones", (tag, file) => {
    const decl = declOf(tag);
    expect(decl, tag).toBeDefined();
    const expected = [...propertyAttributes(file), ...propertyAttributes("widget/src/base.ts")];
    expect(expected).toEqual(expect.arrayContaining(["api", "publishable-key", "buyer-token", "locale"]));
    expect(decl.attributes.map((a) => a.name).sort()).toEqual([...expected].sort());
  });

  it("describes the events, parts and custom properties widget/README.md promises", () => {
    const field = declOf("promo-code-field");
    expect(field.events.map((e) => e.name)).toEqual(["promo-applied", "promo-rejected", "promo-removed"]);
    expect(field.cssParts.map((p) => p.name)).toEqual(
      expect.arrayContaining(["input", "apply-button", "remove-button", "message", "retry-button", "choice-button"]),
    );
    expect(field.members.map((m) => m.name)).toEqual(expect.arrayContaining(["cart", "strings", "value"]));
    const list = declOf("coupon-list");
    expect(list.events.map((e) => e.name)).toEqual(["coupon-claimed"]);
    expect(list.cssParts.map((p) => p.name)).toEqual(expect.arrayContaining(["item", "claim-button", "message"]));
    const summary = declOf("coupon-summary");
    expect(summary.members.map((m) => m.name)).toEqual(expect.arrayContaining(["quote", "currency"]));
    expect(summary.cssParts.map((p) => p.name)).toEqual(["base", "label", "amount"]);
    for (const d of [field, list, summary]) {
      expect(d.cssProperties.length).toBeGreaterThanOrEqual(4);
      for (const p of d.cssProperties) expect(p.name).toMatch(/^--(promo-code-field|coupon-list|coupon-summary|coupon-widget)-/);
    }
    // Every part named in the manifest exists in the component's template.
    for (const [tag, file] of [
      ["promo-code-field", "widget/src/promo-code-field.component.ts"],
      ["coupon-list", "widget/src/coupon-list.component.ts"],
      ["coupon-summary", "widget/src/coupon-summary.component.ts"],
    ] as const) {
      const src = readFileSync(join(root, file), "utf8");
      for (const p of declOf(tag).cssParts) expect(src, `${tag} part ${p.name}`).toContain(`part="${p.name}"`);
    }
  });
});
