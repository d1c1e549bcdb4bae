/**
 * The views beside the list: History (R30), Data with its lazy chart (R31), the Simulator (R26), the
 * operation log, redemptions, claims and reviews with CSV, Settings, and signing out.
 */
import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { serverCalls, type EventFact, type EventJson } from "../support/api.js";
import { byName, DAY, errorBeside, expectStatus, iso, newPage, open, poll, signIn, uniq, visible, type Harness } from "./harness.js";

async function redeem(h: Harness, code: string, buyer: string, order: string) {
  const cart = {
    currency: "USD",
    lines: [{ line_id: "1", product_id: "demo-mug", quantity: 2, unit_price_minor: 2000, product_discount_minor: 0 }],
    shipping_minor: 0,
    shipping_discount_minor: 0,
  };
  const { redemption } = await expectStatus(h.sk.redeem({ buyer_id: buyer, code, order_id: order, cart }, order), 201);
  await expectStatus(h.sk.commit(redemption.id), 200);
  return redemption;
}

/** A buyer's fact, as the shop's server reports it (`POST /v1/events`). */
const event = (h: Harness, fact: EventFact) =>
  expectStatus(h.sk.event({ id: `evt-${Math.random().toString(36).slice(2)}`, occurred_at: iso(-1000), ...fact } as EventJson), 200);

