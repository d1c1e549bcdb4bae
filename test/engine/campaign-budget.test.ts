/** Campaign codes and budgets in the pure engine: drawing codes, the rules, the quote's reasons, the spend. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CAMPAIGN_ALPHABET, drawSuffixes, suffixSpace } from "../../worker/engine/campaign-codes";
import { checkEdit, estimatedSpend, validateCouponRules } from "../../worker/engine/coupon-rules";
import { promoCodeAvailability } from "../../worker/engine/promo-code-availability";
import { evaluateQuote } from "../../worker/engine/quote";
import { codeBlockedWord, DEFAULT_BLOCKED_WORDS, suffixChecker } from "../../worker/engine/text-safety";
import type { CouponDraft, QuoteInput } from "../../worker/engine/types";
import { cart, claim, coupon, DAY, line, promo, T0 } from "./fixtures";

/** A seeded byte source, so a draw is reproducible. */
function bytesFrom(seed: number) {
  let x = seed >>> 0 || 1;
  return (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      out[i] = x & 0xff;
    }
    return out;
  };
}

describe("campaign codes: drawing", () => {
  it("the alphabet has no look-alikes (0/O, 1/I/L) and 31 characters, 31^length suffixes", () => {
    expect(CAMPAIGN_ALPHABET).not.toMatch(/[0O1IL]/);
    expect(new Set(CAMPAIGN_ALPHABET).size).toBe(31);
    expect(suffixSpace(4)).toBe(923_521);
  });

  it("draws distinct suffixes of the length, from the alphabet, only those accepted", () => {
    const into = new Set<string>();
    drawSuffixes(bytesFrom(7), 5, 2_000, (s) => !s.startsWith("2"), into);
    expect(into.size).toBe(2_000);
    for (const s of into) {
      expect(s).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/);
      expect(s.startsWith("2")).toBe(false);
    }
  });

  it("a crowded space costs only the repeats: 100,000 codes of 4 characters take about count²/(2·space) extra draws", () => {
    const into = new Set<string>();
    const draws = drawSuffixes(bytesFrom(42), 4, 100_000, () => true, into);
    expect(into.size).toBe(100_000);
    // Expected repeats when filling 100,000 of 923,521: Σ k/space ≈ 5,400 (and never the whole set redrawn).
    expect(draws - 100_000).toBeGreaterThan(4_000);
    expect(draws - 100_000).toBeLessThan(7_500);
  });

  it("keeps what it already holds and gives up after maxDraws instead of looping on a full space", () => {
    const into = new Set(["ABCD"]);
    drawSuffixes(bytesFrom(1), 4, 3, () => true, into);
    expect(into.has("ABCD")).toBe(true);
    const none = new Set<string>();
    const draws = drawSuffixes(bytesFrom(2), 4, 10, () => false, none, 500);
    expect(draws).toBe(500);
    expect(none.size).toBe(0);
  });

  it("R20: the bulk checker answers exactly as codeBlockedWord, for any prefix and suffix", () => {
    const lists = [DEFAULT_BLOCKED_WORDS, ["SEX", "*HOLE", "PISS*", "*FUCK*", "ASS"]];
    const chars = fc.constantFrom(..."ABCDEFHIKLNOPRSTUXY0129");
    fc.assert(
      fc.property(
        fc.string({ unit: chars, minLength: 4, maxLength: 4 }),
        fc.string({ unit: chars, minLength: 2, maxLength: 8 }),
        fc.nat(1),
        (prefix, suffix, l) => {
          expect(suffixChecker(prefix, lists[l])(suffix)).toBe(codeBlockedWord(prefix, suffix, lists[l]));
        },
      ),
      { numRuns: 3_000 },
    );
    // Straddling words count: 12SE + X9 reads 12SEX9.
    expect(suffixChecker("12SE", DEFAULT_BLOCKED_WORDS)("X9")).toBe("SEX");
  });
});

const draft = (over: Partial<CouponDraft> = {}): CouponDraft => ({
  type: "promo_code",
  name: "Campaign",
  discount: { kind: "fixed", amount_minor: 500 },
  min_spend_minor: 0,
  scope: { kind: "shop" },
  active_starts_at: T0,
  active_ends_at: T0 + 7 * DAY,
  quantity: 1000,
  unique_codes: { count: 1000, length: 6 },
  ...over,
});
const ruleCodes = (d: CouponDraft) => validateCouponRules(d, { now: T0, currency: "USD" }).map((v) => `${v.path}:${v.code}`);

