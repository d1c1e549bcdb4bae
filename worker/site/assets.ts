/**
 * Static answers (the widget, its locale modules, the docs viewer, the favicon) with a strong `ETag` and
 * the caching their name allows: a content-hashed or versioned name never changes meaning, so it is cached
 * for a year as `immutable`; a plain name (`/widget.js`) may change with any deploy, so it is cached for
 * five minutes and then revalidated (a 304 when unchanged).
 */
import type { Context } from "hono";

export interface StaticAsset {
  body: string | Uint8Array<ArrayBuffer>;
  type: string;
  /** Strong validator: a digest of the body, quoted. */
  etag: string;
  /** The first 10 hex digits of the body's SHA-256, for content-hashed names. */
  hash: string;
}

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const SHORT = "public, max-age=300, must-revalidate";

const encoder = new TextEncoder();

export async function makeAsset(body: string | Uint8Array<ArrayBuffer>, type: string): Promise<StaticAsset> {
  const bytes = typeof body === "string" ? encoder.encode(body) : body;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = [...digest.slice(0, 12)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return { body, type, etag: `"${hex}"`, hash: hex.slice(0, 10) };
}

/**
 * True when `If-None-Match` names this validator. The comparison is weak (RFC 9110 §13.1.2): a compressing
 * layer (ours on Node, Cloudflare's on Workers) hands the client a weakened `W/"…"` of the same ETag.
 */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

/** The asset, or a 304 when the client already holds it. */
export function sendAsset(c: Context, asset: StaticAsset, cacheControl: string, extra: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { ETag: asset.etag, "Cache-Control": cacheControl, ...extra };
  if (notModified(c.req.header("if-none-match"), asset.etag)) return c.body(null, 304, headers);
  return c.body(asset.body as string, 200, { "Content-Type": asset.type, ...headers });
}

/**
 * A lazily made value (an asset, a set of them), kept once made: the first request pays for building and
 * hashing, later ones reuse it. A failed load is not kept, so the next request tries again.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () =>
    (made ??= load().catch((err) => {
      made = undefined;
      throw err;
    }));
}
