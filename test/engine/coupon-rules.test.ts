import { describe, expect, it } from "vitest";
import { checkEdit, DEFAULT_THRESHOLDS, estimatedSpend, validateCouponRules } from "../../worker/engine/coupon-rules";
import type { CouponDraft } from "../../worker/engine/types";
import { coupon, DAY, promo, T0 } from "./fixtures";

const MIN = 60_000;
const regular = (over: Partial<CouponDraft> = {}): CouponDraft => ({
  type: "regular",
  name: "Spring",
  discount: { kind: "fixed", amount_minor: 50 },
  min_spend_minor: 0,
  scope: { kind: "shop" },
  audience: "all",
  claim_starts_at: T0,
  claim_ends_at: T0 + 30 * DAY,
  validity: { kind: "days_after_claim", days: 7 },
  quantity: 10,
  per_customer_limit: 1,
  ...over,
});
const promoDraft = (over: Partial<CouponDraft> = {}): CouponDraft => ({
  type: "promo_code",
  name: "Flash",
  discount: { kind: "percent", percent_off: 10 },
  min_spend_minor: 0,
  scope: { kind: "shop" },
  code: "SAVE10",
  active_starts_at: T0,
  active_ends_at: T0 + DAY,
  quantity: 10,
  per_customer_limit: null,
  ...over,
});
const check = (d: CouponDraft, currency = "USD") => validateCouponRules(d, { now: T0, currency }).map((v) => `${v.path}:${v.code}`);

