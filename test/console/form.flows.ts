/** Creating, editing and duplicating coupons through the form (R2–R5, R10, R18–R22, R29, R31, R32). */
import { readFile } from "node:fs/promises";
import { serverCalls } from "../support/api.js";
import { expect, it } from "vitest";
import {
  absent,
  byName,
  DAY,
  expectStatus,
  listed,
  errorBeside,
  isFocused,
  iso,
  localInput,
  newPage,
  open,
  poll,
  signIn,
  uniq,
  visible,
  type Harness,
} from "./harness.js";

type Page = Harness["page"];
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const count = async (h: Harness) => (await listed(h)).length;

async function newForm(page: Page, type: string) {
  await open(page, "#/coupons", "Coupons");
  await page.getByRole("button", { name: "New coupon" }).click();
  await page.getByRole("heading", { level: 1, name: "New coupon" }).waitFor();
  await field(page, "Coupon type").selectOption({ label: type });
}

async function create(page: Page, name: string) {
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Coupons" }).waitFor();
  await poll(() => page.getByRole("status").filter({ hasText: "created" }).first().textContent()).toContain(name);
}

export function formFlows(h: Harness) {
  it("R1–R5, R10, R18, R21, R22: creates each of the five types through only its own fields; the list shows it", async () => {
    const page = h.page;
    const names: Record<string, string> = {};

    await newForm(page, "Coupon");
    names.regular = uniq("Regular");
    await field(page, "Name").fill(names.regular);
    await field(page, "Amount").fill("5");
    await field(page, "Minimum spend").fill("30");
    await field(page, "Eligible customers").selectOption({ label: "Repeat customers" });
    await field(page, "Validity").selectOption({ label: "Days after claiming" });
    await field(page, "Days valid").fill("14");
    await field(page, "Quantity").fill("200");
    await field(page, "Claims per customer").fill("2");
    await absent(field(page, "Code"));
    await create(page, names.regular);

    await newForm(page, "Follower Coupon");
    names.follower = uniq("Follower");
    await field(page, "Name").fill(names.follower);
    await field(page, "Discount type").selectOption({ label: "Percentage" });
    await field(page, "Percent off").fill("15");
    await field(page, "Maximum discount").fill("10");
    await field(page, "Eligible customers").selectOption({ label: "New followers" });
    await absent(field(page, "Validity")); // R5: days after claim only
    await absent(field(page, "Claims per customer")); // R11: one per buyer for life
    await create(page, names.follower);

    await newForm(page, "Review Coupon");
    names.review = uniq("Review");
    await field(page, "Name").fill(names.review);
    await field(page, "Amount").fill("3");
    await field(page, "Applies to").selectOption({ label: "Specific products" });
    await field(page, "Product IDs").fill("demo-mug, demo-tee\ndemo-mug demo-cap");
    await visible(page.getByText("3 of 2,000 products (1 repeated ID left out)"));
    await absent(field(page, "Eligible customers"));
    await create(page, names.review);

    await newForm(page, "Chat Coupon");
    names.chat = uniq("Chat");
    await field(page, "Name").fill(names.chat);
    await field(page, "Amount").fill("1.50");
    await field(page, "Validity").selectOption({ label: "Date range" });
    await field(page, "Valid from").fill(localInput(Date.now() + 60_000));
    await field(page, "Valid until").fill(localInput(Date.now() + 40 * DAY));
    await absent(field(page, "Eligible customers")); // R17: chat coupons take no audience
    await create(page, names.chat);

    await newForm(page, "Promo Code");
    names.promo = uniq("Promo");
    await field(page, "Name").fill(names.promo);
    expect(await page.locator("#code-prefix").textContent()).toBe("DEMO"); // R18: the fixed prefix beside the suffix
    await field(page, "Code").fill("form1");
    await field(page, "Amount").fill("4");
    await field(page, "Uses per customer").selectOption({ label: "Unlimited" });
    await absent(field(page, "Claim starts"));
    await create(page, names.promo);
    const row = page.getByRole("row").filter({ hasText: names.promo });
    await visible(row.getByText("DEMOFORM1"));
    await visible(row.getByText("Ongoing"));

    const regular = await byName(h, names.regular);
    expect(regular).toMatchObject({
      type: "regular",
      audience: "repeat",
      discount: { kind: "fixed", amount_minor: 500 },
      min_spend_minor: 3000,
      quantity: 200,
      per_customer_limit: 2,
      validity: { kind: "days_after_claim", days: 14 },
    });
    expect(await byName(h, names.follower)).toMatchObject({
      type: "follower",
      audience: "new_followers",
      discount: { kind: "percent", percent_off: 15, max_discount_minor: 1000 },
    });
    expect(await byName(h, names.review)).toMatchObject({
      type: "review",
      scope: { kind: "products", product_ids: ["demo-mug", "demo-tee", "demo-cap"] },
    });
    expect((await byName(h, names.chat)).validity?.kind).toBe("fixed");
    expect(await byName(h, names.promo)).toMatchObject({
      type: "promo_code",
      code: "DEMOFORM1",
      per_customer_limit: null,
      discount: { amount_minor: 400 },
    });
  });

  it("R18–R20: Generate fills a code, and the code's availability is checked as it is typed", async () => {
    const page = h.page;
    await newForm(page, "Promo Code");
    await page.getByRole("button", { name: "Generate" }).click();
    await poll(() => field(page, "Code").inputValue()).toMatch(/^[A-Z2-9]{6}$/);
    const code = await field(page, "Code").inputValue();
    await poll(() => page.locator("#code-status").textContent()).toContain(`DEMO${code} is available.`);
    await field(page, "Code").fill("SAVE10"); // the demo shop's live DEMOSAVE10
    await poll(() => page.locator("#code-status").textContent()).toContain("already uses this code");
  });

  it("campaign codes: a promo code of unique single-use codes, its length refused beside its field, its codes downloaded as CSV", async () => {
    const page = h.page;
    const before = await count(h);
    await newForm(page, "Promo Code");
    const name = uniq("Campaign");
    await field(page, "Name").fill(name);
    await field(page, "Codes").selectOption({ label: "Unique single-use codes" });
    await absent(field(page, "Code")); // no shared code, no Generate, no per-customer limit: each code is used once
    await absent(page.getByRole("button", { name: "Generate" }));
    await absent(field(page, "Uses per customer"));
    await field(page, "Amount").fill("2");
    await field(page, "Quantity").fill("25");
    await field(page, "Code length").fill("9");
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await poll(() => errorBeside(field(page, "Code length"))).toBe("Use 4 to 8 characters.");
    await field(page, "Quantity").fill("200000");
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await poll(() => errorBeside(field(page, "Quantity"))).toBe("Use a whole number from 1 to 100,000."); // a campaign's limit, not a shared code's
    await field(page, "Quantity").fill("25");
    expect(await count(h)).toBe(before);
    await field(page, "Code length").fill("5");
    await poll(() => field(page, "Estimated spend").textContent()).toBe("$50.00");
    expect(await page.locator(".words").textContent()).toContain("25 single-use codes (DEMO…), each used once: $2.00 off");
    await create(page, name);
    const made = await byName(h, name);
    expect(made).toMatchObject({ type: "promo_code", code: null, quantity: 25, unique_codes: { count: 25, length: 5 } });
    const row = page.getByRole("row").filter({ hasText: name });
    await visible(row.getByText("25 unique codes"));
    const wait = page.waitForEvent("download");
    await row.getByRole("button", { name: `Download codes of ${name}` }).click();
    const lines = (await readFile((await (await wait).path())!, "utf8")).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^code,state/);
    expect(lines.length).toBe(26);
    for (const line of lines.slice(1)) expect(line).toMatch(/^DEMO[A-HJKMNP-Z2-9]{5},available,/);
    // Its codes were drawn when it was made: editing keeps what kind, how long and how many.
    await row.getByRole("button", { name: "Edit", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Edit “${name}”` }).waitFor();
    for (const locked of ["Codes", "Code length", "Quantity"]) expect(await field(page, locked).isDisabled(), locked).toBe(true);
    expect(await field(page, "Name").isEnabled()).toBe(true);
  });

  it("R31, R32: a live Estimated spend from the preview, and the addon a regular coupon would bring", async () => {
    const page = h.page;
    await newForm(page, "Coupon");
    await field(page, "Amount").fill("5");
    await field(page, "Quantity").fill("100");
    await poll(() => field(page, "Estimated spend").textContent()).toBe("$500.00"); // before any name
    expect(await errorBeside(field(page, "Name"))).toBe(""); // and no error for a field not yet filled
    await field(page, "Name").fill(uniq("Spend"));
    await field(page, "Discount type").selectOption({ label: "Percentage" });
    await field(page, "Percent off").fill("10");
    await poll(() => field(page, "Estimated spend").textContent()).toContain("No upper bound");
    await field(page, "Maximum discount").fill("20");
    await poll(() => field(page, "Estimated spend").textContent()).toBe("$2,000.00");
    await field(page, "Budget").fill("300"); // a budget bounds it, whatever the quantity
    await poll(() => field(page, "Estimated spend").textContent()).toBe("$300.00");

    // A shop with addon coupons on (R32): the addon is shown before creating, and created with it.
    const admin = serverCalls(h.server.url, h.server.adminToken);
    const made = await expectStatus(
      admin.createShop({ name: "Addon Shop", region: "EU", currency: "EUR", mode: "test", addon_coupons: true }),
      201,
    );
    const other = await newPage(h, 1280, 800);
    await signIn(h, other, made.secret_key);
    await newForm(other, "Coupon");
    const name = uniq("With addon");
    await field(other, "Name").fill(name);
    await field(other, "Amount").fill("5");
    await visible(other.getByRole("heading", { name: "Also created with it" }));
    expect(await other.locator(".addons li").first().textContent()).toContain("addon");
    await create(other, name);
    const list = await expectStatus(serverCalls(h.server.url, made.secret_key).listCoupons({}), 200);
    expect(list.data.map((c) => c.origin).sort()).toEqual(["addon", "manual"]);
    await other.close();
  });

  it("bad input: every field's error is shown beside it, focus goes to the first, and nothing is created", async () => {
    const page = h.page;
    const before = await count(h);
    await newForm(page, "Follower Coupon");
    await field(page, "Amount").fill("12,5x");
    await page.getByRole("button", { name: "Create", exact: true }).click();
    expect(await errorBeside(field(page, "Amount"))).toBe("Enter an amount, like 12.50."); // unreadable: never sent
    // The request's shape first (422 from the schema): a missing name, too many days, no quantity.
    await field(page, "Amount").fill("0.10");
    await field(page, "Days valid").fill("400");
    await field(page, "Quantity").fill("0");
    await field(page, "Claim ends").fill(localInput(Date.now() + 10 * DAY));
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await poll(() => errorBeside(field(page, "Name"))).toBe("Enter a name of 1 to 50 characters.");
    expect(await errorBeside(field(page, "Days valid"))).toBe("Use 1 to 365 days.");
    expect(await errorBeside(field(page, "Quantity"))).toBe("Use a whole number from 1 to 1,000,000.");
    expect(await isFocused(field(page, "Name"))).toBe(true);
    expect(await field(page, "Quantity").getAttribute("aria-invalid")).toBe("true");
    // Then the rules (422 from the engine): R3's $3 minimum for follower coupons, R4's 30–180 days.
    await field(page, "Name").fill(uniq("Bad"));
    await field(page, "Days valid").fill("30");
    await field(page, "Quantity").fill("10");
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await poll(() => errorBeside(field(page, "Amount"))).toBe("At least $3.00 for this type.");
    expect(await errorBeside(field(page, "Claim ends"))).toBe("The claim period must last 30 to 180 days.");
    expect(await errorBeside(field(page, "Name"))).toBe("");
    expect(await isFocused(field(page, "Amount"))).toBe(true);
    expect(await count(h)).toBe(before);

    // 409s land beside their field too: a name in use, a promo code in use (R19).
    const taken = (await listed(h, { type: "promo_code", status: "ongoing" })).find((c) => c.code)!;
    await newForm(page, "Promo Code");
    await field(page, "Name").fill(taken.name);
    await field(page, "Amount").fill("1");
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await poll(() => errorBeside(field(page, "Name"))).toContain("already has this name");
    await field(page, "Name").fill(uniq("Fresh"));
    await field(page, "Code").fill(taken.code!.slice(4));
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await poll(() => errorBeside(field(page, "Code"))).toContain("already uses this code");
    expect(await count(h)).toBe(before);
  });

  it("editing a started coupon changes only its name, a larger quantity and a later end (API PATCH rules)", async () => {
    const page = h.page;
    const name = uniq("Ongoing");
    const { coupon: c } = await expectStatus(
      h.sk.createCoupon({
        type: "regular",
        name,
        discount: { kind: "fixed", amount_minor: 700 },
        quantity: 50,
        claim_starts_at: iso(-60_000),
        claim_ends_at: iso(40 * DAY),
        validity: { kind: "days_after_claim", days: 7 },
      }),
      201,
    );
    await open(page, "#/coupons", "Coupons");
    await page.getByRole("row").filter({ hasText: name }).getByRole("button", { name: "Edit", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Edit “${name}”` }).waitFor();
    await visible(page.getByText("only its name, a larger quantity and a later end can change"));
    for (const locked of ["Coupon type", "Discount type", "Amount", "Minimum spend", "Claim starts", "Days valid"])
      expect(await field(page, locked).isDisabled(), locked).toBe(true);
    for (const free of ["Name", "Quantity", "Claim ends"]) expect(await field(page, free).isEnabled(), free).toBe(true);
    await field(page, "Quantity").fill("40");
    await page.getByRole("button", { name: "Save changes" }).click();
    await poll(() => errorBeside(field(page, "Quantity"))).toContain("can only grow");
    expect((await expectStatus(h.sk.readCoupon(c.id), 200)).coupon.quantity).toBe(50);
    await field(page, "Quantity").fill("80");
    await poll(() => field(page, "Estimated spend").textContent()).toBe("$560.00"); // the edit's estimate: 80 × $7
    await field(page, "Name").fill(`${name} v2`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: "Coupons" }).waitFor();
    const after = (await expectStatus(h.sk.readCoupon(c.id), 200)).coupon;
    expect(after).toMatchObject({ name: `${name} v2`, quantity: 80, version: c.version + 1 });
  });

  it("R29: Duplicate opens the form prefilled, and Create makes an upcoming copy", async () => {
    const page = h.page;
    const name = uniq("Source");
    const { coupon: src } = await expectStatus(
      h.sk.createCoupon({
        type: "regular",
        name,
        discount: { kind: "percent", percent_off: 12 },
        min_spend_minor: 1500,
        quantity: 30,
        claim_starts_at: iso(-60_000),
        claim_ends_at: iso(45 * DAY),
        validity: { kind: "days_after_claim", days: 10 },
      }),
      201,
    );
    await open(page, "#/coupons", "Coupons");
    await page.getByRole("row").filter({ hasText: name }).getByRole("button", { name: "Duplicate", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Duplicate “${name}”` }).waitFor();
    await poll(() => field(page, "Name").inputValue()).toBe(`${name} copy`);
    expect(await field(page, "Percent off").inputValue()).toBe("12");
    expect(await field(page, "Minimum spend").inputValue()).toBe("15.00");
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Coupons" }).waitFor();
    const copy = await byName(h, `${name} copy`);
    expect(copy).toMatchObject({
      origin: "duplicate",
      parent_id: src.id,
      status: "upcoming",
      discount: { kind: "percent", percent_off: 12 },
      min_spend_minor: 1500,
    });
  });
}
