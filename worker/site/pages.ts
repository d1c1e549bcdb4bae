/**
 * The small pages around the API: `/` (what is here, and how to embed the widget) and the favicon.
 * Their inline `<style>` is allowed by hash (security-headers.ts); they have no script.
 */
import type { Context } from "hono";
import { makeAsset, lazy, sendAsset } from "./assets.js";
import { hashedWidgetPath } from "./widget.js";

/** A tag-shaped coupon in the demo's green: one small SVG for every size and both favicon names. */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M3 5a2 2 0 0 1 2-2h11l13 13-13 13L3 16z" fill="#0f5c4d"/><circle cx="10" cy="10" r="3" fill="#fff"/><path d="M13 21l8-8" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/></svg>';

const favicon = lazy(() => makeAsset(FAVICON_SVG, "image/svg+xml"));

/** `/favicon.svg` and `/favicon.ico` (browsers that ask for the .ico without a link render the SVG too). */
export async function serveFavicon(c: Context): Promise<Response> {
  return sendAsset(c, await favicon(), "public, max-age=86400");
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

export async function serveIndex(c: Context): Promise<Response> {
  const origin = new URL(c.req.url).origin;
  const widget = (await hashedWidgetPath(c.get("config")).catch(() => undefined)) ?? "/widget.js";
  const embed = [
    `<script type="module" src="${origin}${widget}"></script>`,
    `<promo-code-field api="${origin}" publishable-key="pk_…" name="promo"></promo-code-field>`,
    `<coupon-list api="${origin}" publishable-key="pk_…" buyer-token="…"></coupon-list>`,
  ].join("\n");
  return c.html(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Edge Coupons: a seller-coupon engine for storefronts, with an HTTP API and web components.">
<title>Edge Coupons</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>
  body { font: 16px/1.5 system-ui, sans-serif; color: #1f2933; max-width: 44rem; margin: 2rem auto; padding: 0 1.25rem; }
  h1 { color: #0f5c4d; margin-bottom: 0.25rem; }
  a { color: #0f5c4d; }
  li { margin: 0.4rem 0; }
  pre { background: #f3faf7; border: 1px solid #d4e9e1; border-radius: 8px; padding: 0.75rem; overflow-x: auto; font-size: 0.85rem; }
</style>
</head>
<body>
<main>
<h1>Edge Coupons</h1>
<p>Promo codes, claimable coupons and an exact, explained checkout discount.</p>
<ul>
  <li><a href="/docs">API reference</a> (the <a href="/openapi.json">OpenAPI document</a>)</li>
  <li><a href="/demo">Demo storefront</a> using the widget (with <code>npm start</code>)</li>
  <li><a href="/console">Seller console</a></li>
  <li><a href="/health">Health</a></li>
</ul>
<h2>Embed the widget</h2>
<pre><code>${escapeHtml(embed)}</code></pre>
<p><code>${widget}</code> names this exact build and is cached for a year; <code>/widget.js</code> is always the current one, cached for five minutes.</p>
</main>
</body>
</html>
`);
}
