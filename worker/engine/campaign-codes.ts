/**
 * Campaign codes: a promo code's many single-use codes, each the shop's prefix + a random suffix. The
 * alphabet leaves out the characters people mistake for others when reading a code off paper or a screen
 * (0/O, 1/I/L), which leaves 31 of the 36 letters and digits: 31^length suffixes, about 2^(5·length)
 * (9.2 × 10^5 for 4 characters, 8.5 × 10^11 for 8).
 *
 * Drawing `count` codes at random from that space collides with itself about count² / (2 · space) times
 * (some 5,400 times for 100,000 codes of 4 characters, almost never for 6 or more) and with the region's
 * live codes of the same prefix in proportion to how full the space already is. So a draw that repeats
 * one already drawn, is held elsewhere, or spells a blocked word (R20) is simply drawn again: only those
 * codes are redrawn, never the whole set. Pure: the random bytes are passed in.
 */

export const CAMPAIGN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** How many distinct suffixes of `length` the alphabet makes. */
export const suffixSpace = (length: number): number => CAMPAIGN_ALPHABET.length ** length;

/** Bytes at or above this are skipped, so each of the 31 characters is equally likely. */
const BYTE_LIMIT = 256 - (256 % CAMPAIGN_ALPHABET.length);

/**
 * Adds suffixes of `length` to `into` until it holds `count`, each drawn uniformly and kept only when new
 * and `accept`ed. Gives up after `maxDraws` draws (a space too crowded to finish: the caller refuses),
 * so it always ends. Returns the number of draws it made.
 */
export function drawSuffixes(
  randomBytes: (n: number) => Uint8Array,
  length: number,
  count: number,
  accept: (suffix: string) => boolean,
  into: Set<string>,
  maxDraws = 20 * count + 1_000,
): number {
  let draws = 0;
  let bytes: Uint8Array = new Uint8Array(0);
  let at = 0;
  while (into.size < count && draws < maxDraws) {
    let s = "";
    while (s.length < length) {
      if (at === bytes.length) {
        // Enough for the codes still missing, plus the bytes rejection sampling skips.
        bytes = randomBytes(Math.max(1_024, Math.ceil((count - into.size) * length * 1.1)));
        at = 0;
      }
      const b = bytes[at++];
      if (b < BYTE_LIMIT) s += CAMPAIGN_ALPHABET[b % CAMPAIGN_ALPHABET.length];
    }
    draws++;
    if (!into.has(s) && accept(s)) into.add(s);
  }
  return draws;
}
