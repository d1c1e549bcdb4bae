/**
 * The demo storefront for the browser suites: one real server (`worker/node.ts`) and one headless Chromium per
 * suite, a promo code of our own (CAP3), and helpers to open /demo and read what the widget shows and emits.
 * Each suite photographs its states to test-results/screenshots/ for a person to look at.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchChromium } from "../support/chromium.js";
import { type StartedServer, startServer } from "../support/server.js";

/** `expect.poll` with room for a busy CI machine (its default gives up after one second). */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
export const root = join(import.meta.dirname, "../..");
const shots = join(root, "test-results/screenshots");

/** The demo cart at first: one mug (12.00) and one tee (25.00). */
export const START_SUBTOTAL = "$37.00";

/** Starts the server and Chromium for the calling suite (its beforeAll/afterAll) and returns the helpers. */
export function demoStorefront() {
  let server: StartedServer;
  let browser: Browser;

  /** Calls the API as the demo shop's server (secret key). */
  async function admin(path: string, body?: unknown) {
    const res = await fetch(server.url + path, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${server.demo.secretKey}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    // launchChromium throws where Chromium is missing (in CI that is a failure, not a skip).
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    // A promo code of our own for one product: $3 off caps, no minimum.
    const now = Date.now();
    await admin("/v1/coupons", {
      type: "promo_code",
      name: "Three off caps",
      code: "CAP3",
      discount: { kind: "fixed", amount_minor: 300 },
      min_spend_minor: 0,
      scope: { kind: "products", product_ids: ["demo-cap"] },
      quantity: 100,
      per_customer_limit: null,
      active_starts_at: new Date(now - 60_000).toISOString(),
      active_ends_at: new Date(now + 7 * 86_400_000).toISOString(),
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A fresh page on /demo with every widget event recorded in `window.events`. */
  async function openDemo(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
    page.on("pageerror", (e) => console.error("page error:", e.message));
    await page.addInitScript(() => {
      const w = window as unknown as { events: { type: string; detail: unknown }[] };
      w.events = [];
      for (const type of ["promo-applied", "promo-rejected", "promo-removed", "coupon-claimed"]) {
        document.addEventListener(type, (e) => w.events.push({ type, detail: (e as CustomEvent).detail }));
      }
    });
    await page.goto(`${server.url}/demo`);
    // The page's own first quote has answered (its total may carry a coupon claimed by an earlier test).
    await poll(() => page.locator("#subtotal").textContent()).toBe(START_SUBTOTAL);
    return page;
  }

  const events = (page: Page) => page.evaluate(() => (window as unknown as { events: { type: string; detail: any }[] }).events);
  const field = (page: Page) => page.locator("promo-code-field");
  const message = (page: Page) => page.locator("promo-code-field [part=message]");
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  /** The focused element, through shadow roots: its `part` or tag name. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a ? (a.getAttribute("part") ?? a.tagName.toLowerCase()) : null;
    });
  async function applyCode(page: Page, code: string) {
    await page.locator("promo-code-field input").fill(code);
    await page.locator("promo-code-field [part=apply-button]").click();
  }
  const plus = (page: Page, product: string) => page.getByRole("button", { name: `One more ${product}` }).click();
  const minus = (page: Page, product: string) => page.getByRole("button", { name: `One less ${product}` }).click();

  return { admin, openDemo, events, field, message, shot, focused, applyCode, plus, minus };
}
