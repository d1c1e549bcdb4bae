/**
 * Buyer tokens: HS256 JWTs signed by the storefront's server with the shop's `buyer_token_secret`.
 * Only HS256 is accepted (never `none` or another algorithm), `exp` is required and checked against real
 * time with a small leeway, and the signature is checked with WebCrypto's constant-time `verify`.
 */
const encoder = new TextEncoder();
const LEEWAY_SECONDS = 30;

function b64urlToBytes(s: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4);
  try {
    const bin = atob(b64);
    const out = new Uint8Array(new ArrayBuffer(bin.length));
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

function bytesToB64url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const keyCache = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    if (keyCache.size > 1000) keyCache.clear();
    keyCache.set(secret, key);
  }
  return key;
}

export type TokenResult = { ok: true; sub: string } | { ok: false; why: string };

export async function verifyBuyerToken(token: string, secret: string, nowSeconds: number): Promise<TokenResult> {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, why: "malformed token" };
  const [h, p, s] = parts;
  let header: { alg?: unknown; typ?: unknown };
  let payload: { sub?: unknown; exp?: unknown; nbf?: unknown };
  try {
    header = JSON.parse(new TextDecoder().decode(b64urlToBytes(h) ?? new Uint8Array()));
    payload = JSON.parse(new TextDecoder().decode(b64urlToBytes(p) ?? new Uint8Array()));
  } catch {
    return { ok: false, why: "malformed token" };
  }
  if (!header || typeof header !== "object" || header.alg !== "HS256") return { ok: false, why: "only HS256 tokens are accepted" };
  // A validly signed payload may still be `null`, a number or an array: not a claims object.
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return { ok: false, why: "malformed token" };
  const sig = b64urlToBytes(s);
  if (sig?.length !== 32) return { ok: false, why: "bad signature" };
  const valid = await crypto.subtle.verify("HMAC", await hmacKey(secret), sig, encoder.encode(`${h}.${p}`));
  if (!valid) return { ok: false, why: "bad signature" };
  if (typeof payload.exp !== "number" || !Number.isFinite(payload.exp)) return { ok: false, why: "exp is required" };
  if (payload.exp + LEEWAY_SECONDS <= nowSeconds) return { ok: false, why: "token expired" };
  if (typeof payload.nbf === "number" && payload.nbf - LEEWAY_SECONDS > nowSeconds) return { ok: false, why: "token not yet valid" };
  if (typeof payload.sub !== "string" || payload.sub.length < 1 || payload.sub.length > 64)
    return { ok: false, why: "sub must be a buyer id of 1 to 64 characters" };
  return { ok: true, sub: payload.sub };
}

/** Signs a buyer token; what a storefront's server does (used by the demo page and the tests). */
export async function signBuyerToken(secret: string, sub: string, expSeconds: number): Promise<string> {
  const h = bytesToB64url(encoder.encode(JSON.stringify({ alg: "HS256", typ: "JWT" })));
  const p = bytesToB64url(encoder.encode(JSON.stringify({ sub, exp: expSeconds })));
  const sig = await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(`${h}.${p}`));
  return `${h}.${p}.${bytesToB64url(new Uint8Array(sig))}`;
}
