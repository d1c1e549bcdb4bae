/**
 * The storefront widget in a real browser (Debian's headless Chromium) against the real server:
 * the /demo page served by `worker/node.ts`, its /widget.js, and coupons made through the API.
 * Each state is photographed to test-results/screenshots/ for a person to look at. This file: the
 * promo-code field. Languages, theming, keyboard, the coupon list and axe: browser-more.test.ts.
 */
import { describe, expect, it } from "vitest";
import { CHROMIUM, runBrowserTests } from "../support/chromium.js";
import { demoStorefront, poll, START_SUBTOTAL } from "./demo-storefront.js";

if (!runBrowserTests) console.warn(`[widget browser tests] skipped: ${CHROMIUM} is missing (apt-get install -y chromium). In CI they run.`);

describe.skipIf(!runBrowserTests)("storefront widget in Chromium: the promo-code field", () => {
  const { openDemo, events, field, message, shot, focused, applyCode, plus, minus } = demoStorefront();

  it("applies a code typed in any case, shows the discount in words and the total from the quote", async () => {
    const page = await openDemo();
    await shot(page, "01-demo-initial");
    await applyCode(page, "demosave10");
    await poll(() => message(page).textContent()).toBe("Code DEMOSAVE10 applied: you save $3.70.");
    await poll(() => page.locator("#total").textContent()).toBe("$33.30");
    // The cart's coupon line is the widget's <coupon-summary>, given the quote the page shows.
    expect(await page.locator("coupon-summary [part=label]").textContent()).toBe("Code DEMOSAVE10");
    expect(await page.locator("coupon-summary [part=amount]").textContent()).toBe("−$3.70");
    // <coupon-summary> is a module of its own that takes Lit from the widget: one Lit on the page.
    expect(await page.evaluate(() => (window as any).litHtmlVersions)).toHaveLength(1);
    expect(await message(page).getAttribute("role")).toBe("status"); // a live region
    expect(await field(page).evaluate((el: any) => el.value)).toBe("DEMOSAVE10");
    const [applied] = await events(page);
    expect(applied.type).toBe("promo-applied");
    expect(applied.detail.applied.code).toBe("DEMOSAVE10");
    expect(applied.detail.total_minor).toBe(3330);
    await shot(page, "02-code-applied");
    await page.close();
  });

  it("rejects with a clear sentence for the reason, marks the input invalid, and announces it", async () => {
    const page = await openDemo();
    await applyCode(page, "DEMONOPE1");
    await poll(() => message(page).textContent()).toBe("We don't recognise that code. Check the spelling and try again.");
    const input = page.locator("promo-code-field input");
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    expect(await input.getAttribute("aria-describedby")).toBe("message");
    const [rejected] = await events(page);
    expect(rejected).toMatchObject({ type: "promo-rejected", detail: { code: "DEMONOPE1" } });
    expect(rejected.detail.reasons[0].code).toBe("code_not_found");
    expect(await page.locator("#total").textContent()).toBe(START_SUBTOTAL);
    await shot(page, "03-code-rejected-not-found");

    // Typing again and applying a good code clears the invalid mark.
    await applyCode(page, "DEMOSAVE10");
    await poll(() => message(page).textContent()).toContain("applied");
    await page.close();
  });

  it("re-quotes when the cart changes: a code below its minimum spend applies once the cart reaches it", async () => {
    const page = await openDemo();
    await minus(page, "Organic tee"); // 12.00 left, under the code's 15.00 minimum
    await poll(() => page.locator("#total").textContent()).toBe("$12.00");
    await applyCode(page, "DEMOSAVE10");
    // The refusal names what is missing: the code's minimum is $15.00.
    await poll(() => message(page).textContent()).toBe("Spend $3.00 more on eligible items to use this code.");
    await shot(page, "04-code-rejected-min-spend");

    const quotes: string[] = [];
    page.on("request", (r) => r.url().endsWith("/v1/checkout/quote") && quotes.push(r.postData() ?? ""));
    await plus(page, "Enamel mug"); // 24.00: the field asks again by itself
    await poll(() => message(page).textContent()).toBe("Code DEMOSAVE10 applied: you save $2.40.");
    await poll(() => page.locator("#total").textContent()).toBe("$21.60");
    expect(quotes.some((q) => JSON.parse(q).code === "DEMOSAVE10")).toBe(true);

    // With the code applied, each cart change re-quotes it and the total follows the answer.
    await plus(page, "Organic tee"); // 24.00 + 25.00 = 49.00 → 4.90 off
    await poll(() => page.locator("#total").textContent()).toBe("$44.10");
    await poll(() => message(page).textContent()).toBe("Code DEMOSAVE10 applied: you save $4.90.");
    const last = (await events(page)).at(-1)!;
    expect(last.type).toBe("promo-applied");
    expect(last.detail.subtotal_minor).toBe(4900);
    await shot(page, "05-requoted-after-cart-change");
    await page.close();
  });

  it("applies a product-scoped code of our own only once that product is in the cart", async () => {
    const page = await openDemo();
    await applyCode(page, "democap3");
    await poll(() => message(page).textContent()).toBe("None of the items in your cart are eligible for this coupon.");
    await plus(page, "Canvas cap");
    await poll(() => message(page).textContent()).toBe("Code DEMOCAP3 applied: you save $3.00.");
    await poll(() => page.locator("#total").textContent()).toBe("$52.00"); // 37 + 18 − 3
    await page.close();
  });

  it("removes an applied code: event, form value cleared, focus back in the input", async () => {
    const page = await openDemo();
    await applyCode(page, "DEMOSAVE10");
    await poll(() => page.locator("#total").textContent()).toBe("$33.30");
    await page.locator("promo-code-field [part=remove-button]").click();
    await poll(() => message(page).textContent()).toBe("Code removed.");
    await poll(() => page.locator("#total").textContent()).toBe(START_SUBTOTAL);
    expect((await events(page)).map((e) => e.type)).toEqual(["promo-applied", "promo-removed"]);
    expect((await events(page))[1].detail).toEqual({ code: "DEMOSAVE10" });
    expect(await field(page).evaluate((el: any) => el.value)).toBe("");
    expect(await page.evaluate(() => new FormData(document.querySelector("form")!).get("promo"))).toBeNull();
    expect(await focused(page)).toBe("input");
    await shot(page, "06-code-removed");
    await page.close();
  });

  it("submits the applied full code, as the server spells it, with the form", async () => {
    const page = await openDemo();
    await applyCode(page, "DemoSave10");
    await poll(() => field(page).evaluate((el: any) => el.value)).toBe("DEMOSAVE10");
    await page.getByRole("button", { name: "Place order" }).click();
    await poll(() => page.locator("#order-result").textContent()).toBe("Order placed (demo) with promo code DEMOSAVE10, total $33.30.");
    expect(await page.evaluate(() => new FormData(document.querySelector("form")!).get("promo"))).toBe("DEMOSAVE10");
    await shot(page, "07-form-submitted");
    // A form reset takes the code off, and says so.
    await page.evaluate(() => document.querySelector("form")!.reset());
    expect(await page.evaluate(() => new FormData(document.querySelector("form")!).get("promo"))).toBeNull();
    expect((await events(page)).at(-1)).toEqual({ type: "promo-removed", detail: { code: "DEMOSAVE10" } });
    await poll(() => page.locator("#total").textContent()).toBe(START_SUBTOTAL);
    // A disabled fieldset disables the field without touching its own `disabled` attribute.
    const disabledInput = await page.evaluate(async () => {
      const fs = document.createElement("fieldset");
      const el = document.querySelector("promo-code-field")!;
      el.before(fs);
      fs.append(el);
      fs.disabled = true;
      await el.updateComplete;
      const input = el.shadowRoot!.querySelector("input")!;
      const off = input.disabled && !el.hasAttribute("disabled");
      fs.disabled = false;
      await el.updateComplete;
      return off && !input.disabled;
    });
    expect(disabledInput).toBe(true);
    await page.close();
  });

  it("re-asks the server for a code the browser restores with the form (back/forward)", async () => {
    const page = await openDemo();
    // What the browser does on a restored navigation: hand the saved form value back to the element.
    await field(page).evaluate((el: any) => el.formStateRestoreCallback("DEMOSAVE10", "restore"));
    await poll(() => message(page).textContent()).toBe("Code DEMOSAVE10 applied: you save $3.70.");
    expect(await page.evaluate(() => new FormData(document.querySelector("form")!).get("promo"))).toBe("DEMOSAVE10");
    expect((await events(page)).at(-1)?.type).toBe("promo-applied");
    // A restored code that no longer applies is shown as rejected, never as applied.
    await field(page).evaluate((el: any) => el.formStateRestoreCallback("DEMOGONE99", "restore"));
    await poll(() => page.locator("promo-code-field input").getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => new FormData(document.querySelector("form")!).get("promo"))).toBeNull();
    await page.close();
  });

  it("shows the loading state, and a newer request cancels the older one", async () => {
    const page = await openDemo();
    let held = 0;
    const aborted: string[] = [];
    page.on("requestfailed", (r) => r.url().endsWith("/v1/checkout/quote") && aborted.push(JSON.parse(r.postData()!).code));
    await page.route("**/v1/checkout/quote", async (route) => {
      if (held++ === 0) await new Promise((r) => setTimeout(r, 1500)); // the first answer is slow
      await route.continue().catch(() => {});
    });
    await applyCode(page, "DEMONOPE1");
    await poll(() => page.locator("promo-code-field [part=apply-button]").textContent()).toBe("Applying…");
    expect(await page.locator("promo-code-field [part=apply-button]").getAttribute("aria-busy")).toBe("true");
    expect(await message(page).textContent()).toBe("Checking the code…");
    await shot(page, "08-loading");
    await applyCode(page, "DEMOSAVE10"); // while the first is still out
    await poll(() => message(page).textContent()).toBe("Code DEMOSAVE10 applied: you save $3.70.");
    await new Promise((r) => setTimeout(r, 1700)); // let the slow one come back, if it were to
    expect(await message(page).textContent()).toBe("Code DEMOSAVE10 applied: you save $3.70.");
    expect((await events(page)).map((e) => e.type)).toEqual(["promo-applied"]);
    expect(aborted).toEqual(["DEMONOPE1"]);
    await page.close();
  });

  it("shows a retry after a network failure, and Retry recovers", async () => {
    const page = await openDemo();
    await page.route("**/v1/checkout/quote", (route) => route.abort("internetdisconnected"));
    await applyCode(page, "DEMOSAVE10");
    await poll(() => message(page).textContent()).toBe("We couldn't reach the coupon service. Check your connection and try again.");
    await shot(page, "08-network-error-retry");
    await page.unroute("**/v1/checkout/quote");
    await page.locator("promo-code-field [part=retry-button]").click();
    await poll(() => message(page).textContent()).toBe("Code DEMOSAVE10 applied: you save $3.70.");
    await page.close();
  });

  it("never renders server text as HTML", async () => {
    const page = await openDemo();
    const evil = `<img src=x onerror="window.pwned=1"><b>bold</b>`;
    await page.route("**/v1/checkout/quote", (route) =>
      route.fulfill({
        contentType: "application/json",
        body: JSON.stringify({
          subtotal_minor: 3700,
          applied: null,
          best: null,
          candidates: [
            {
              coupon_id: null,
              code: "DEMOX1",
              applicable: false,
              discount_minor: 0,
              reasons: [{ code: "a_reason_from_the_future", message: evil }],
            },
          ],
          total_minor: 3700,
        }),
      }),
    );
    await applyCode(page, "DEMOX1");
    await poll(() => message(page).textContent()).toBe(evil); // shown as text
    expect(await page.locator("promo-code-field img, promo-code-field b").count()).toBe(0);
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
    await page.close();
  });
});