describe("validateCouponRules", () => {
  it("valid drafts pass", () => {
    expect(check(regular())).toEqual([]);
    expect(check(promoDraft())).toEqual([]);
  });

  it("R3: fixed minimum is 50 for regular/chat/promo_code and 300 for follower/review (USD)", () => {
    expect(check(regular({ discount: { kind: "fixed", amount_minor: 49 } }))).toEqual(["discount.amount_minor:amount_too_small"]);
    expect(check(promoDraft({ discount: { kind: "fixed", amount_minor: 49 } }))).toEqual(["discount.amount_minor:amount_too_small"]);
    expect(check(regular({ type: "chat", audience: null, discount: { kind: "fixed", amount_minor: 50 } }))).toEqual([]);
    const follower = regular({ type: "follower", audience: "all_followers", per_customer_limit: null });
    expect(check({ ...follower, discount: { kind: "fixed", amount_minor: 299 } })).toEqual(["discount.amount_minor:amount_too_small"]);
    expect(check({ ...follower, discount: { kind: "fixed", amount_minor: 300 } })).toEqual([]);
    const review = regular({ type: "review", audience: null, per_customer_limit: null, discount: { kind: "fixed", amount_minor: 299 } });
    expect(check(review)).toEqual(["discount.amount_minor:amount_too_small"]);
  });

  it("R3: other currencies use their thresholds; unknown ones fall back to USD; the shop can override", () => {
    expect(DEFAULT_THRESHOLDS.JPY.min_fixed_minor.regular).toBe(75);
    expect(check(regular({ discount: { kind: "fixed", amount_minor: 60 } }), "JPY")).toEqual(["discount.amount_minor:amount_too_small"]);
    expect(check(regular({ discount: { kind: "fixed", amount_minor: 75 } }), "jpy")).toEqual([]);
    expect(check(regular({ discount: { kind: "fixed", amount_minor: 49 } }), "CHF")).toEqual(["discount.amount_minor:amount_too_small"]);
    const custom = { SEK: { min_fixed_minor: { regular: 500, chat: 500, promo_code: 500, follower: 3000, review: 3000 } } };
    expect(
      validateCouponRules(regular({ discount: { kind: "fixed", amount_minor: 499 } }), { now: T0, currency: "SEK", thresholds: custom }),
    ).toHaveLength(1);
  });

  it("R3: percent is a whole number 1–99; a cap is at least 1", () => {
    for (const [p, ok] of [
      [0, false],
      [1, true],
      [99, true],
      [100, false],
      [12.5, false],
    ] as const) {
      expect(check(regular({ discount: { kind: "percent", percent_off: p } })).length === 0).toBe(ok);
    }
    expect(check(regular({ discount: { kind: "percent", percent_off: 10, max_discount_minor: 0 } }))).toEqual([
      "discount.max_discount_minor:cap_too_small",
    ]);
    expect(check(regular({ discount: { kind: "percent", percent_off: 10, max_discount_minor: 1 } }))).toEqual([]);
  });

  it("R4: claim window 30 to 180 days inclusive, end after start, end in the future", () => {
    expect(check(regular({ claim_ends_at: T0 + 30 * DAY - 1 }))).toEqual(["claim_ends_at:claim_window_length"]);
    expect(check(regular({ claim_ends_at: T0 + 180 * DAY }))).toEqual([]);
    expect(check(regular({ claim_ends_at: T0 + 180 * DAY + 1 }))).toEqual(["claim_ends_at:claim_window_length"]);
    expect(check(regular({ claim_ends_at: T0 - 1 }))).toEqual(["claim_ends_at:window_order"]);
    expect(check(regular({ claim_starts_at: null }))).toEqual(["claim_starts_at:window_required"]);
    // a start in the past is fine (starts at once), the length is still measured from it; the end must be future
    expect(check(regular({ claim_starts_at: T0 - 40 * DAY, claim_ends_at: T0 - 1 }))).toEqual(["claim_ends_at:window_end_past"]);
    expect(check(regular({ claim_starts_at: T0 - 10 * DAY, claim_ends_at: T0 + 20 * DAY }))).toEqual([]);
  });

  it("R5: fixed validity only for regular and chat, and must end after it starts", () => {
    const fixed = { kind: "fixed" as const, starts_at: T0 + DAY, ends_at: T0 + 10 * DAY };
    expect(check(regular({ validity: fixed }))).toEqual([]);
    expect(
      check(
        regular({
          type: "follower",
          audience: "all_followers",
          per_customer_limit: null,
          discount: { kind: "fixed", amount_minor: 300 },
          validity: fixed,
        }),
      ),
    ).toEqual(["validity:validity_not_allowed"]);
    expect(check(regular({ validity: { ...fixed, ends_at: fixed.starts_at } }))).toEqual(["validity.ends_at:window_order"]);
    expect(check(regular({ validity: { kind: "days_after_claim", days: 0 } }))).toEqual(["validity.days:validity_days"]);
    expect(check(regular({ validity: null }))).toEqual(["validity:validity_required"]);
  });

  it("R5: a fixed validity that ends by the time the claim window starts is refused (no claim could ever be used)", () => {
    const starts = T0 + 5 * DAY;
    const win = { claim_starts_at: starts, claim_ends_at: starts + 30 * DAY };
    const fixed = (from: number, to: number) => ({ kind: "fixed" as const, starts_at: from, ends_at: to });
    expect(check(regular({ ...win, validity: fixed(T0 + DAY, starts) }))).toEqual(["validity.ends_at:validity_ends_before_claims"]);
    expect(check(regular({ ...win, validity: fixed(T0 + DAY, T0 + 2 * DAY) }))).toEqual(["validity.ends_at:validity_ends_before_claims"]);
    expect(check(regular({ type: "chat", audience: null, ...win, validity: fixed(T0 + DAY, starts) }))).toEqual([
      "validity.ends_at:validity_ends_before_claims",
    ]);
    // Ending 1 ms into the claim window: a claim made at the very start is usable for that millisecond.
    expect(check(regular({ ...win, validity: fixed(T0 + DAY, starts + 1) }))).toEqual([]);
    // A validity that starts after the claim window ends is fine: claims wait for it.
    expect(check(regular({ ...win, validity: fixed(starts + 40 * DAY, starts + 50 * DAY) }))).toEqual([]);
  });

  it("R21: promo window strictly longer than 10 minutes and strictly shorter than 30 days", () => {
    expect(check(promoDraft({ active_ends_at: T0 + 10 * MIN }))).toEqual(["active_ends_at:promo_window_length"]);
    expect(check(promoDraft({ active_ends_at: T0 + 10 * MIN + 1 }))).toEqual([]);
    expect(check(promoDraft({ active_ends_at: T0 + 30 * DAY - 1 }))).toEqual([]);
    expect(check(promoDraft({ active_ends_at: T0 + 30 * DAY }))).toEqual(["active_ends_at:promo_window_length"]);
  });

  it("R18: a promo code suffix must be 2–8 letters or digits", () => {
    expect(check(promoDraft({ code: "A" }))).toEqual(["code:code_invalid"]);
    expect(check(promoDraft({ code: "save-10" }))).toEqual(["code:code_invalid"]);
    expect(check(promoDraft({ code: null }))).toEqual([]); // generated
  });

  it("R22: promo per-customer limit is 1 or null; quantity 1–1,000,000", () => {
    expect(check(promoDraft({ per_customer_limit: 1 }))).toEqual([]);
    expect(check(promoDraft({ per_customer_limit: 2 }))).toEqual(["per_customer_limit:per_customer_limit_invalid"]);
    expect(check(regular({ per_customer_limit: 3 }))).toEqual([]);
    expect(check(regular({ per_customer_limit: 0 }))).toEqual(["per_customer_limit:per_customer_limit_invalid"]);
    expect(check(regular({ quantity: 0 }))).toEqual(["quantity:quantity_out_of_range"]);
    expect(check(regular({ quantity: 1_000_000 }))).toEqual([]);
    expect(check(regular({ quantity: 1_000_001 }))).toEqual(["quantity:quantity_out_of_range"]);
  });

  it("R2/R15: a product scope lists 1 to 2000 products", () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);
    expect(check(regular({ scope: { kind: "products", product_ids: [] } }))).toEqual(["scope.product_ids:scope_size"]);
    expect(check(regular({ scope: { kind: "products", product_ids: ids(2000) } }))).toEqual([]);
    expect(check(regular({ scope: { kind: "products", product_ids: ids(2001) } }))).toEqual(["scope.product_ids:scope_size"]);
  });

  it("R6/R10: audience must suit the type", () => {
    expect(check(regular({ audience: "new_followers" }))).toEqual(["audience:audience_invalid"]);
    expect(check(regular({ type: "chat", audience: "all" }))).toEqual(["audience:audience_not_allowed"]);
  });

  it("collects every violation at once (one 422 with all errors)", () => {
    expect(check(regular({ quantity: 0, discount: { kind: "percent", percent_off: 0 } }))).toHaveLength(2);
  });
});