describe("campaign codes and budgets: the rules", () => {
  it("a campaign is a promo code of 1–100,000 codes of 4–8 characters, its quantity their count, without a shared code or a per-customer limit", () => {
    expect(ruleCodes(draft())).toEqual([]);
    expect(ruleCodes(draft({ quantity: 999 }))).toEqual(["quantity:quantity_is_count"]);
    expect(ruleCodes(draft({ code: "SUMMER" }))).toEqual(["code:field_not_allowed"]);
    expect(ruleCodes(draft({ per_customer_limit: 1 }))).toEqual(["per_customer_limit:field_not_allowed"]);
    expect(ruleCodes(draft({ unique_codes: { count: 100_001, length: 6 }, quantity: 100_001 }))).toEqual([
      "unique_codes.count:unique_codes_count",
    ]);
    expect(ruleCodes(draft({ unique_codes: { count: 1000, length: 3 } }))).toEqual(["unique_codes.length:unique_codes_length"]);
    const regular = draft({
      type: "regular",
      active_starts_at: null,
      active_ends_at: null,
      claim_starts_at: T0,
      claim_ends_at: T0 + 40 * DAY,
      validity: { kind: "days_after_claim", days: 7 },
    });
    expect(ruleCodes(regular)).toEqual(["unique_codes:field_not_allowed"]);
  });

  it("a budget is a whole number of at least 1, on every type", () => {
    expect(ruleCodes(draft({ budget_minor: 0 }))).toEqual(["budget_minor:budget_invalid"]);
    expect(ruleCodes(draft({ budget_minor: 1 }))).toEqual([]);
  });

  it("while ongoing a budget may only grow (or be lifted); the refund policy is locked", () => {
    const live = promo({ budget_minor: 10_000 });
    const edit = (patch: Partial<CouponDraft>) => checkEdit(live, patch, T0).map((v) => v.code);
    expect(edit({ budget_minor: 20_000 })).toEqual([]);
    expect(edit({ budget_minor: null })).toEqual([]);
    expect(edit({ budget_minor: 9_999 })).toEqual(["budget_decrease"]);
    expect(checkEdit(promo(), { budget_minor: 5_000 }, T0).map((v) => v.code)).toEqual(["budget_decrease"]);
    expect(edit({ refund_policy: "return_unit" })).toEqual(["field_locked"]);
    expect(checkEdit(promo({ active_starts_at: T0 + DAY }), { budget_minor: 1, refund_policy: "return_unit" }, T0)).toEqual([]);
  });

  it("R31: the estimated spend is quantity × amount (or cap), bounded by the budget; an uncapped percent is the budget", () => {
    expect(estimatedSpend({ kind: "fixed", amount_minor: 500 }, 1000, null)).toBe(500_000);
    expect(estimatedSpend({ kind: "fixed", amount_minor: 500 }, 1000, 80_000)).toBe(80_000);
    expect(estimatedSpend({ kind: "fixed", amount_minor: 500 }, 10, 80_000)).toBe(5_000);
    expect(estimatedSpend({ kind: "percent", percent_off: 10, max_discount_minor: null }, 1000, null)).toBeNull();
    expect(estimatedSpend({ kind: "percent", percent_off: 10, max_discount_minor: null }, 1000, 70_000)).toBe(70_000);
    expect(estimatedSpend({ kind: "percent", percent_off: 10, max_discount_minor: 300 }, 100, 70_000)).toBe(30_000);
  });
});

const base = (over: Partial<QuoteInput> = {}): QuoteInput => ({
  now: T0,
  shop_currency: "USD",
  cart: cart([line("a", "p1", 1, 5000)]),
  buyer_id: "b1",
  explain: false,
  wallet: [],
  ...over,
});
const reasonsOf = (q: ReturnType<typeof evaluateQuote>) => q.candidates[0].reasons.map((r) => r.code);

describe("campaign codes and budgets: the quote", () => {
  const campaign = promo({ code: null, unique_code_length: 6 });

  it("a campaign code applies while available and names the exact code used", () => {
    const q = evaluateQuote(
      base({ typed_code: { code: "SHOPK7M2QX", coupon: campaign, buyer_uses: 0, campaign_code_state: "available" } }),
    );
    expect(q.applied).toMatchObject({ coupon_id: campaign.id, code: "SHOPK7M2QX", discount_minor: 500 });
    expect(q.candidates[0].code).toBe("SHOPK7M2QX");
  });

  it("a campaign code reserved or redeemed is used up, whatever units the campaign has left", () => {
    for (const state of ["reserved", "redeemed"] as const) {
      const q = evaluateQuote(base({ typed_code: { code: "SHOPK7M2QX", coupon: campaign, buyer_uses: 0, campaign_code_state: state } }));
      expect(q.applied).toBeNull();
      expect(q.candidates[0].reasons).toEqual([{ code: "quantity_exhausted", message: "This code has already been used" }]);
    }
  });

  it("a campaign named by its id alone does not apply: one of its codes must be typed", () => {
    const q = evaluateQuote(base({ named_coupon_id: campaign.id, named_coupon: campaign }));
    expect(reasonsOf(q)).toEqual(["code_not_found"]);
  });

  it("budget_exhausted when this discount would pass the remaining budget; a smaller cart still fits", () => {
    const pct = promo({ discount: { kind: "percent", percent_off: 10 }, budget_minor: 1_000, budget_spent_minor: 600 });
    const typed = { code: "SHOPSAVE10", coupon: pct, buyer_uses: 0 };
    expect(reasonsOf(evaluateQuote(base({ typed_code: typed })))).toEqual(["budget_exhausted"]); // 500 > 400 left
    const small = evaluateQuote(base({ typed_code: typed, cart: cart([line("a", "p1", 1, 4000)]) })); // 400 fits exactly
    expect(small.applied?.discount_minor).toBe(400);
    expect(promoCodeAvailability(pct, T0)).toEqual([]);
    expect(promoCodeAvailability({ ...pct, budget_spent_minor: 1_000 }, T0).map((r) => r.code)).toEqual(["budget_exhausted"]);
  });

  it("a look-up says budget_exhausted only when no cart could fit (the least discount is min(amount, minimum spend))", () => {
    const fixed = promo({ budget_minor: 1_000, budget_spent_minor: 800, min_spend_minor: 3_000 }); // 200 left, 500 off
    expect(promoCodeAvailability(fixed, T0).map((r) => r.code)).toEqual(["budget_exhausted"]);
    // Without a minimum spend a 200-unit cart gets 200 off, which fits.
    expect(promoCodeAvailability({ ...fixed, min_spend_minor: 0 }, T0)).toEqual([]);
  });

  it("claim-based coupons carry their budget too", () => {
    const c = coupon({ id: "c9", budget_minor: 300, budget_spent_minor: 0 });
    const q = evaluateQuote(base({ wallet: [{ coupon: c, claim: claim({ coupon_id: "c9" }) }] }));
    expect(q.applied).toBeNull();
    expect(reasonsOf(q)).toEqual(["budget_exhausted"]);
  });
});
