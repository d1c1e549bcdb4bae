/**
 * A coarse guard, not a benchmark: the quote runs on every cart change, so an accidental
 * quadratic loop or an always-built trace should fail here. Bundled, it does >100k quotes/s;
 * the bound below leaves a wide margin for slow, shared CI machines.
 */
import { expect, it } from "vitest";
import { evaluateQuote } from "../../worker/engine/quote";
import type { QuoteInput } from "../../worker/engine/types";
import { cart, claim, coupon, line, T0 } from "./fixtures";

it("a 20-line cart against 10 claimed coupons quotes at well over 5,000 per second", () => {
  const lines = Array.from({ length: 20 }, (_, i) => line(`l${i}`, `p${i % 7}`, 1 + (i % 3), 1000 + i * 37, i % 4 === 0 ? 100 : 0));
  const wallet = Array.from({ length: 10 }, (_, i) => {
    const c = coupon({
      id: `c${i}`,
      discount: i % 2 ? { kind: "percent", percent_off: 5 + i, max_discount_minor: 2000 } : { kind: "fixed", amount_minor: 300 + i },
      scope: i % 3 ? { kind: "products", product_ids: ["p1", "p2", "p5"] } : { kind: "shop" },
      min_spend_minor: i * 500,
    });
    return { coupon: c, claim: claim({ id: `k${i}`, coupon_id: c.id }) };
  });
  const input: QuoteInput = { now: T0, shop_currency: "USD", cart: cart(lines), buyer_id: "b1", explain: false, wallet };
  for (let i = 0; i < 2000; i++) evaluateQuote(input); // warm up the JIT
  const n = 5000;
  const t = performance.now();
  for (let i = 0; i < n; i++) evaluateQuote(input);
  expect(performance.now() - t).toBeLessThan(1000);
  expect(evaluateQuote(input).candidates).toHaveLength(10);
});
