/** Random identifiers and secrets from the platform's CSPRNG (WebCrypto: Node 20 and Workers alike). */
const ALPHANUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

export function randomString(length: number, alphabet = ALPHANUM): string {
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = "";
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const b of bytes) {
      if (b < limit) out += alphabet[b % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** Sortable-enough ids with a type prefix, e.g. `cpn_…`; 20 random characters (~119 bits). */
export const newId = (prefix: string) => `${prefix}_${randomString(20)}`;

/** A uniform float in [0, 1) from the CSPRNG, for the engine's code generator. */
export function secureRandom(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] / 2 ** 32;
}
