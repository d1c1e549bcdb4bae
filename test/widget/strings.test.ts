/** The strings table: a sentence for every reason code in English and German, and money in words. */
import { describe, expect, it } from "vitest";
import { en, resolveStrings, reasonText } from "../../widget/src/strings.js";
import { de } from "../../widget/src/locales/de.js";
import { formatMoney } from "../../widget/src/money.js";
import { REASON_CODES } from "../../worker/contract/codes.js";

describe("widget strings", () => {
  it.each([
    ["en", en],
    ["de", de],
  ] as const)("%s has one distinct sentence per reason code", (_l, t) => {
    expect(Object.keys(t.reasons).sort()).toEqual([...REASON_CODES].sort());
    const sentences = Object.values(t.reasons);
    for (const s of sentences) expect(s).toMatch(/^\S.{8,}[.!]$/);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it("German has every key English has, and differs from it", () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    expect(de.reasons.expired).not.toBe(en.reasons.expired);
  });

  it("resolves a locale by its primary subtag, falls back to English, and lays overrides over it", () => {
    expect(resolveStrings("de-AT").apply).toBe(de.apply); // de registered itself when imported
    expect(resolveStrings("fr-FR")).toBe(en);
    const t = resolveStrings("en", { apply: "Use", reasons: { expired: "Too late." } });
    expect(t.apply).toBe("Use");
    expect(t.reasons.expired).toBe("Too late.");
    expect(t.reasons.code_not_found).toBe(en.reasons.code_not_found);
  });

  it("uses the server's message only for a reason code it does not know", () => {
    expect(reasonText(en, "expired", "server words")).toBe(en.reasons.expired);
    expect(reasonText(en, "brand_new_reason", "server words")).toBe("server words");
    expect(reasonText(en, "brand_new_reason")).toBe(en.unknownReason);
  });

  it("formats minor units by the currency's own digits", () => {
    expect(formatMoney(370, "USD", "en")).toBe("$3.70");
    expect(formatMoney(500, "JPY", "en")).toBe("¥500");
    expect(formatMoney(1234, "EUR", "de")).toMatch(/^12,34\s€$/);
    expect(en.applied("DEMOSAVE10", formatMoney(370, "USD", "en"))).toBe("Code DEMOSAVE10 applied: you save $3.70.");
  });
});
