import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  codePrefix,
  fullCode,
  generateSuffix,
  normalizeCode,
  splitCode,
  SUFFIX_ALPHABET,
  validateSuffix,
} from "../../worker/engine/promo-code";

describe("promo codes", () => {
  it.each([
    ["Acme Outdoor", "ACME"],
    ["ab", "ABXX"],
    ["  r2-d2 shop", "R2D2"],
    ["Café Noir", "CAFE"],
    ["!!!", "XXXX"],
    ["Zoë's 9 Lives", "ZOES"],
  ])("R18: prefix of %j is %s", (name, want) => {
    expect(codePrefix(name)).toBe(want);
  });

  it("R18: case does not matter", () => {
    expect(normalizeCode("  acmeSave10 ")).toBe("ACMESAVE10");
    expect(fullCode("acme", "save10")).toBe("ACMESAVE10");
  });

  it.each([
    ["AB", true],
    ["ab12cd34", true],
    ["A", false],
    ["ABCDEFGHI", false],
    ["AB-1", false],
    ["ÄB", false],
    ["", false],
  ])("R18: suffix %j valid=%s", (s, ok) => {
    expect(validateSuffix(s)).toBe(ok);
  });

  it("R18: splitCode separates the 4-character prefix from a valid suffix", () => {
    expect(splitCode("acmesave10")).toEqual({ prefix: "ACME", suffix: "SAVE10" });
    expect(splitCode("ACMEX")).toBeNull();
    expect(splitCode("ACME123456789")).toBeNull();
  });

  it("R18: generated suffixes have the length asked, use only unambiguous characters, and are reproducible", () => {
    for (const ch of "0O1IL") expect(SUFFIX_ALPHABET).not.toContain(ch);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 2, max: 8 }),
        (rs, len) => {
          let i = 0;
          const s = generateSuffix(() => rs[i++], len);
          expect(s).toHaveLength(len);
          expect(validateSuffix(s)).toBe(true);
          for (const ch of s) expect(SUFFIX_ALPHABET).toContain(ch);
        },
      ),
      { numRuns: 200 },
    );
    const seq = () => {
      let x = 0.1;
      return () => (x = (x * 7.3) % 1);
    };
    expect(generateSuffix(seq())).toBe(generateSuffix(seq()));
    expect(generateSuffix(() => 0.999999999)).toBe(SUFFIX_ALPHABET.at(-1)!.repeat(6));
  });
});