describe("estimatedSpend (R31)", () => {
  it("quantity × amount, or × cap, or null when unbounded", () => {
    expect(estimatedSpend({ kind: "fixed", amount_minor: 250 }, 40)).toBe(10_000);
    expect(estimatedSpend({ kind: "percent", percent_off: 10, max_discount_minor: 700 }, 3)).toBe(2100);
    expect(estimatedSpend({ kind: "percent", percent_off: 10 }, 3)).toBeNull();
    expect(estimatedSpend({ kind: "percent", percent_off: 10, max_discount_minor: null }, 3)).toBeNull();
  });
});

describe("checkEdit", () => {
  const ongoing = coupon({ claim_starts_at: T0 - DAY, claim_ends_at: T0 + 40 * DAY, quantity: 10 });
  const paths = (v: ReturnType<typeof checkEdit>) => v.map((x) => `${x.path}:${x.code}`);

  it("upcoming: any field may change", () => {
    const upcoming = coupon({ claim_starts_at: T0 + DAY, claim_ends_at: T0 + 40 * DAY });
    expect(checkEdit(upcoming, { discount: { kind: "fixed", amount_minor: 60 }, quantity: 1, scope: { kind: "shop" } }, T0)).toEqual([]);
  });

  it("ongoing: name, larger quantity and later end are allowed; unchanged values are fine", () => {
    expect(checkEdit(ongoing, { name: "New", quantity: 11, claim_ends_at: T0 + 41 * DAY, discount: { ...ongoing.discount } }, T0)).toEqual(
      [],
    );
  });

  it("ongoing: smaller quantity, earlier end, other fields are refused with a message", () => {
    const v = checkEdit(ongoing, { quantity: 9, claim_ends_at: T0 + 39 * DAY, min_spend_minor: 100 }, T0);
    expect(paths(v)).toEqual(["quantity:quantity_decrease", "claim_ends_at:end_earlier", "min_spend_minor:field_locked"]);
    expect(v.every((x) => x.message.length > 0)).toBe(true);
  });

  it("ongoing promo code: the active end may move later, the code may not change", () => {
    const p = promo({ code: "SHOPSAVE10" });
    expect(checkEdit(p, { active_ends_at: T0 + 8 * DAY, code: "save10" }, T0)).toEqual([]);
    expect(paths(checkEdit(p, { code: "OTHER" }, T0))).toEqual(["code:field_locked"]);
  });

  it("R28: ended or deactivated coupons cannot be edited at all", () => {
    expect(paths(checkEdit(ongoing, { name: "x" }, T0 + 40 * DAY))).toEqual(["name:coupon_not_editable"]);
    expect(paths(checkEdit({ ...ongoing, deactivated_at: T0 - 1 }, { quantity: 50 }, T0))).toEqual(["quantity:coupon_not_editable"]);
  });
});
