/** Webhooks: endpoints added (the secret shown once) and removed, refusals beside their field, deliveries retried. */
import { expect, it } from "vitest";
import { DAY, errorBeside, expectStatus, iso, open, poll, shot, uniq, visible, type Harness } from "./harness.js";

export function webhookFlows(h: Harness) {
  it("Webhooks: a bad URL or no event is refused beside its field with nothing added; an endpoint is added, shows its deliveries, retries one, and is removed after a confirmation", async () => {
    const page = h.page;
    const endpoints = async () => (await expectStatus(h.sk.listEndpoints(), 200)).data;
    const before = (await endpoints()).length;
    await open(page, "#/webhooks", "Webhooks");
    const url = page.getByLabel("Endpoint URL", { exact: true });

    await url.fill("ftp://hooks.example");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await poll(() => errorBeside(url)).not.toBe("");
    await url.fill("http://127.0.0.1:9/hooks"); // a test shop may name loopback; nothing listens there
    await page.getByLabel("Coupon created", { exact: true }).uncheck();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await poll(() => page.locator("#events-error").textContent()).not.toBe("");
    expect(await errorBeside(url)).toBe("");
    expect((await endpoints()).length).toBe(before);

    await page.getByLabel("Coupon created", { exact: true }).check();
    await page.getByLabel("Coupon deactivated", { exact: true }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await poll(() => page.getByLabel("Signing secret").inputValue()).toMatch(/^whsec_/);
    const made = (await endpoints()).find((e) => e.url === "http://127.0.0.1:9/hooks")!;
    expect(made.events.sort()).toEqual(["coupon.created", "coupon.deactivated"]);

    // A change it subscribes to is delivered (here: tried, and refused by the closed port).
    await expectStatus(
      h.sk.createCoupon({
        type: "chat",
        name: uniq("Hooked"),
        discount: { kind: "fixed", amount_minor: 100 },
        quantity: 5,
        claim_starts_at: iso(0),
        claim_ends_at: iso(35 * DAY),
        validity: { kind: "days_after_claim", days: 3 },
      }),
      201,
    );
    const item = page.getByRole("listitem").filter({ hasText: made.url });
    await item.getByRole("button", { name: "Deliveries" }).click();
    const row = item.getByRole("row").filter({ hasText: "Coupon created" });
    await visible(row);
    await row.getByRole("button", { name: "Retry" }).click();
    await poll(() => page.getByRole("status").filter({ hasText: "Sent again." }).count()).toBe(1);
    await shot(page, "webhooks-deliveries-1280");

    await item.getByRole("button", { name: `Remove ${made.url}` }).click();
    const dialog = page.getByRole("dialog", { name: `Remove ${made.url}?` });
    await dialog.getByRole("button", { name: "Remove" }).click();
    await poll(async () => (await endpoints()).some((e) => e.id === made.id)).toBe(false);
    await poll(() => item.count()).toBe(0);
  });
}
