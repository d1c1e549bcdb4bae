/**
 * R20, the text-safety check of promo codes: a configurable list of blocked words, matched against the
 * WORDS of a code rather than any substring of it, so ordinary words that merely contain a blocked one
 * (GLASS1, CLASS10, MISSEX) pass while the blocked word itself, or a code made of it and digits (SEX,
 * SEX10, 10SEX), is refused.
 *
 * A code's words are its maximal runs of letters; digits separate them. A list entry is letters with an
 * optional `*` at either end:
 * - `ASS`    blocks a word that is exactly ASS (ASS, ASS10, 1ASS2; not GLASS, ASSET);
 * - `PISS*`  blocks a word starting with PISS (PISSED);
 * - `*HOLE`  blocks a word ending with HOLE;
 * - `*FUCK*` blocks a word containing FUCK anywhere (for stems no ordinary word contains).
 * Case never matters. The README lists the default entries; `BLOCKED_WORDS` adds platform-wide ones and a
 * shop's `blocked_words` setting adds its own.
 */

/** One entry of the list, parsed. */
export interface BlockedPattern {
  /** The entry as configured (what an answer names). */
  entry: string;
  word: string;
  /** `*WORD`: letters may come before it within the code's word. */
  anyBefore: boolean;
  /** `WORD*`: letters may come after it. */
  anyAfter: boolean;
}

const ENTRY = /^(\*?)([A-Z]{2,20})(\*?)$/;

/** An entry's form, for validating configuration (env, shop settings): 2–20 letters, `*` at either end. */
export const BLOCKED_WORD_PATTERN = /^\*?[A-Za-z]{2,20}\*?$/;

/** The default list: stems no ordinary word contains match anywhere; short or ambiguous words only whole. */
export const DEFAULT_BLOCKED_WORDS: readonly string[] = [
  "*FUCK*",
  "*SHIT*",
  "CUNT*",
  "*NAZI*",
  "*KKK*",
  "HITLER*",
  "HEIL",
  "NIGGER*",
  "NIGGA*",
  "*PORN*",
  "SEX",
  "SEXY",
  "ASS",
  "ASSHOLE*",
  "DICK",
  "DICKS",
  "COCK",
  "COCKS",
  "PUSSY",
  "TITS",
  "BITCH*",
  "WHORE*",
  "SLUT*",
  "TWAT*",
  "WANK*",
  "PISS*",
  "CRAP",
  "FAG",
  "FAGS",
  "FAGGOT*",
  "RAPE",
  "RAPIST*",
];

/** Parses an entry (case-insensitive); null for one that is not of the form above. */
export function parseBlockedWord(entry: string): BlockedPattern | null {
  const m = ENTRY.exec(entry.trim().toUpperCase());
  if (!m) return null;
  return { entry: entry.trim().toUpperCase(), word: m[2], anyBefore: m[1] === "*", anyAfter: m[3] === "*" };
}

/** The parsed entries of a list; entries of another form are skipped (configuration validates them). */
export function parseBlockedWords(entries: readonly string[]): BlockedPattern[] {
  const out: BlockedPattern[] = [];
  for (const e of entries) {
    const p = parseBlockedWord(e);
    if (p) out.push(p);
  }
  return out;
}

/** A maximal run of letters in a code, with where it lies. */
interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(code: string): Word[] {
  const out: Word[] = [];
  const re = /[A-Z]+/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

export function wordMatches(word: string, p: BlockedPattern): boolean {
  if (p.anyBefore && p.anyAfter) return word.includes(p.word);
  if (p.anyBefore) return word.endsWith(p.word);
  if (p.anyAfter) return word.startsWith(p.word);
  return word === p.word;
}

function firstMatch(words: readonly Word[], patterns: readonly BlockedPattern[]): string | null {
  for (const w of words) for (const p of patterns) if (wordMatches(w.text, p)) return p.entry;
  return null;
}

/** The first entry that blocks `code` (case-insensitive), or null. */
export function findBlockedWord(code: string, blockedWords: readonly string[]): string | null {
  return firstMatch(wordsOf(code.trim().toUpperCase()), parseBlockedWords(blockedWords));
}

export function containsBlockedWord(code: string, blockedWords: readonly string[]): boolean {
  return findBlockedWord(code, blockedWords) !== null;
}

/**
 * R20 for a new code: the entry that blocks it, or null. Judged on what the seller chose — the suffix's
 * own words (ACME + SEX is SEX), and the full code's words that reach into the suffix (a word may straddle
 * prefix and suffix: 12SE + X9 reads 12SEX9) — while a word lying wholly inside the shop's fixed prefix is
 * not the seller's choice and is ignored (otherwise a shop whose prefix is a blocked word could have no code).
 */
export function codeBlockedWord(prefix: string, suffix: string, blockedWords: readonly string[]): string | null {
  return suffixChecker(prefix, blockedWords)(suffix);
}

/**
 * `codeBlockedWord` for one prefix and list, parsed once: a campaign judges up to 100,000 suffixes
 * against the same ones.
 */
export function suffixChecker(prefix: string, blockedWords: readonly string[]): (suffix: string) => string | null {
  const patterns = parseBlockedWords(blockedWords);
  const p = prefix.trim().toUpperCase();
  // The words that reach into a suffix are its own, and one word straddling the prefix's trailing
  // letters and the suffix's leading ones.
  const trailing = /[A-Z]*$/.exec(p)![0];
  // Whole-word entries are one set look-up; only the few with a `*` are tried one by one.
  const whole = new Set(patterns.filter((x) => !x.anyBefore && !x.anyAfter).map((x) => x.word));
  const partial = patterns.filter((x) => x.anyBefore || x.anyAfter);
  const entryFor = (word: string): string | null => {
    if (!whole.has(word) && !partial.some((x) => wordMatches(word, x))) return null;
    for (const x of patterns) if (wordMatches(word, x)) return x.entry; // the list's first, as findBlockedWord
    return null;
  };
  return (suffix) => {
    const s = suffix.trim().toUpperCase();
    let first: string | null = null;
    for (let i = 0; i < s.length; ) {
      const c = s.charCodeAt(i);
      if (c < 65 || c > 90) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < s.length && s.charCodeAt(j) >= 65 && s.charCodeAt(j) <= 90) j++;
      const word = s.slice(i, j);
      const hit = entryFor(word);
      if (hit) return hit;
      if (i === 0) first = word;
      i = j;
    }
    return first !== null && trailing !== "" ? entryFor(trailing + first) : null;
  };
}
