/**
 * `/docs` and `/` in real Chromium over the real Node server: the reference renders the API's operations
 * from our own copy of the viewer, with every request of the page to our own origin and no CSP violation.
 * Screenshots go to test-results/screenshots/ for a person to look at.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, runBrowserTests } from "../support/chromium.js";
import { startServer, type StartedServer } from "../support/server.js";

const shots = join(import.meta.dirname, "../../test-results/screenshots");

describe.skipIf(!runBrowserTests)("site pages in Chromium", () => {
  let server: StartedServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A page that records every request it makes and every console error (CSP violations are errors). */
  async function open(path: string, width = 1280): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url + path);
    return { page, requests, errors };
  }

  it("/docs renders every operation from our own bundle, asking no other host", async () => {
    const { page, requests, errors } = await open("/docs");
    const ops = page.locator(".opblock");
    await expect.poll(() => ops.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(20);
    await expect.poll(() => page.locator(".opblock-summary-path", { hasText: "/v1/checkout/quote" }).count()).toBe(1);
    await page.screenshot({ path: join(shots, "20-docs.png") });
    // Open the quote operation: its request body schema renders (the viewer ran its full code under our CSP).
    await page.locator(".opblock-summary-path", { hasText: "/v1/checkout/quote" }).click();
    await expect
      .poll(() => page.locator(".opblock.is-open .body-param__example, .opblock.is-open .model-example").count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, "21-docs-quote-open.png") });
    const origin = new URL(server.url).origin;
    expect(requests.length).toBeGreaterThanOrEqual(4);
    for (const url of requests) expect(new URL(url).origin, url).toBe(origin);
    expect(requests).toContain(`${origin}/openapi.json`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("/ is a small page linking the docs, the demo and the console", async () => {
    const { page, requests, errors } = await open("/", 412);
    for (const name of ["API reference", "Demo storefront", "Seller console"]) {
      expect(await page.getByRole("link", { name }).count(), name).toBe(1);
    }
    await page.screenshot({ path: join(shots, "22-index.png"), fullPage: true });
    await page.getByRole("link", { name: "API reference" }).click();
    await page.waitForURL(/\/docs$/);
    for (const url of requests) expect(new URL(url).origin, url).toBe(new URL(server.url).origin);
    expect(errors).toEqual([]);
    await page.close();
  });
});
