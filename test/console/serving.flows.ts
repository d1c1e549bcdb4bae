/** How `/console` is served by the Node server (`npm start`): compressed, cached, and pinned by its CSP. */
import { expect, it } from "vitest";
import type { Harness } from "./harness.js";

export function servingChecks(h: Harness) {
  it("serves the page (revalidated, CSP) and its content-hashed scripts (a year, immutable), compressed", async () => {
    const page = await fetch(`${h.server.url}/console`, { headers: { "accept-encoding": "br, gzip" } });
    expect(page.status).toBe(200); // (under 1 KB: sent as is, not worth a compression frame)
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const csp = page.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    const html = await page.text();
    const again = await fetch(`${h.server.url}/console`, { headers: { "if-none-match": page.headers.get("etag")! } });
    expect(again.status).toBe(304);
    const names = [...html.matchAll(/\/console\/assets\/([\w.-]+\.js)/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThanOrEqual(1);
    for (const name of new Set(names)) {
      const js = await fetch(`${h.server.url}/console/assets/${name}`, { headers: { "accept-encoding": "br, gzip" } });
      expect(js.status, name).toBe(200);
      expect(js.headers.get("content-encoding"), name).toBe("br");
      expect(js.headers.get("cache-control"), name).toBe("public, max-age=31536000, immutable");
      expect(js.headers.get("content-type"), name).toContain("text/javascript");
      await js.arrayBuffer();
    }
    expect((await fetch(`${h.server.url}/console/assets/nope.js`)).status).toBe(404);
  });
}
