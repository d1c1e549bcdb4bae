/**
 * Seller tools of v1.1 in the console: importing a campaign's own codes from its row in the list, and
 * the shop's minimum fixed discount per coupon type (R3) in Settings.
 */
import { join } from "node:path";
import { expect, it } from "vitest";
import type { CouponJson } from "../support/api.js";
import {
  DAY,
  errorBeside,
  expectStatus,
  iso,
  isFocused,
  newPage,
  open,
  poll,
  shots,
  signIn,
  uniq,
  visible,
  type Harness,
} from "./harness.js";

const campaign = (name: string, startInDays: number): CouponJson => ({
  type: "promo_code",
  name,
  discount: { kind: "fixed", amount_minor: 200 },
  unique_codes: { count: 3, length: 6 },
  active_starts_at: iso(startInDays * DAY),
  active_ends_at: iso((startInDays + 10) * DAY),
});

/** What the seller sees (the viewport, not the whole page): a dialog over a long list. */
const shot = (page: Harness["page"], name: string) => page.screenshot({ path: join(shots, `console-${name}.png`) });

/** A suffix no other test holds: letters and digits from the codes' alphabet. */
const suffix = () =>
  `K${Math.random()
    .toString(36)
    .slice(2, 7)
    .toUpperCase()
    .replace(/[01ILO]/g, "Z")}`;

export function sellerToolFlows(h: Harness) {
  it("imports a campaign's own codes: the added counted, each refused one with its reason in words, the row's count updated", async () => {
    const page = h.page;
    const name = uniq("Import");
    const { coupon: c } = await expectStatus(h.sk.createCoupon(campaign(name, 2)), 201);
    const [a, b, taken] = [suffix(), suffix(), suffix()];
    await expectStatus(h.sk.addCodes(c.id, { codes: [taken] }), 200); // already in the campaign
    await open(page, "#/coupons", "Coupons");
    const row = page.getByRole("row").filter({ hasText: name });
    await visible(row.getByText("4 unique codes"));
    await row.getByRole("button", { name: `Import codes into ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Import codes into “${name}”` });
    await visible(dialog);
    const field = dialog.getByLabel("Codes", { exact: true });
    await poll(() => isFocused(field)).toBe(true); // the dialog opens on its field, ready to paste
    // Nothing typed: said beside the field, nothing sent.
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    await poll(() => errorBeside(field)).toBe("Enter at least one code.");

    await field.fill(`${a}\n${b.toLowerCase()}, ${taken}\n${a} X`);
    await shot(page, "import-codes-filled-1280");
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    const result = dialog.getByRole("status");
    await poll(() => result.locator("p").first().textContent()).toBe("2 codes added.");
    expect(await result.locator("p").nth(1).textContent()).toBe("3 not added:");
    expect(await result.locator("li").allTextContents()).toEqual([
      `${taken}: already in use, in this campaign or by another live promo code in your region`,
      `${a}: listed more than once`,
      "X: not 2 to 8 letters or digits",
    ]);
    expect(await errorBeside(field)).toBe("");
    await shot(page, "import-codes-result-1280");
    const codes = (await expectStatus(h.sk.codes(c.id), 200)).data.map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining([`DEMO${a}`, `DEMO${b}`, `DEMO${taken}`]));
    expect(codes).toHaveLength(6);

    await dialog.getByRole("button", { name: "Close" }).click();
    await poll(() => dialog.isVisible()).toBe(false);
    await visible(row.getByText("6 unique codes"));

    // At 390 px the dialog fits the phone.
    const phone = await newPage(h, 390, 844);
    await signIn(h, phone);
    const phoneRow = phone.getByRole("row").filter({ hasText: name });
    await phoneRow.getByRole("button", { name: `Import codes into ${name}` }).click();
    await phone.getByLabel("Codes", { exact: true }).fill(`${suffix()}\n${a}`);
    await phone.getByRole("button", { name: "Import", exact: true }).click();
    await poll(() => phone.getByRole("status").filter({ hasText: "added" }).locator("p").first().textContent()).toBe("1 code added.");
    await shot(phone, "import-codes-result-390");
    await phone.close();
  });

  it("offers no import on a campaign that has started, nor on a shared promo code", async () => {
    const page = h.page;
    const name = uniq("Started");
    await expectStatus(h.sk.createCoupon(campaign(name, 0)), 201);
    await open(page, "#/coupons", "Coupons");
    await page.getByLabel("Type", { exact: true }).selectOption({ label: "Promo Code" });
    const row = page.getByRole("row").filter({ hasText: name });
    await visible(row.getByText("3 unique codes"));
    expect(await row.locator(".badge").textContent()).toBe("Ongoing");
    expect(await row.getByRole("button", { name: `Download codes of ${name}` }).count()).toBe(1);
    expect(await row.getByRole("button", { name: /^Import codes/ }).count()).toBe(0);
    const shared = page
      .getByRole("row")
      .filter({ has: page.locator("code") })
      .first();
    await visible(shared);
    expect(await shared.getByRole("button", { name: /^Import codes/ }).count()).toBe(0);
  });

  it("R3: the minimum fixed discount per type is saved as minor units; a bad amount is refused beside its field, nothing saved", async () => {
    const page = h.page;
    const stored = async () => (await expectStatus(h.sk.readShop(h.server.demo.shopId), 200)).shop.min_fixed_minor;
    const before = await stored();
    try {
      await open(page, "#/settings", "Settings");
      const group = page.getByRole("group", { name: "Minimum fixed discount" });
      const follower = group.getByLabel("Follower Coupon", { exact: true });
      const regular = group.getByLabel("Coupon", { exact: true });
      expect(await follower.inputValue()).toBe("3.00");
      expect(await regular.inputValue()).toBe("0.50");
      const save = page.getByRole("button", { name: "Save minimums" });

      await follower.fill("-1");
      await regular.fill("0.755");
      await save.click();
      await poll(() => errorBeside(follower)).toBe("Enter an amount above zero, up to $10,000,000.00.");
      expect(await errorBeside(regular)).toBe("Enter an amount with at most 2 decimals, like 0.50.");
      await shot(page, "settings-minimums-error-1280");
      expect(await stored()).toEqual(before);

      await regular.fill("0");
      await follower.fill("4.25");
      await save.click();
      await poll(() => errorBeside(regular)).toBe("Enter an amount above zero, up to $10,000,000.00.");
      expect(await errorBeside(follower)).toBe("");
      expect(await stored()).toEqual(before);

      await regular.fill("0.75");
      await regular.press("Enter"); // the keyboard saves as the button does
      await poll(() => page.getByText("Minimum fixed discounts saved.").count()).toBe(1);
      expect(await stored()).toEqual({ ...before, regular: 75, follower: 425 });

      // Shown again as saved.
      await open(page, "#/settings", "Settings");
      expect(await follower.inputValue()).toBe("4.25");
      expect(await regular.inputValue()).toBe("0.75");

      // "Use defaults" gives the shop its currency's defaults again (null to the API).
      await page.getByRole("button", { name: "Use defaults" }).click();
      await poll(() => page.getByText("The default minimums apply again.").count()).toBe(1);
      expect(await stored()).toEqual(before);
      expect(await follower.inputValue()).toBe("3.00");
      expect(await regular.inputValue()).toBe("0.50");
    } finally {
      await expectStatus(h.sk.patchShop(h.server.demo.shopId, { min_fixed_minor: null }), 200);
    }
  });
}
