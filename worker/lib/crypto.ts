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
 * Stable JSON (sorted keys) hashed: the same body in another key order is still the same body. With a
 * host's synchronous SHA-256 (Node) the hash costs a few µs; WebCrypto's is a job on another thread and
 * a promise (Workers, and the fallback).
 */
export async function hashBody(value: unknown, sync?: SyncSha256): Promise<string> {
  const text = stableStringify(value);
  return sync ? sync(text) : sha256Hex(text);
}

/**
 * JSON with every object's keys in sorted order and `undefined` members left out (as JSON.stringify
 * does). Written as one pass over the value that appends to a string: the version built from
 * Object.entries, filter, sort, map and join took 120 µs for a 20-line cart.
 */
export function stableStringify(value: unknown): string {
  return stringifyInto(value) ?? "null";
}

/** Object keys repeat from body to body (field names): each is quoted once. Bounded, as keys may be anything. */
const quotedKeys = new Map<string, string>();
function quoteKey(k: string): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (quotedKeys.size < 1_000) quotedKeys.set(k, q);
  }
  return q;
}

function stringifyInto(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null"; // as JSON.stringify
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return stringifyInto((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      out += stringifyInto(value[i]) ?? "null";
    }
    return out + "]";
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = "{";
  let first = true;
  for (const k of keys) {
    const v = stringifyInto(obj[k]);
    if (v === undefined) continue; // undefined and functions are left out, as by JSON.stringify
    out += (first ? "" : ",") + quoteKey(k) + ":" + v;
    first = false;
  }
  return out + "}";
}
