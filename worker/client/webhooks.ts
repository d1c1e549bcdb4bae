/**
 * Webhook signatures, for receivers (and used by the API to sign): `Coupon-Signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. WebCrypto only, so the same code runs on Node 20+,
 * Workers, Deno, Bun and browsers; no import of the rest of the project (README "Webhooks").
 *
 * The HMAC key is the endpoint's whole secret (`whsec_…`) as UTF-8 bytes. Verify the RAW body, exactly
 * the bytes received, before parsing it: re-serialized JSON would not match.
 */

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    // A sender signs with few secrets; a bound keeps a receiver fed many secrets from growing without end.
    if (keys.size >= 256) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

function hex(bytes: ArrayBuffer): string {
  let out = "";
  for (const b of new Uint8Array(bytes)) out += b.toString(16).padStart(2, "0");
  return out;
}

/** `v1`: hex HMAC-SHA256 of `"<t>.<rawBody>"` with the secret. */
export async function computeSignature(secret: string, timestamp: number, rawBody: string): Promise<string> {
  return hex(await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(`${timestamp}.${rawBody}`)));
}

/** The `Coupon-Signature` header value for this body at `timestamp` (unix seconds). */
export async function signatureHeader(secret: string, rawBody: string, timestamp: number): Promise<string> {
  return `t=${timestamp},v1=${await computeSignature(secret, timestamp, rawBody)}`;
}

/** `t` and every `v1` of a header; other schemes are ignored (a future `v2` may be sent beside `v1`). */
export function parseSignatureHeader(header: string): { timestamp: number | null; signatures: string[] } {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const k = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    if (k === "t" && /^\d{1,12}$/.test(v)) timestamp = Number(v);
    else if (k === "v1" && /^[0-9a-f]{64}$/.test(v)) signatures.push(v);
  }
  return { timestamp, signatures };
}

/** Equal strings of equal length, compared in time that does not depend on where they differ. */
function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * True when `header` carries a `v1` signature of `rawBody` by `secret` whose `t` lies within
 * `toleranceSeconds` of now (of `nowSeconds` when given): a replay of an old delivery is refused.
 * A retried delivery is signed afresh, so it passes too.
 *
 * ```ts
 * const ok = await verifySignature(process.env.WEBHOOK_SECRET!, req.headers["coupon-signature"], rawBody, 300);
 * ```
 */
export async function verifySignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string,
  toleranceSeconds: number,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): Promise<boolean> {
  if (!header) return false;
  const { timestamp, signatures } = parseSignatureHeader(header);
  if (timestamp === null || signatures.length === 0) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = await computeSignature(secret, timestamp, rawBody);
  let ok = false;
  for (const s of signatures) ok = timingSafeEqual(s, expected) || ok;
  return ok;
}
