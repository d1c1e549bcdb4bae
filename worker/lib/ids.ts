/** Random identifiers and secrets from the platform's CSPRNG (WebCrypto: Node 20 and Workers alike). */
const ALPHANUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * CSPRNG bytes drawn 4 KB at a time: every request makes a request id, and one `getRandomValues` call
 * per id cost more than the rest of the id (a native call and a fresh buffer each time). The pool is
 * filled lazily, on first use, because Workers refuse random values in global scope. Bytes handed out
 * are never handed out again.
 */
const POOL_SIZE = 4096;
let pool: Uint8Array | null = null;
let poolAt = POOL_SIZE;

function randomByte(): number {
  if (poolAt === POOL_SIZE) {
    pool ??= new Uint8Array(POOL_SIZE);
    crypto.getRandomValues(pool);
    poolAt = 0;
  }
  return pool![poolAt++];
}

export function randomString(length: number, alphabet = ALPHANUM): string {
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = "";
  while (out.length < length) {
    const b = randomByte();
    if (b < limit) out += alphabet[b % alphabet.length];
  }
  return out;
}

/** Sortable-enough ids with a type prefix, e.g. `cpn_…`; 20 random characters (~119 bits). */
export const newId = (prefix: string) => `${prefix}_${randomString(20)}`;

/** A uniform float in [0, 1) from the CSPRNG, for the engine's code generator. */
export function secureRandom(): number {
  const u32 = ((randomByte() << 24) | (randomByte() << 16) | (randomByte() << 8) | randomByte()) >>> 0;
  return u32 / 2 ** 32;
}

/** `n` bytes from the CSPRNG (WebCrypto fills at most 65,536 bytes a call), for bulk code generation. */
export function secureRandomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let at = 0; at < n; at += 65_536) crypto.getRandomValues(out.subarray(at, Math.min(n, at + 65_536)));
  return out;
}
