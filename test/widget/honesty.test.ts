/**
 * The widget's honest answers, in real Chromium against a real server (its own, so claims and the
 * guessing limit of 3 failed look-ups a minute belong to this file): a claimed coupon that beats the typed
 * code, an empty cart, the page's own faults (bad cart, unknown key, origin not allowed) told apart from
 * an outage, no Retry during a 429's wait, a bounded input, and the cart's coupon line by name.
 * Screenshots go to test-results/screenshots/.
 */
import { createServer, type Server } from "node:http";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signBuyerToken } from "../support/buyer-token.js";
import { launchChromium, runBrowserTests } from "../support/chromium.js";
import { startServer, type StartedServer } from "../support/server.js";

const shots = join(import.meta.dirname, "../../test-results/screenshots");
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const CART = {
  currency: "USD",
  lines: [{ line_id: "1", product_id: "demo-tee", quantity: 1, unit_price_minor: 2500, product_discount_minor: 0 }],
  shipping_minor: 0,
  shipping_discount_minor: 0,
};

describe.skipIf(!runBrowserTests)("honest widget in Chromium", () => {
  let server: StartedServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    [server, browser] = await Promise.all([startServer({ env: { RATE_LIMIT_FAILED_LOOKUPS: "3" } }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** /demo with the widget's events and its console errors (not the browser's own "Failed to load…") recorded. */
  async function openDemo(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && m.text().startsWith("<") && errors.push(m.text()));
    await page.addInitScript(() => {
      const w = window as unknown as { events: { type: string; detail: unknown }[] };
      w.events = [];
      for (const type of ["promo-applied", "promo-rejected", "promo-removed"]) {
        document.addEventListener(type, (e) => w.events.push({ type, detail: (e as CustomEvent).detail }));
      }
    });
    await page.goto(`${server.url}/demo`);
    await poll(() => page.locator("#subtotal").textContent()).toBe("$37.00");
    return { page, errors };
  }
  const message = (page: Page) => page.locator("promo-code-field [part=message]");
  const choice = (page: Page) => page.locator("promo-code-field [part=choice-button]");
  const retry = (page: Page) => page.locator("promo-code-field [part=retry-button]");
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const events = (page: Page) => page.evaluate(() => (window as any).events as { type: string; detail: any }[]);
  const formValue = (page: Page) => page.evaluate(() => new FormData(document.querySelector("form")!).get("promo"));
  async function applyCode(page: Page, code: string) {
    await page.locator("promo-code-field input").fill(code);
    await page.locator("promo-code-field [part=apply-button]").click();
  }

  it("keeps a claimed coupon that saves more than the typed code, says so with both amounts, and lets the shopper choose", async () => {
    const { page } = await openDemo();
    const five = page.locator("coupon-list [part=item]", { hasText: "$5 off orders over $30" });
    await five.locator("[part=claim-button]").click();
    await poll(() => five.locator("[part=claim-button]").textContent()).toBe("✓ Claimed");
    // The cart's coupon line names the claimed coupon that applies by itself.
    await poll(() => page.locator("coupon-summary [part=label]").textContent()).toBe("Coupon “$5 off orders over $30”");
    expect(await page.locator("coupon-summary [part=amount]").textContent()).toBe("−$5.00");
    await poll(() => page.locator("#total").textContent()).toBe("$32.00");
    await shot(page, "30-claimed-coupon-in-cart");

    await applyCode(page, "DEMOSAVE10"); // 10 % of $37.00 = $3.70, less than $5.00
    await poll(() => message(page).textContent()).toBe(
      "Your coupon “$5 off orders over $30” saves $5.00, more than DEMOSAVE10 ($3.70), so it stays applied: only one shop coupon can be used per order.",
    );
    expect(await page.locator("#total").textContent()).toBe("$32.00");
    expect(await formValue(page)).toBeNull();
    const rejected = (await events(page)).at(-1)!;
    expect(rejected.type).toBe("promo-rejected");
    expect(rejected.detail.reasons.map((r: { code: string }) => r.code)).toEqual(["one_seller_coupon_per_order"]);
    expect(rejected.detail.better).toMatchObject({ coupon_id: expect.any(String), discount_minor: 500 });
    expect(await page.locator("promo-code-field input").getAttribute("aria-invalid")).toBeNull();
    await shot(page, "31-better-coupon-kept");

    // The shopper may still take the code (say, to keep the coupon for later), and go back.
    expect(await choice(page).textContent()).toBe("Use DEMOSAVE10 instead");
    await choice(page).click();
    await poll(() => message(page).textContent()).toBe(
      "Code DEMOSAVE10 applied: you save $3.70. Your coupon “$5 off orders over $30” would save $5.00.",
    );
    await poll(() => page.locator("#total").textContent()).toBe("$33.30");
    expect(await page.locator("coupon-summary [part=label]").textContent()).toBe("Code DEMOSAVE10");
    expect(await formValue(page)).toBe("DEMOSAVE10");
    await shot(page, "32-weaker-code-chosen");
    expect(await choice(page).textContent()).toBe("Use my coupon instead");
    await choice(page).click();
    await poll(() => page.locator("#total").textContent()).toBe("$32.00");
    expect((await events(page)).at(-1)).toEqual({ type: "promo-removed", detail: { code: "DEMOSAVE10" } });

    // When the cart grows so that the code saves more, it simply applies.
    await applyCode(page, "DEMOSAVE10");
    await poll(() => choice(page).count()).toBe(1);
    await page.getByRole("button", { name: "One more Canvas cap" }).click();
    await page.getByRole("button", { name: "One more Canvas cap" }).click(); // 37 + 36 = 73.00 → 7.30 > 5.00
    await poll(() => message(page).textContent()).toBe("Code DEMOSAVE10 applied: you save $7.30.");
    expect(await choice(page).count()).toBe(0);
    await poll(() => page.locator("#total").textContent()).toBe("$65.70");
    await page.close();
  });

  it("says an empty cart is empty, and bounds the input to the API's 32 characters", async () => {
    const { page } = await openDemo();
    await page.getByRole("button", { name: "One less Enamel mug" }).click();
    await page.getByRole("button", { name: "One less Organic tee" }).click();
    await applyCode(page, "DEMOSAVE10");
    await poll(() => message(page).textContent()).toBe("Your cart is empty. Add something to use a code.");
    await shot(page, "33-empty-cart");
    const input = page.locator("promo-code-field input");
    expect(await input.getAttribute("maxlength")).toBe("32");
    await input.fill("");
    await input.pressSequentially("X".repeat(40));
    expect((await input.inputValue()).length).toBe(32);
    await page.close();
  });

  it("a bad cart or an unknown key is the page's fault: logged with cause and fix, shown as unavailable, no Retry", async () => {
    const { page, errors } = await openDemo();
    await page.locator("promo-code-field").evaluate((el: any, cart) => {
      el.cart = { ...cart, lines: [{ ...cart.lines[0], quantity: 0 }] };
    }, CART);
    await applyCode(page, "DEMOSAVE10");
    await poll(() => message(page).textContent()).toBe("Promo codes are unavailable right now.");
    expect(await retry(page).count()).toBe(0);
    await poll(() => errors.length).toBe(1);
    expect(errors[0]).toMatch(
      /^<promo-code-field>: the coupon service refused this page \(422 validation_failed .*cart\.lines\.0\.quantity/,
    );
    expect(errors[0]).toContain("Fix: check the api attribute and the cart");
    await shot(page, "34-unavailable-bad-cart");

    await page.locator("promo-code-field").evaluate((el: any, cart) => {
      el.cart = cart;
      el.publishableKey = "pk_test_not_a_key_of_any_shop";
    }, CART);
    await applyCode(page, "DEMOSAVE10");
    await poll(() => errors.length).toBe(2);
    expect(errors[1]).toContain("(401 unauthorized");
    expect(errors[1]).toContain("check publishable-key");
    expect(await message(page).textContent()).toBe("Promo codes are unavailable right now.");
    expect(await retry(page).count()).toBe(0);
    await page.close();
  });

  describe("embedded on another origin", () => {
    let shop: Server;
    let shopUrl: string;
    /** A storefront of its own origin, loading the widget from the API's. */
    const embed = (
      api: string,
      pk: string,
      token: string,
    ) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another shop</title>
<script type="module" src="${server.url}/widget.js"></script></head><body>
<promo-code-field api="${api}" publishable-key="${pk}" buyer-token="${token}"></promo-code-field>
<coupon-list api="${api}" publishable-key="${pk}" buyer-token="${token}"></coupon-list></body></html>`;
    let page = "";

    beforeAll(async () => {
      shop = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(page));
      await new Promise<void>((ok) => shop.listen(0, "127.0.0.1", ok));
      // "localhost" is another origin than the API's 127.0.0.1, and not in the demo shop's allowed_origins.
      shopUrl = `http://localhost:${(shop.address() as { port: number }).port}`;
    });
    afterAll(() => new Promise<void>((ok) => shop.close(() => ok())));

    async function openShop(api: string) {
      const token = await signBuyerToken(server.demo.buyerTokenSecret, "shop-buyer");
      page = embed(api, server.demo.publishableKey, token);
      const p = await browser.newPage({ viewport: { width: 900, height: 600 } });
      const errors: string[] = [];
      p.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      await p.goto(`${shopUrl}/`);
      await p.waitForFunction(() => customElements.get("promo-code-field"));
      await p.locator("promo-code-field").evaluate((el: any, cart) => (el.cart = cart), CART);
      return { p, errors };
    }

    it("an origin the shop does not allow: allowed_origins named in the console, unavailable to the shopper, no Retry", async () => {
      const { p, errors } = await openShop(server.url);
      await applyCode(p, "DEMOSAVE10");
      await poll(() => message(p).textContent()).toBe("Promo codes are unavailable right now.");
      expect(await retry(p).count()).toBe(0);
      await poll(() => p.locator("coupon-list [part=message]").textContent()).toBe("Promo codes are unavailable right now.");
      expect(await p.locator("coupon-list [part=retry-button]").count()).toBe(0);
      const field = errors.find((e) => e.startsWith("<promo-code-field>"));
      expect(field).toBe(
        `<promo-code-field>: the coupon service refused this page (CORS). Fix: the service answered, but not to ${shopUrl}: ` +
          "add this origin to the shop's allowed_origins, and check publishable-key.",
      );
      expect(errors.some((e) => e.startsWith("<coupon-list>") && e.includes("allowed_origins"))).toBe(true);
      await shot(p, "35-origin-not-allowed");
      await p.close();
    });

    it("a service that cannot be reached is still a network failure, with Retry", async () => {
      const { p } = await openShop("http://127.0.0.1:9"); // the discard port: nothing listens
      await applyCode(p, "DEMOSAVE10");
      await poll(() => message(p).textContent()).toBe("We couldn't reach the coupon service. Check your connection and try again.");
      expect(await retry(p).count()).toBe(1);
      await p.close();
    });
  });

  it("after a 429 offers no Retry until its Retry-After has passed", async () => {
    const { page } = await openDemo();
    await page.clock.install();
    // The field's own quote for `code`: the demo page asks for quotes too (without a code, after each
    // rejection), and its answer must not be taken for the field's.
    const quoteFor = (code: string) =>
      page.waitForResponse((r) => r.url().endsWith("/v1/checkout/quote") && r.request().postDataJSON()?.code === code);
    // Failed look-ups (unknown codes) count toward this server's limit of 3 a minute; the 4th is refused.
    for (const code of ["DEMONOPE1", "DEMONOPE2", "DEMONOPE3"]) {
      // Each answer is awaited: a newer ask would abort the older one before the server counted it.
      const refused = quoteFor(code);
      await applyCode(page, code);
      expect((await refused).status()).toBe(200);
      await poll(() => message(page).textContent()).toBe("We don't recognise that code. Check the spelling and try again.");
    }
    const answered = quoteFor("DEMOSAVE10");
    await applyCode(page, "DEMOSAVE10");
    const res = await answered;
    expect(res.status()).toBe(429);
    const wait = Number(await res.headerValue("retry-after"));
    expect(wait).toBeGreaterThan(0);
    await poll(() => message(page).textContent()).toBe("Too many attempts. Please wait a minute and try again.");
    expect(await retry(page).count()).toBe(0);
    await shot(page, "36-rate-limited-no-retry");
    await page.clock.fastForward((wait - 1) * 1000);
    expect(await retry(page).count()).toBe(0);
    await page.clock.fastForward(1500);
    await poll(() => retry(page).count()).toBe(1);
    await page.close();
  });
});
