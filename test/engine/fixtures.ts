/** Builders for engine tests: small, explicit defaults so each test states only what it checks. */
import type { Cart, CartLine, Claim, Coupon } from "../../worker/engine/types";

export const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 0, 1); // fixed clock: tests never read the real time

export function coupon(over: Partial<Coupon> = {}): Coupon {
  return {
    id: "c1",
    shop_id: "s1",
    type: "regular",
    name: "Coupon",
    discount: { kind: "fixed", amount_minor: 500 },
    min_spend_minor: 0,
    scope: { kind: "shop" },
    audience: "all",
    claim_starts_at: T0 - DAY,
    claim_ends_at: T0 + 60 * DAY,
    validity: { kind: "days_after_claim", days: 30 },
    code: null,
    active_starts_at: null,
    active_ends_at: null,
    quantity: 100,
    per_customer_limit: 1,
    deactivated_at: null,
    unique_code_length: null,
    budget_minor: null,
    refund_policy: "keep_used",
    budget_spent_minor: 0,
    claimed_count: 0,
    reserved_count: 0,
    used_count: 0,
    ...over,
  };
}

export function promo(over: Partial<Coupon> = {}): Coupon {
  return coupon({
    id: "p1",
    type: "promo_code",
    audience: null,
    claim_starts_at: null,
    claim_ends_at: null,
    validity: null,
    code: "SHOPSAVE10",
    active_starts_at: T0 - DAY,
    active_ends_at: T0 + 7 * DAY,
    per_customer_limit: null,
    ...over,
  });
}

export function claim(over: Partial<Claim> = {}): Claim {
  return { id: "k1", coupon_id: "c1", buyer_id: "b1", state: "available", valid_from: T0 - DAY, valid_until: T0 + 10 * DAY, ...over };
}

export function line(id: string, product: string, qty: number, price: number, pd = 0): CartLine {
  return { line_id: id, product_id: product, quantity: qty, unit_price_minor: price, product_discount_minor: pd };
}

export function cart(lines: CartLine[], over: Partial<Cart> = {}): Cart {
  return { currency: "USD", lines, shipping_minor: 0, shipping_discount_minor: 0, ...over };
}
