/** Promo-code suffixes the Generate button offers: letters and digits without look-alikes (0/O, 1/I/L). */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function randomSuffix(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
  let out = "";
  // Rejection sampling keeps every character equally likely (248 = 8 × 31).
  for (const b of bytes) if (b < 248 && out.length < length) out += ALPHABET[b % ALPHABET.length];
  return out.length === length ? out : randomSuffix(length);
}
