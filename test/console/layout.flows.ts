/**
 * Every view at 1280×800 and 390×844: photographed, never scrolling sideways, and free of serious or
 * critical axe-core violations; and a coupon created and deactivated with the keyboard alone.
 */
import { expect, it } from "vitest";
import {
  axeViolations,
  byName,
  expectStatus,
  listed,
  DAY,
  expectNoHorizontalScroll,
  focused,
  iso,
  newPage,
  open,
  poll,
  shot,
  signIn,
  tabTo,
  uniq,
  type Harness,
} from "./harness.js";

type Page = Harness["page"];

async function check(page: Page, name: string, width: number) {
  await page.waitForTimeout(150); // let a view's first answer render before the photograph
  await shot(page, `${name}-${width}`);
  await expectNoHorizontalScroll(page);
  const violations = await axeViolations(page);
  expect(violations, `${name} at ${width}px: ${JSON.stringify(violations)}`).toEqual([]);
}

export function layoutChecks(h: Harness) {
  // The two widths run side by side (each its own page of the one browser): the suite's slowest part, halved.
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    it.concurrent(`every view at ${width}×${height}: photographed, no horizontal scroll, no serious or critical axe violations`, async () => {
      const page = await newPage(h, width, height);
      await page.goto(`${h.server.url}/console`);
      await page.getByLabel("Secret key").waitFor();
      await check(page, "sign-in", width);
      await signIn(h, page);

      const promo = (await listed(h, { type: "promo_code", status: "ongoing" }))[0]!;
      const { coupon: chat } = await expectStatus(
        h.sk.createCoupon({
          type: "chat",
          name: uniq("Layout chat"),
          discount: { kind: "fixed", amount_minor: 100 },
          quantity: 5,
          claim_starts_at: iso(0),
          claim_ends_at: iso(35 * DAY),
          validity: { kind: "days_after_claim", days: 3 },
        }),
        201,
      );
      const views: [string, string, string | RegExp][] = [
        ["coupons", "#/coupons", "Coupons"],
        ["new-regular", "#/coupons/new?type=regular", "New coupon"],
        ["new-promo", "#/coupons/new?type=promo_code", "New coupon"],
        ["edit", `#/coupons/${promo.id}/edit`, /^Edit/],
        ["duplicate", `#/coupons/${promo.id}/duplicate`, /^Duplicate/],
        ["data", `#/coupons/${promo.id}/data`, /^Data:/],
        ["history", `#/coupons/${promo.id}/history`, /^History:/],
        ["send", `#/coupons/${chat.id}/send`, /^Send:/],
        ["simulator", "#/simulator", "Simulator"],
        ["activity", "#/activity", "Operation log"],
        ["redemptions", "#/redemptions", "Redemptions"],
        ["claims", "#/claims", "Claims"],
        ["reviews", "#/reviews", "Incentivized reviews"],
        ["webhooks", "#/webhooks", "Webhooks"],
        ["settings", "#/settings", "Settings"],
      ];
      for (const [name, hash, heading] of views) {
        await open(page, hash, heading);
        await check(page, name, width);
      }

      // States worth a look: a refused form, the simulator's answer, the confirmation dialog, the menu.
      await open(page, "#/coupons/new?type=follower", "New coupon");
      await page.getByLabel("Amount", { exact: true }).fill("1");
      await page.getByRole("button", { name: "Create", exact: true }).click();
      await poll(() => page.locator(".error").filter({ hasText: /./ }).count()).toBeGreaterThan(0);
      await check(page, "form-errors", width);
      await open(page, "#/coupons/new?type=promo_code", "New coupon");
      await page.getByLabel("Codes", { exact: true }).selectOption({ label: "Unique single-use codes" });
      await page.getByLabel("Code length", { exact: true }).waitFor();
      await check(page, "new-campaign", width);
      await open(page, "#/simulator", "Simulator");
      await page.getByLabel("Promo code").fill("DEMOSAVE10");
      await page.getByRole("button", { name: "Simulate" }).click();
      await page.locator(".steps").waitFor();
      await check(page, "simulator-answer", width);
      await open(page, "#/coupons", "Coupons");
      await page.getByRole("row").filter({ hasText: chat.name }).getByRole("button", { name: "Deactivate", exact: true }).click();
      await page.getByRole("dialog").waitFor();
      await check(page, "deactivate-dialog", width);
      await page.keyboard.press("Escape");
      if (width < 800) {
        await page.getByRole("button", { name: "Menu" }).click();
        await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Simulator" }).waitFor();
        await check(page, "menu", width);
      }
      await page.close();
    }, 90_000); // every view, axe on each, both sizes at once: over 30 s on a busy 2-core machine
  }

  it("creates and deactivates a coupon with the keyboard alone", async () => {
    const page = await newPage(h, 1280, 800);
    await signIn(h, page);
    const name = uniq("Keyboard");
    await tabTo(page, "New coupon");
    await page.keyboard.press("Enter");
    await poll(async () => (await focused(page)).tag).toBe("h1"); // focus moves to the new view's heading
    await tabTo(page, "Name");
    await page.keyboard.type(name);
    await tabTo(page, "Amount");
    await page.keyboard.type("2.50");
    await tabTo(page, "Quantity");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("25");
    await tabTo(page, "Create");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Coupons" }).waitFor();
    const made = await byName(h, name);
    expect(made).toMatchObject({ type: "regular", status: "ongoing", quantity: 25, discount: { kind: "fixed", amount_minor: 250 } });

    await tabTo(page, "Deactivate", name);
    await page.keyboard.press("Enter");
    await page.getByRole("dialog").waitFor();
    expect((await focused(page)).name).toBe("Cancel"); // the safe choice has focus
    await page.keyboard.press("Tab");
    expect((await focused(page)).name).toBe("Deactivate");
    await page.keyboard.press("Enter");
    await poll(async () => (await expectStatus(h.sk.readCoupon(made.id), 200)).coupon.status).toBe("deactivated");
    await page.close();
  });
}
