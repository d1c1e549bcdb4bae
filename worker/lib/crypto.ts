/** Hashing and constant-time comparison on WebCrypto, available on Node 20 and Workers. */
const encoder = new TextEncoder();

function toHex(buf: ArrayBuffer): string {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

/**
 * Compares a presented string `a` with the `expected` secret without an early exit, so timing reveals
 * nothing of where they differ. The loop runs over the secret's length only (not the longer of the two),
 * so a caller sending long guesses cannot time the loop to learn the secret's length either.
 */
export function timingSafeEqual(a: string, expected: string): boolean {
  // UTF-16 code units, read in place: every request compares its bearer token with the admin token, and
  // encoding both to bytes first cost two allocations per request. Past `a`'s end, charCodeAt is NaN,
  // which `| 0` turns into 0, so a shorter `a` runs the same loop.
  let diff = a.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (a.charCodeAt(i) | 0) ^ expected.charCodeAt(i);
  return diff === 0 && expected.length > 0;
}

/** Stable JSON (sorted keys) hashed: the same body in another key order is still the same body. */
export async function hashBody(value: unknown): Promise<string> {
  return sha256Hex(stableStringify(value));
}

export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
}