export function viewFlows(h: Harness) {
  let promo: { id: string; code: string; name: string };

  it("R30: History shows each entry's action, actor, time and before/after values", async () => {
    const page = h.page;
    const name = uniq("Tracked");
    const { coupon: c } = await expectStatus(
      h.sk.createCoupon({
        type: "promo_code",
        name,
        code: uniq("H").replace(/\W/g, "").slice(0, 8),
        discount: { kind: "fixed", amount_minor: 250 },
        quantity: 40,
        active_starts_at: iso(-60_000),
        active_ends_at: iso(5 * DAY),
      }),
      201,
    );
    promo = { id: c.id, code: c.code!, name: `${name} renamed` };
    await expectStatus(h.sk.patchCoupon(c.id, { name: promo.name, quantity: 60 }), 200);
    await open(h.page, "#/coupons", "Coupons");
    await page.getByRole("row").filter({ hasText: promo.name }).getByRole("button", { name: "History", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `History: ${promo.name}` }).waitFor();
    const entries = page.locator("li.entry");
    await poll(() => entries.count()).toBe(2);
    const keyHint = (await expectStatus(h.sk.listKeys(), 200)).data.find((k) => k.kind === "secret")!.hint;
    const updated = entries.filter({ hasText: "Updated" });
    expect(await updated.locator(".who").textContent()).toBe(`by key ${keyHint}`);
    expect(await updated.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const nameRow = updated.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Name" }) });
    expect(await nameRow.locator("td").allTextContents()).toEqual([name, promo.name]);
    const qtyRow = updated.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Quantity" }) });
    expect(await qtyRow.locator("td").allTextContents()).toEqual(["40", "60"]);
    expect(await entries.filter({ hasText: "Created" }).getByRole("row").filter({ hasText: "Discount" }).locator("td").textContent()).toBe(
      "$2.50 off",
    );
  });

  it("R31: Data shows the totals, and the daily chart loads only when it is opened", async () => {
    const page = h.page;
    const chunks: string[] = [];
    page.on("request", (r) => r.url().includes("daily-chart") && chunks.push(r.url()));
    await redeem(h, promo.code, "buyer-data-1", `order-${Date.now()}`);
    expect(chunks).toEqual([]); // the list, form and history never loaded it
    await open(page, "#/coupons", "Coupons");
    await page.getByRole("row").filter({ hasText: promo.name }).getByRole("button", { name: "Data", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Data: ${promo.name}` }).waitFor();
    const tile = (label: string) =>
      page
        .locator(".tile")
        .filter({ has: page.getByText(label, { exact: true }) })
        .locator("dd");
    await poll(() => tile("Uses").textContent()).toBe("1");
    expect(await tile("Discount spent").textContent()).toBe("$2.50");
    expect(await tile("Remaining").textContent()).toBe("59");
    const chart = page.getByRole("img", { name: /per day from/ });
    await visible(chart);
    expect(chunks.length).toBe(1);
    expect(await chart.getAttribute("aria-label")).toMatch(/^Uses per day from .*: 1 in all\.$/);
    await page.getByLabel("Show", { exact: true }).selectOption({ label: "Discount spent" });
    await poll(() => chart.getAttribute("aria-label")).toContain("$2.50 in all");
    await page.getByText("Show the figures as a table").click();
    expect(await page.getByRole("cell", { name: "$2.50" }).count()).toBeGreaterThan(0);
  });

  it("R26: the Simulator shows every coupon considered with its reasons in words, and the steps", async () => {
    const page = h.page;
    await open(page, "#/simulator", "Simulator");
    await page.getByLabel("Buyer ID").fill("sim-buyer");
    await page.getByLabel("Promo code").fill("demosave10");
    await page.getByLabel("Unit price").fill("10.00"); // under DEMOSAVE10's $15 minimum spend
    await page.getByRole("button", { name: "Simulate" }).click();
    const considered = page.locator(".candidates > li");
    await poll(() => considered.count()).toBeGreaterThan(0);
    const save10 = considered.filter({ hasText: "DEMOSAVE10" });
    expect(await save10.locator(".cand-state").textContent()).toBe("Does not apply");
    expect(await save10.locator(".reasons").textContent()).toContain("The eligible items do not reach its minimum spend.");
    expect(await page.locator(".verdict").textContent()).toBe("No coupon applies to this cart.");

    await page.getByRole("button", { name: "Add line" }).click();
    await page.getByLabel("Unit price").nth(1).fill("20.00");
    await page.getByRole("button", { name: "Simulate" }).click();
    await poll(() => page.locator(".verdict").textContent()).toMatch(/^Save 10% .* applies: \$3\.00 off\.$/);
    expect(await save10.locator(".cand-state").textContent()).toBe("Applies: $3.00 off");
    const steps = await page.locator(".steps li").allTextContents();
    expect(steps[0]).toBe("The cart's 2 lines come to $30.00 after product discounts.");
    expect(steps.some((s) => s.startsWith("Chosen: Save 10%"))).toBe(true);
    expect(steps.at(-1)).toBe("Total: $30.00 − $3.00 + shipping $0.00 − $0.00 = $27.00.");

    await page.getByLabel("Promo code").fill("NOPE42");
    await page.getByRole("button", { name: "Simulate" }).click();
    await poll(() => considered.filter({ hasText: "Code NOPE42" }).locator(".reasons").textContent()).toContain(
      "No promo code has this code.",
    );
    // A bad line is refused beside its field, with nothing sent.
    await page.getByLabel("Quantity").first().fill("two");
    await page.getByRole("button", { name: "Simulate" }).click();
    await poll(() => page.locator("#l0-qty-error").textContent()).toBe("Enter a whole number.");
    await page.getByLabel("Quantity").first().fill("1");
  });

  it("the operation log lists the shop's changes with their coupon, newest first", async () => {
    const page = h.page;
    await open(page, "#/activity", "Operation log");
    const first = page.locator("li.entry").first();
    await visible(first);
    await poll(() => page.locator("li.entry").filter({ hasText: promo.name }).count()).toBeGreaterThan(0);
    await page.getByLabel("Action", { exact: true }).selectOption({ label: "Updated" });
    await poll(async () => (await page.locator("li.entry .action").allTextContents()).every((a) => a === "Updated")).toBe(true);
  });

  /** Downloads the view's CSV and reads its rows (header first). */
  async function csvRows(page: Harness["page"]) {
    const wait = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    return (await readFile((await (await wait).path())!, "utf8")).trim().split(/\r?\n/);
  }

  it("Redemptions: the list filtered by coupon and state, and the whole filtered list as CSV", async () => {
    const page = h.page;
    const order = `order-list-${Date.now()}`;
    await redeem(h, promo.code, "buyer-list-1", order);
    await open(page, "#/redemptions", "Redemptions");
    await page.getByLabel("Coupon", { exact: true }).selectOption({ label: promo.name });
    await page.getByLabel("State", { exact: true }).selectOption("committed");
    await page.getByRole("button", { name: "Filter" }).click();
    const row = page.getByRole("row").filter({ hasText: order });
    await visible(row);
    expect(await row.locator("td").allTextContents()).toEqual(
      expect.arrayContaining([promo.name, order, "buyer-list-1", promo.code, "Committed", "$2.50"]),
    );
    const rows = page.locator("tbody tr");
    expect(await rows.count()).toBe(2); // the Data test's use and this one: only this coupon's
    const csv = await csvRows(page);
    expect(csv[0]!.split(",").slice(0, 4)).toEqual(["id", "state", "coupon_id", "claim_id"]);
    expect(csv.length).toBe(3);
    expect(csv.filter((l) => l.includes(order) && l.includes(promo.id) && l.includes(",committed,"))).toHaveLength(1);
  });

  it("Claims: the list filtered by coupon and buyer, and the whole filtered list as CSV", async () => {
    const page = h.page;
    const five = await byName(h, "$5 off orders over $30");
    const buyer = `claimer-${Date.now()}`;
    await expectStatus(h.sk.claim(five.id, { buyer_id: buyer }), 201);
    await open(page, "#/claims", "Claims");
    await page.getByLabel("Coupon", { exact: true }).selectOption({ label: five.name });
    await page.getByLabel("Buyer ID", { exact: true }).fill(buyer);
    await page.getByRole("button", { name: "Filter" }).click();
    const rows = page.locator("tbody tr");
    await poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator("td").allTextContents()).toEqual(expect.arrayContaining([five.name, buyer, "Available"]));
    const csv = await csvRows(page);
    expect(csv[0]).toBe("id,coupon_id,buyer_id,valid_from,valid_until,state,created_at");
    expect(csv.length).toBe(2);
    expect(csv[1]).toContain(`,${five.id},${buyer},`);
  });

  it("R13, R16: Incentivized reviews lists each review that earned a coupon, with its label", async () => {
    // The review coupon made through the form covers demo-mug (R13): a paid order's qualifying review earns it.
    const order = `order-review-${Date.now()}`;
    await event(h, { type: "order.paid", buyer_id: "reviewer-1", order_id: order, total_minor: 2400 });
    const approved = await event(h, {
      type: "review.approved",
      buyer_id: "reviewer-1",
      order_id: order,
      product_id: "demo-mug",
      word_count: 14,
      media_count: 1,
    });
    expect(approved.issued_claim).not.toBeNull();
    await open(h.page, "#/reviews", "Incentivized reviews");
    const row = h.page.getByRole("row").filter({ hasText: order });
    await visible(row);
    expect(await row.locator("td").allTextContents()).toEqual(
      expect.arrayContaining(["demo-mug", "reviewer-1", "Verified purchase Incentivized Review"]),
    );
  });

  it("Settings: keys are created (shown once) and revoked after a confirmation; the test clock freezes and runs, and a live shop has none", async () => {
    const page = h.page;
    await open(page, "#/settings", "Settings");
    await page.getByRole("button", { name: "Create publishable key" }).click();
    const secret = page.getByLabel("Your new key");
    await poll(() => secret.inputValue()).toMatch(/^pk_test_/);
    const hint = (await secret.inputValue()).slice(0, 12);
    const row = page.getByRole("row").filter({ hasText: hint });
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await poll(() => row.locator("td").nth(3).textContent()).toBe("Revoked");
    const keys = (await expectStatus(h.sk.listKeys(), 200)).data;
    expect(keys.find((k) => k.hint.startsWith(hint))!.revoked_at).not.toBeNull();

    await page.getByLabel("Shop time").fill("2027-01-15T09:30");
    await page.getByRole("button", { name: "Freeze clock" }).click();
    await poll(() => page.getByRole("note").textContent()).toContain("Test clock frozen at Jan 15, 2027");
    await page.getByRole("button", { name: "Use real time" }).click();
    await poll(() => page.getByRole("note").count()).toBe(0);

    // A live shop has no test clock to show.
    const admin = serverCalls(h.server.url, h.server.adminToken);
    const live = await expectStatus(admin.createShop({ name: "Live Shop", region: "EU", currency: "EUR", mode: "live" }), 201);
    const other = await newPage(h, 1280, 800);
    await signIn(h, other, live.secret_key);
    await open(other, "#/settings", "Settings");
    await visible(other.getByRole("heading", { name: "API keys" }));
    expect(await other.getByRole("heading", { name: "Test clock" }).count()).toBe(0);
    expect(await other.getByLabel("Shop time").count()).toBe(0);
    await other.close();
  });

  it("Settings: allowed origins are added and removed with the secret key; a bad one is refused beside its field, nothing saved", async () => {
    const page = h.page;
    const stored = async () => (await expectStatus(h.sk.readShop(h.server.demo.shopId), 200)).shop.allowed_origins;
    const before = await stored();
    await open(page, "#/settings", "Settings");
    const origin = page.getByLabel("Origin", { exact: true });
    for (const o of ["https://shop.example", "https://old.example"]) {
      await origin.fill(o);
      await page.getByRole("button", { name: "Add origin" }).click();
    }
    await page.getByRole("button", { name: "Save origins" }).click();
    await poll(() => page.getByText("Allowed origins saved.").count()).toBe(1);
    expect(await stored()).toEqual([...before, "https://shop.example", "https://old.example"]);

    await page.getByRole("button", { name: "Remove https://old.example" }).click();
    await origin.fill("shop.example/path");
    await page.getByRole("button", { name: "Add origin" }).click();
    await page.getByRole("button", { name: "Save origins" }).click();
    await poll(() => errorBeside(origin)).toContain("An origin like https://shop.example");
    expect(await stored()).toEqual([...before, "https://shop.example", "https://old.example"]); // a refused change saves nothing
    await page.getByRole("button", { name: "Remove shop.example/path" }).click();
    await page.getByRole("button", { name: "Save origins" }).click();
    await poll(() => page.getByText("Allowed origins saved.").count()).toBe(1);
    expect(await stored()).toEqual([...before, "https://shop.example"]);
  });

  it("npm start prints the console's URL", () => {
    expect(h.server.output()).toContain(`console       ${h.server.url}/console`);
  });

  it("a session that ends meanwhile (signed out elsewhere) brings back the sign-in, saying why", async () => {
    const page = await newPage(h, 1280, 800);
    await signIn(h, page);
    const cookie = (await page.context().cookies()).find((c) => c.name === "ec_console")!;
    const out = await fetch(`${h.server.url}/v1/console/sessions/current`, {
      method: "DELETE",
      headers: { cookie: `ec_console=${cookie.value}`, origin: h.server.url },
    });
    expect(out.status).toBe(204);
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Coupons" }).click();
    await page.getByText("Your session ended. Sign in again to continue.").waitFor();
    expect(await page.getByLabel("Secret key").isVisible()).toBe(true);
    await page.close();
  });

  it("keeps the key out of every storage JavaScript can read; Sign out ends the session for good", async () => {
    const page = await newPage(h, 1280, 800);
    await signIn(h, page);
    const seen = await page.evaluate(() => JSON.stringify([document.cookie, { ...localStorage }, { ...sessionStorage }]));
    expect(seen).toBe('["",{},{}]');
    const cookie = (await page.context().cookies()).find((c) => c.name === "ec_console")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/v1" });
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    const after = await fetch(`${h.server.url}/v1/coupons`, { headers: { cookie: `ec_console=${cookie.value}`, origin: h.server.url } });
    expect(after.status).toBe(401);
    await page.close();
  });
}
