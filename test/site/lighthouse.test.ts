/**
 * Lighthouse 12.2.3 on /demo (mobile preset), once, against the real server. It asserts what does not
 * depend on this machine's speed: accessibility, best practices and SEO at 100, layout shift under 0.05,
 * every request answered from our own origin. The performance score (simulated timings, which follow the
 * load of a shared 2-core machine) is judged by `npm run lighthouse` as the median of three runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lighthouseOnce } from "../../scripts/lighthouse-run.js";
import { runBrowserTests } from "../support/chromium.js";
import { startServer, type StartedServer } from "../support/server.js";

describe.skipIf(!runBrowserTests)("Lighthouse on /demo", () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer();
    await (await fetch(`${server.url}/demo`)).text(); // the widget is built once, as on any server that has served
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("scores 100 for accessibility, best practices and SEO, with no layout shift", async () => {
    const run = await lighthouseOnce(`${server.url}/demo`);
    console.log(`Lighthouse ${run.version}: ${JSON.stringify(run.scores)}, CLS ${run.metrics["cumulative-layout-shift"]}`);
    expect({ a11y: run.scores.accessibility, bp: run.scores["best-practices"], seo: run.scores.seo }, run.missed.join("\n")).toEqual({
      a11y: 100,
      bp: 100,
      seo: 100,
    });
    expect(run.metrics["cumulative-layout-shift"]).toBeLessThan(0.05);
    const origin = new URL(server.url).origin;
    expect(run.requests.length).toBeGreaterThanOrEqual(4);
    for (const r of run.requests) {
      expect(new URL(r.url).origin, r.url).toBe(origin);
      expect(r.statusCode, r.url).toBe(200);
    }
    // Compressed on the wire: the widget's 32 KB arrive as about 11.
    const widget = run.requests.find((r) => /\/widget\.[0-9a-f]{10}\.js$/.test(r.url));
    expect(widget?.transferSize).toBeLessThan(14_000);
  }, 120_000);
});
