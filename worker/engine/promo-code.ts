/**
 * Promo codes (R18, R20): shop prefix + 2–8 letters/digits, case-insensitive, text-safety checked.
 * Codes are compared upper-case everywhere, so normalization happens once at the edges.
 */
import { codeBlockedWord } from "./text-safety";

// The text-safety check lives in text-safety.ts; these names stay importable from here.
export { codeBlockedWord, containsBlockedWord, DEFAULT_BLOCKED_WORDS, findBlockedWord } from "./text-safety";

export const PREFIX_LENGTH = 4;
const SUFFIX_RE = /^[A-Z0-9]{2,8}$/;

/**
 * First four letters/digits of the shop name, upper-cased, padded with X. Accents are folded
 * ("Café" → CAFE) and other scripts are skipped, because codes are plain ASCII to type anywhere.
 */
export function codePrefix(shopName: string): string {
  const ascii = shopName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase();
  let p = "";
  for (const ch of ascii) {
    if (/[A-Z0-9]/.test(ch)) p += ch;
    if (p.length === PREFIX_LENGTH) break;
  }
  return p.padEnd(PREFIX_LENGTH, "X");
}

/** Case does not matter (R18): trim and upper-case. Inner characters are left for validation to judge. */
export function normalizeCode(input: string): string {
  return input.trim().toUpperCase();
}

/** 2 to 8 ASCII letters or digits, any case. */
export function validateSuffix(s: string): boolean {
  return SUFFIX_RE.test(s.toUpperCase());
}

export function fullCode(prefix: string, suffix: string): string {
  return normalizeCode(prefix) + normalizeCode(suffix);
}

/** Split a typed full code into prefix and suffix, or null if it cannot be one (lets lookups fail fast). */
export function splitCode(code: string): { prefix: string; suffix: string } | null {
  const c = normalizeCode(code);
  const prefix = c.slice(0, PREFIX_LENGTH);
  const suffix = c.slice(PREFIX_LENGTH);
  if (!/^[A-Z0-9]{4}$/.test(prefix) || !SUFFIX_RE.test(suffix)) return null;
  return { prefix, suffix };
}

/**
 * Generated suffixes avoid characters people confuse when reading a code aloud or off a screen
 * (0/O/Q, 1/I/L, 2/Z, 5/S, 8/B) and vowels, so random codes rarely spell words.
 */
export const SUFFIX_ALPHABET = "CDFGHJKMNPRTVWXY34679";

/** `random` returns [0, 1) like Math.random; injected so generation is testable and reproducible. */
export function generateSuffix(random: () => number, length = 6): string {
  if (!Number.isInteger(length) || length < 2 || length > 8) throw new RangeError("suffix length must be 2..8");
  let s = "";
  for (let i = 0; i < length; i++) {
    const idx = Math.min(SUFFIX_ALPHABET.length - 1, Math.max(0, Math.floor(random() * SUFFIX_ALPHABET.length)));
    s += SUFFIX_ALPHABET[idx];
  }
  return s;
}

/**
 * A generated suffix the text-safety check (R20) allows with this prefix, or null when `attempts` random
 * suffixes were all blocked (a list so wide that it leaves nothing to generate). Generation never hands
 * out a blocked code.
 */
export function generateAllowedSuffix(
  random: () => number,
  prefix: string,
  blockedWords: readonly string[],
  length = 6,
  attempts = 200,
): string | null {
  for (let i = 0; i < attempts; i++) {
    const s = generateSuffix(random, length);
    if (codeBlockedWord(prefix, s, blockedWords) === null) return s;
  }
  return null;
}
