/**
 * Security headers of the site's HTML pages (`HTML_PAGES`; every answer's `nosniff` is in the request
 * frame, lib/middleware.ts): a Content-Security-Policy, a referrer policy, and refusal as a frame
 * (`frame-ancestors 'none'`).
 *
 * The policy allows scripts and styles from our own origin only, plus the page's own inline `<script>` and
 * `<style>` blocks by their SHA-256 (read from the page as sent, so a page needs no nonce plumbing and
 * an injected block, whose hash is not listed, never runs). A route that sets its own
 * `Content-Security-Policy` keeps it.
 */
import type { MiddlewareHandler } from "hono";

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const encoder = new TextEncoder();

async function sha256Source(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  let bin = "";
  for (const b of digest) bin += String.fromCharCode(b);
  return `'sha256-${btoa(bin)}'`;
}

async function hashesOf(html: string, pattern: RegExp): Promise<string[]> {
  const found = new Set<string>();
  for (const m of html.matchAll(pattern)) if (m[1]) found.add(await sha256Source(m[1]));
  return [...found];
}

/** The policy for one HTML page: our origin, plus exactly its inline blocks. */
export async function pageCsp(html: string): Promise<string> {
  const scripts = await hashesOf(html, INLINE_SCRIPT);
  const styles = await hashesOf(html, INLINE_STYLE);
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts].join(" "),
    ["style-src 'self'", ...styles].join(" "),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The paths whose answers are HTML pages: only they run `pageSecurity`, so API answers pay nothing for it.
 * test/site/http.test.ts checks that no other path of the site answers HTML.
 */
export const HTML_PAGES = ["/", "/docs", "/demo", "/console"] as const;

export const pageSecurity: MiddlewareHandler = async (c, next) => {
  await next();
  const html = (c.res.headers.get("content-type") ?? "").startsWith("text/html");
  if (!html) return;
  // The body is read before any header is set: reading may replace the Response's header list
  // (@hono/node-server turns its light response into a full one), and later sets must land on that one.
  const csp = !c.res.headers.has("content-security-policy") ? await pageCsp(await c.res.clone().text()) : undefined;
  const headers = c.res.headers;
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (csp) headers.set("Content-Security-Policy", csp);
};
