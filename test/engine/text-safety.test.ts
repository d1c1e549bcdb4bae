import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateAllowedSuffix, SUFFIX_ALPHABET } from "../../worker/engine/promo-code";
import { codeBlockedWord, DEFAULT_BLOCKED_WORDS, findBlockedWord, parseBlockedWord } from "../../worker/engine/text-safety";

const blocked = (prefix: string, suffix: string, words: readonly string[] = DEFAULT_BLOCKED_WORDS) =>
  codeBlockedWord(prefix, suffix, words);

describe("R20: the text-safety check matches a code's words, not its substrings", () => {
  it("ordinary words that merely contain a blocked one pass", () => {
    for (const suffix of [
      "GLASS1",
      "CLASS10",
      "MISSEX",
      "ASSET",
      "SUSSEX",
      "GRAPE",
      "SCRAPE",
      "COCKTAIL",
      "DICKENS",
      "ESSEX",
      "BASS",
      "CLASSIC",
    ]) {
      expect(blocked("SHOP", suffix), suffix).toBeNull();
    }
    // Words formed across the prefix are judged whole too: CLAS + SIC10 reads CLASSIC10.
    expect(blocked("CLAS", "SIC10")).toBeNull();
    expect(blocked("MISS", "EX")).toBeNull();
  });

  it("a blocked word itself, or made of it and digits, is refused, whatever the case", () => {
    for (const suffix of ["SEX", "sex", "SEX10", "10SEX", "1SEX2", "ASS", "ASS69", "69ASS", "RAPE", "CRAP1"]) {
      expect(blocked("SHOP", suffix), suffix).not.toBeNull();
    }
    expect(blocked("SHOP", "SEX10")).toBe("SEX");
    // The seller's suffix is a word of its own even when the prefix ends in letters (SHOP + SEX reads SHOPSEX).
    expect(blocked("ACME", "SEX")).toBe("SEX");
    // A word straddling prefix and suffix is the seller's choice too: 12SE + X9 reads 12SEX9.
    expect(blocked("12SE", "X9")).toBe("SEX");
  });

  it("stems marked with * match inside longer words", () => {
    expect(blocked("SHOP", "FUCKYOU")).toBe("*FUCK*");
    expect(blocked("ACME", "porn")).toBe("*PORN*");
    expect(blocked("SHOP", "PISSED")).toBe("PISS*");
    expect(findBlockedWord("acmeshit", DEFAULT_BLOCKED_WORDS)).toBe("*SHIT*");
    expect(blocked("SHOP", "SAVE10")).toBeNull();
    const words = ["HELL", "*HOLE", "WIN*"];
    expect(blocked("SHOP", "HELLO", words)).toBeNull();
    expect(blocked("SHOP", "HELL5", words)).toBe("HELL");
    expect(blocked("SHOP", "AHOLE", words)).toBe("*HOLE");
    expect(blocked("SHOP", "HOLES", words)).toBeNull();
    expect(blocked("SHOP", "WINNER", words)).toBe("WIN*");
    expect(blocked("SHOP", "TWIN", words)).toBeNull();
  });

  it("a word lying wholly inside the shop's fixed prefix is not the seller's choice", () => {
    expect(blocked("ASS1", "AB")).toBeNull();
    expect(blocked("ASSE", "MBLY1")).toBeNull();
    expect(blocked("SEX1", "SEX")).toBe("SEX");
  });

  it("entries are letters with an optional * at either end; others are not entries", () => {
    expect(parseBlockedWord("*foo*")).toEqual({ entry: "*FOO*", word: "FOO", anyBefore: true, anyAfter: true });
    expect(parseBlockedWord("bar*")).toMatchObject({ word: "BAR", anyBefore: false, anyAfter: true });
    for (const bad of ["", "*", "A", "F*O", "FOO1", "**FOO", "x".repeat(21)]) expect(parseBlockedWord(bad), bad).toBeNull();
    // A malformed entry blocks nothing rather than everything.
    expect(blocked("SHOP", "SAVE10", ["*", "S*V"])).toBeNull();
  });

  it("generation never hands out a blocked code, and gives up rather than loop when nothing is allowed", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        let x = (seed >>> 0) / 2 ** 32;
        const random = () => (x = (x * 9301 + 0.49297) % 1);
        const words = ["*KK*", "*CD*", "*XY*", "KKK"];
        const s = generateAllowedSuffix(random, "SHOP", [...DEFAULT_BLOCKED_WORDS, ...words]);
        expect(s).not.toBeNull();
        expect(blocked("SHOP", s!, [...DEFAULT_BLOCKED_WORDS, ...words])).toBeNull();
      }),
      { numRuns: 300, seed: 14 },
    );
    // Every letter of the generator's alphabet blocked as a stem of two: codes of digits only are still fine.
    const letters = [...SUFFIX_ALPHABET].filter((c) => /[A-Z]/.test(c));
    const everyPair = letters.flatMap((a) => letters.map((b) => `*${a}${b}*`));
    const digitsOnly = generateAllowedSuffix(() => 0.99, "SHOP", everyPair);
    expect(digitsOnly).toBe("999999");
    // A generator stuck on a blocked code gives up.
    expect(generateAllowedSuffix(() => 0.2, "SHOP", everyPair)).toBeNull();
  });
});
