/**
 * Retakes the README's console screenshots (docs/console.png at 1280×800, docs/console-390.png at
 * 390×844): starts the real server on a fresh database, makes a small shop's worth of coupons through
 * the API, signs in with Debian's Chromium and photographs the coupon list. `npm run console:screenshots`.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serverCalls, type CouponJson } from "../test/support/api.js";
import { expectStatus } from "../test/support/app.js";
import { launchChromium } from "../test/support/chromium.js";
import { startServer } from "../test/support/server.js";

const docs = fileURLToPath(new URL("../docs/", import.meta.url));
const DAY = 86_400_000;
/** Windows that start a minute ago start at once (a start the API takes as now), so the coupons below are live. */
const at = (days: number) => new Date(Date.now() + days * DAY - 60_000).toISOString();

const coupons: CouponJson[] = [
  {
    type: "promo_code",
    name: "Flash weekend",
    code: "FLASH",
    discount: { kind: "fixed", amount_minor: 800 },
    quantity: 300,
    active_starts_at: at(0),
    active_ends_at: at(2),
  },
  {
    type: "review",
    name: "Review reward",
    discount: { kind: "fixed", amount_minor: 300 },
    scope: { kind: "products", product_ids: ["demo-mug", "demo-tee"] },
    quantity: 1000,
    claim_starts_at: at(0),
    claim_ends_at: at(90),
    validity: { kind: "days_after_claim", days: 30 },
  },
  {
    type: "chat",
    name: "Sorry for the delay",
    discount: { kind: "fixed", amount_minor: 1000 },
    quantity: 50,
    claim_starts_at: at(0),
    claim_ends_at: at(30),
    validity: { kind: "days_after_claim", days: 14 },
  },
  {
    type: "promo_code",
    name: "Black Friday codes",
    unique_codes: { count: 500, length: 6 },
    discount: { kind: "fixed", amount_minor: 1000 },
    min_spend_minor: 5000,
    budget_minor: 400_000,
    active_starts_at: at(0),
    active_ends_at: at(4),
  },
  {
    type: "promo_code",
    name: "Spring email",
    code: "SPRING",
    discount: { kind: "percent", percent_off: 15, max_discount_minor: 2000 },
    min_spend_minor: 4000,
    quantity: 1000,
    active_starts_at: at(0),
    active_ends_at: at(14),
  },
  {
    type: "regular",
    name: "Summer sale",
    discount: { kind: "percent", percent_off: 20, max_discount_minor: 5000 },
    min_spend_minor: 6000,
    quantity: 400,
    audience: "all",
    claim_starts_at: at(20),
    claim_ends_at: at(60),
    validity: { kind: "days_after_claim", days: 7 },
  },
];

const server = await startServer();
const browser = await launchChromium();
try {
  const api = serverCalls(server.url, server.demo.secretKey);
  for (const c of coupons) await expectStatus(api.createCoupon(c), 201);
  const flash = (await expectStatus(api.listCoupons({ type: "promo_code" }), 200)).data.find((c) => c.name === "Flash weekend")!;
  await expectStatus(api.deactivate(flash.id), 200);
  for (const [width, height, file] of [
    [1280, 800, "console.png"],
    [390, 844, "console-390.png"],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${server.url}/console`);
    await page.getByLabel("Secret key").fill(server.demo.secretKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("row").filter({ hasText: "Summer sale" }).waitFor();
    await page.screenshot({ path: join(docs, file) });
    await page.close();
    console.log(`wrote docs/${file}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
