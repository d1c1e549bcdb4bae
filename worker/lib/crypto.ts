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

/** A SHA-256 hex digest computed synchronously, where the host has one (Node's `crypto`); see `AppConfig.sha256Hex`. */
export type SyncSha256 = (text: string) => string;

/**
 * The hash of a request as validated, behind Idempotency-Key and event ids. zod builds every object of a
 * validated request anew in its schema's key order, and request schemas are strict objects with no
 * records (test/security/bodies-audit.test.ts walks the OpenAPI document to keep them so): the same body
 * sent with its keys in another order, or with a default spelled out, gives the same JSON, hence the
 * same hash, without sorting keys ourselves (bench/notes.md). A host's synchronous SHA-256 (Node) answers
 * at once; WebCrypto's is a job on another thread and a promise (Workers, and the fallback).
 */
export async function hashBody(validated: unknown, sync?: SyncSha256): Promise<string> {
  const text = JSON.stringify(validated) ?? "null";
  return sync ? sync(text) : sha256Hex(text);
}
