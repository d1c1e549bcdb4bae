/**
 * The site around the API over the real Node server (`worker/node.ts`): compression of text answers,
 * the widget files' validators and caching, the docs viewer's own files, the favicon, the index page,
 * and the security headers of HTML pages.
 */
import { createHash } from "node:crypto";
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import swaggerUi from "swagger-ui-dist/package.json";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type StartedServer } from "../support/server.js";
import { HTML_PAGES, siteRoutes } from "../../worker/site/index.js";

let server: StartedServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

interface Raw {
  status: number;
  headers: Record<string, string>;
  /** The bytes as sent (still compressed, if they were). */
  bytes: Buffer;
  /** The body decoded from its Content-Encoding. */
  text: string;
}

/** A GET with node:http, which (unlike fetch) shows the bytes and headers exactly as the server sent them. */
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(server.url + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const bytes = Buffer.concat(chunks);
        const enc = res.headers["content-encoding"];
        const plain = enc === "br" ? brotliDecompressSync(bytes) : enc === "gzip" ? gunzipSync(bytes) : bytes;
        resolve({ status: res.statusCode!, headers: res.headers as Record<string, string>, bytes, text: plain.toString("utf8") });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("compression on Node", () => {
  it("sends text answers as Brotli or gzip as the client accepts, the same content as uncompressed", async () => {
    const plain = await get("/openapi.json");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    const br = await get("/openapi.json", { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.text).toBe(plain.text);
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 4);
    const gz = await get("/openapi.json", { "accept-encoding": "gzip;q=1, br;q=0" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.text).toBe(plain.text);
    expect((await get("/openapi.json", { "accept-encoding": "identity" })).headers["content-encoding"]).toBeUndefined();
  });

  it("compresses the pages and the widget too, but not answers under 1 KB", async () => {
    for (const path of ["/", "/demo", "/widget.js", "/widget/locales/de.js", "/widget/coupon-summary.js"]) {
      const res = await get(path, { "accept-encoding": "br" });
      expect(res.status, path).toBe(200);
      expect(res.headers["content-encoding"], path).toBe("br");
    }
    const health = await get("/health", { "accept-encoding": "br" });
    expect(health.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(health.text)).toEqual({ ok: true });
  });
});

describe("widget files", () => {
  it("/widget.js: a strong ETag, five minutes of cache, 304 when unchanged (also for the weakened ETag)", async () => {
    const res = await get("/widget.js");
    expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=300, must-revalidate");
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    const etag = res.headers.etag;
    expect(etag).toMatch(/^"[0-9a-f]{24}"$/);
    const again = await get("/widget.js", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    // Compressed, the ETag is sent weakened; the browser sends that back, and it still matches.
    const br = await get("/widget.js", { "accept-encoding": "br" });
    expect(br.headers.etag).toBe(`W/${etag}`);
    expect((await get("/widget.js", { "if-none-match": br.headers.etag, "accept-encoding": "br" })).status).toBe(304);
    expect((await get("/widget.js", { "if-none-match": '"something-else"' })).status).toBe(200);
  });

  it("the content-hashed name serves the same bytes for a year; an unknown hash is a 404", async () => {
    const plain = await get("/widget.js");
    const manifest = JSON.parse((await get("/widget/manifest.json")).text);
    expect(manifest.widget).toMatch(/^\/widget\.[0-9a-f]{10}\.js$/);
    const hashed = await get(manifest.widget);
    expect(hashed.status).toBe(200);
    expect(hashed.text).toBe(plain.text);
    expect(hashed.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(hashed.headers.etag).toBe(plain.headers.etag);
    const stale = await get("/widget.0123456789.js");
    expect(stale.status).toBe(404);
    expect(stale.headers["content-type"]).toContain("application/problem+json");
  });

  it("a locale module imports the widget of its own name: plain from plain, hashed from hashed", async () => {
    const manifest = JSON.parse((await get("/widget/manifest.json")).text);
    const plain = await get("/widget/locales/de.js");
    expect(plain.status).toBe(200);
    expect(plain.text).toContain('from"../../widget.js"');
    expect(plain.text).toContain("Gutscheincode");
    expect(plain.headers["cache-control"]).toContain("max-age=300");
    expect(manifest.locales.de).toMatch(/^\/widget\/locales\/de\.[0-9a-f]{10}\.js$/);
    const hashed = await get(manifest.locales.de);
    expect(hashed.text).toContain(`from"../..${manifest.widget}"`);
    expect(hashed.headers["cache-control"]).toContain("immutable");
    expect((await get("/widget/locales/de.js", { "if-none-match": plain.headers.etag })).status).toBe(304);
    expect((await get("/widget/locales/xx.js")).status).toBe(404);
    expect((await get("/widget/locales/de.0123456789.js")).status).toBe(404);
  });

  it("<coupon-summary> is its own module beside the widget, importing it the same way, with its own ETag", async () => {
    const manifest = JSON.parse((await get("/widget/manifest.json")).text);
    const plain = await get("/widget/coupon-summary.js");
    expect(plain.status).toBe(200);
    expect(plain.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(plain.headers["access-control-allow-origin"]).toBe("*");
    expect(plain.text).toContain('"coupon-summary"');
    expect(plain.text).toContain('from"../widget.js"');
    expect(plain.headers["cache-control"]).toContain("max-age=300");
    expect((await get("/widget/coupon-summary.js", { "if-none-match": plain.headers.etag })).status).toBe(304);
    expect(manifest.components["coupon-summary"]).toMatch(/^\/widget\/coupon-summary\.[0-9a-f]{10}\.js$/);
    const hashed = await get(manifest.components["coupon-summary"]);
    expect(hashed.text).toContain(`from"..${manifest.widget}"`);
    expect(hashed.text).not.toContain('"../widget.js"');
    expect(hashed.headers["cache-control"]).toContain("immutable");
    expect(hashed.headers.etag).not.toBe(plain.headers.etag);
    // The widget itself no longer carries it.
    expect((await get("/widget.js")).text).not.toContain('"coupon-summary"');
    for (const path of ["/widget/coupon-summary.0123456789.js", "/widget/promo-code-field.js", "/widget/nothing.js"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers["content-type"], path).toContain("application/problem+json");
    }
  });
});

describe("pages", () => {
  it("/ links the docs, the demo and the console, and shows the embed snippet with the hashed widget", async () => {
    const res = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    for (const href of ["/docs", "/demo", "/console", "/openapi.json"]) expect(res.text).toContain(`href="${href}"`);
    const manifest = JSON.parse((await get("/widget/manifest.json")).text);
    expect(res.text).toContain(`${server.url}${manifest.widget}`);
  });

  it("the site answers HTML only on its HTML_PAGES, the paths that get the pages' security headers", async () => {
    const manifest = JSON.parse((await get("/widget/manifest.json")).text) as Record<string, string>;
    const fixed = siteRoutes.routes.filter((r) => r.method === "GET" && !r.path.includes(":")).map((r) => r.path);
    const assets = Object.values(manifest).filter((v) => typeof v === "string" && v.startsWith("/"));
    const html: string[] = [];
    for (const path of [...fixed, ...assets]) {
      const res = await get(path);
      if ((res.headers["content-type"] ?? "").startsWith("text/html")) html.push(path);
    }
    expect(html.sort()).toEqual([...HTML_PAGES].sort());
  });

  it("HTML pages carry a CSP listing exactly their inline blocks, and the other security headers", async () => {
    for (const path of HTML_PAGES) {
      const res = await get(path);
      const csp = res.headers["content-security-policy"];
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).not.toContain("unsafe-inline");
      for (const [, script] of res.text.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
        expect(csp, `${path} inline script`).toContain(sha256(script));
      }
      for (const [, style] of res.text.matchAll(/<style>([\s\S]*?)<\/style>/g)) expect(csp, `${path} style`).toContain(sha256(style));
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(res.headers["x-frame-options"]).toBe("DENY");
    }
    // API answers are not pages: no CSP, but no sniffing either.
    const api = await get("/openapi.json");
    expect(api.headers["content-security-policy"]).toBeUndefined();
    expect(api.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("/demo references the hashed widget and summary module, and is never stored (it carries a buyer token)", async () => {
    const res = await get("/demo");
    const manifest = JSON.parse((await get("/widget/manifest.json")).text);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.text).toContain(`src="${manifest.widget}"`);
    expect(res.text).toContain(`from "${manifest.widget}"`);
    expect(res.text).toContain(`src="${manifest.components["coupon-summary"]}"`);
    expect(res.text).not.toContain('"/widget.js"');
    expect(res.text).not.toContain('"/widget/coupon-summary.js"');
  });

  it("/docs uses only our own copy of the viewer, cached for a year", async () => {
    const page = await get("/docs");
    const refs = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(4);
    for (const ref of refs) expect(ref, ref).toMatch(/^\/(?!\/)/); // same origin: a path, never a host
    const version = swaggerUi.version;
    for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
      const path = `/docs/assets/swagger-ui-${version}/${file}`;
      expect(refs).toContain(path);
      const res = await get(path, { "accept-encoding": "br" });
      expect(res.status, path).toBe(200);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(res.headers["content-encoding"]).toBe("br");
    }
    expect((await get(`/docs/assets/swagger-ui-${version}/index.html`)).status).toBe(404);
  });

  it("serves a favicon (SVG) under both names", async () => {
    for (const path of ["/favicon.ico", "/favicon.svg"]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers["content-type"]).toBe("image/svg+xml");
      expect(res.text).toMatch(/^<svg /);
    }
  });
});
