/** The coupon list: filters, cursor pages, status badges, Deactivate with a confirmation (R28), Send (R17). */
import { expect, it } from "vitest";
import type { CouponJson } from "../support/api.js";
import { DAY, expectStatus, iso, open, poll, uniq, visible, type Harness } from "./harness.js";

const chat = (name: string, startInDays: number): CouponJson => ({
  type: "chat",
  name,
  discount: { kind: "fixed", amount_minor: 100 },
  quantity: 5,
  claim_starts_at: iso(startInDays * DAY),
  claim_ends_at: iso((startInDays + 40) * DAY),
  validity: { kind: "days_after_claim", days: 3 },
});

export function listFlows(h: Harness) {
  it("filters by type and status, and walks cursor pages with Next and Previous", async () => {
    const page = h.page;
    const tag = uniq("Page");
    for (let i = 0; i < 23; i++) await expectStatus(h.sk.createCoupon(chat(`${tag} ${String(i).padStart(2, "0")}`, 2)), 201);
    await open(page, "#/coupons", "Coupons");
    await page.getByLabel("Type", { exact: true }).selectOption({ label: "Chat Coupon" });
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Upcoming" });
    const rows = page.locator("tbody tr");
    await poll(() => rows.count()).toBe(20);
    for (const row of await rows.all()) {
      expect(await row.locator("td").nth(1).textContent()).toBe("Chat Coupon");
      expect(await row.locator(".badge").textContent()).toBe("Upcoming");
    }
    const first = await rows.first().locator(".name").textContent();
    expect(first).toBe(`${tag} 22`); // newest first
    await page.getByRole("button", { name: "Next" }).click();
    await poll(() => rows.first().locator(".name").textContent()).not.toBe(first);
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole("button", { name: "Previous" }).isEnabled()).toBe(true);
    await page.getByRole("button", { name: "Previous" }).click();
    await poll(() => rows.first().locator(".name").textContent()).toBe(first);
    expect(await page.getByRole("button", { name: "Previous" }).isDisabled()).toBe(true);
    await page.getByLabel("Type", { exact: true }).selectOption({ label: "Promo Code" });
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "All statuses" });
    await poll(async () => (await rows.locator("td:nth-child(2)").allTextContents()).every((t) => t === "Promo Code")).toBe(true);
    // The full code of every promo code is on its row.
    for (const code of await rows.locator("code").allTextContents()) expect(code).toMatch(/^DEMO[A-Z0-9]{2,8}$/);
    // …with a button that copies it, for the seller's email, post or message.
    const shared = rows.filter({ has: page.locator("code") }).first(); // a campaign's row has its codes' count instead
    const code = (await shared.locator("code").textContent())!;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.server.url });
    await shared.getByRole("button", { name: `Copy code ${code}` }).click();
    await poll(() => page.getByRole("status").filter({ hasText: "copied" }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  });

  it("R28: Deactivate asks to confirm; Cancel keeps the coupon, Deactivate stops it at once", async () => {
    const page = h.page;
    const name = uniq("Stop me");
    const { coupon: c } = await expectStatus(h.sk.createCoupon(chat(name, 0)), 201);
    await open(page, "#/coupons", "Coupons");
    const row = page.getByRole("row").filter({ hasText: name });
    expect(await row.locator(".badge").textContent()).toBe("Ongoing");
    await row.getByRole("button", { name: "Deactivate", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Deactivate “${name}”?` });
    await visible(dialog);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await poll(() => dialog.isVisible()).toBe(false);
    expect((await expectStatus(h.sk.readCoupon(c.id), 200)).coupon.status).toBe("ongoing");
    await row.getByRole("button", { name: "Deactivate", exact: true }).click();
    await dialog.getByRole("button", { name: "Deactivate", exact: true }).click();
    await poll(() => row.locator(".badge").textContent()).toBe("Deactivated");
    expect(await page.getByRole("status").filter({ hasText: "is deactivated" }).textContent()).toBe(`“${name}” is deactivated.`);
    expect(await row.getByRole("button", { name: "Deactivate", exact: true }).count()).toBe(0);
    expect((await expectStatus(h.sk.readCoupon(c.id), 200)).coupon.status).toBe("deactivated");
  });

  it("R17: Send gives a chat coupon to a buyer; only the buyers it was sent to are listed", async () => {
    const page = h.page;
    const name = uniq("Chat send");
    const { coupon: c } = await expectStatus(h.sk.createCoupon(chat(name, 0)), 201);
    await open(page, "#/coupons", "Coupons");
    // Only chat coupons have Send.
    expect(
      await page.getByRole("row").filter({ hasText: "Save 10%" }).first().getByRole("button", { name: "Send", exact: true }).count(),
    ).toBe(0);
    await page.getByRole("row").filter({ hasText: name }).getByRole("button", { name: "Send", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Send: ${name}` }).waitFor();
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await poll(() => page.locator("#buyer-error").textContent()).toBe("Required.");
    await page.getByLabel("Buyer ID").fill("buyer-chat-1");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await poll(() => page.getByRole("status").filter({ hasText: "Sent to" }).textContent()).toBe("Sent to buyer-chat-1.");
    const history = (await expectStatus(h.sk.history(c.id), 200)).data;
    expect(history.some((e) => JSON.stringify(e.changes).includes('"sent_to":"buyer-chat-1"'))).toBe(true);
    await poll(() => page.getByRole("cell", { name: "buyer-chat-1" }).count()).toBe(1);
  });
}
