import { describe, expect, it } from "vitest";
import { evaluateQuote } from "../../worker/engine/quote";
import type { QuoteInput } from "../../worker/engine/types";
import { cart, claim, coupon, DAY, line, promo, T0 } from "./fixtures";

const base = (over: Partial<QuoteInput> = {}): QuoteInput => ({
  now: T0,
  shop_currency: "USD",
  cart: cart([line("a", "p1", 2, 1000), line("b", "p2", 1, 3000)]), // subtotal 5000
  buyer_id: "b1",
  explain: false,
  wallet: [],
  ...over,
});
const codes = (q: ReturnType<typeof evaluateQuote>, id: string | null) =>
  q.candidates.find((c) => c.coupon_id === id)?.reasons.map((r) => r.code);

const c5 = coupon({ id: "c5", discount: { kind: "fixed", amount_minor: 500 } });
const c7 = coupon({ id: "c7", discount: { kind: "fixed", amount_minor: 700 } });
const w = (c: typeof c5, over = {}) => ({ coupon: c, claim: claim({ id: `k-${c.id}`, coupon_id: c.id, ...over }) });
const code = (cp: ReturnType<typeof promo> | null, buyer_uses = 0, typed = "SHOPSAVE10") => ({ code: typed, coupon: cp, buyer_uses });

describe("evaluateQuote", () => {
  it("subtotal and total: coupon stacks with product and shipping discounts (R24)", () => {
    const q = evaluateQuote(
      base({
        cart: cart([line("a", "p1", 2, 1000, 300), line("b", "p2", 1, 3000)], { shipping_minor: 499, shipping_discount_minor: 200 }),
        wallet: [w(c5)],
      }),
    );
    expect(q.subtotal_minor).toBe(4700);
    expect(q.applied?.discount_minor).toBe(500);
    expect(q.total_minor).toBe(4700 - 500 + 499 - 200);
  });

  it("shipping discount is capped at shipping and the total never goes below 0", () => {
    const q = evaluateQuote(
      base({
        cart: cart([line("a", "p", 1, 100)], { shipping_minor: 50, shipping_discount_minor: 80 }),
        wallet: [w(coupon({ id: "x", discount: { kind: "fixed", amount_minor: 500 } }))],
      }),
    );
    expect(q.applied?.discount_minor).toBe(100);
    expect(q.total_minor).toBe(0);
  });

  it("R23: without code or coupon_id the best claimed coupon applies; the others show one_seller_coupon_per_order", () => {
    const q = evaluateQuote(base({ wallet: [w(c5), w(c7)] }));
    expect(q.applied).toMatchObject({ coupon_id: "c7", discount_minor: 700, claim_id: "k-c7" });
    expect(q.best).toEqual({ coupon_id: "c7", discount_minor: 700 });
    expect(q.candidates).toHaveLength(2);
    const other = q.candidates.find((c) => c.coupon_id === "c5")!;
    expect(other).toMatchObject({ applicable: false, discount_minor: 500 });
    expect(other.reasons.map((r) => r.code)).toEqual(["one_seller_coupon_per_order"]);
    expect(q.candidates.find((c) => c.coupon_id === "c7")).toMatchObject({ applicable: true, discount_minor: 700, reasons: [] });
  });

  it("R23: ties go to the claim expiring first, then the lower coupon id", () => {
    const a = coupon({ id: "ca" });
    const b = coupon({ id: "cb" });
    expect(
      evaluateQuote(base({ wallet: [w(a, { valid_until: T0 + 9 * DAY }), w(b, { valid_until: T0 + 3 * DAY })] })).applied?.coupon_id,
    ).toBe("cb");
    expect(evaluateQuote(base({ wallet: [w(b), w(a)] })).applied?.coupon_id).toBe("ca");
  });

  it("R23: with several claims of one coupon, the usable one expiring first is used and the coupon is one candidate", () => {
    const q = evaluateQuote(
      base({
        wallet: [
          { coupon: c5, claim: claim({ id: "late", coupon_id: "c5", valid_until: T0 + 20 * DAY }) },
          { coupon: c5, claim: claim({ id: "soon", coupon_id: "c5", valid_until: T0 + 2 * DAY }) },
          { coupon: c5, claim: claim({ id: "gone", coupon_id: "c5", valid_until: T0 }) },
        ],
      }),
    );
    expect(q.candidates).toHaveLength(1);
    expect(q.applied?.claim_id).toBe("soon");
  });

  it("R22/R23: a typed promo code takes precedence; applied.code is the full code", () => {
    const p = promo({ discount: { kind: "fixed", amount_minor: 100 } });
    const q = evaluateQuote(base({ typed_code: code(p), wallet: [w(c7)] }));
    expect(q.applied).toMatchObject({ coupon_id: "p1", code: "SHOPSAVE10", discount_minor: 100 });
    expect(codes(q, "c7")).toEqual(["one_seller_coupon_per_order"]);
    expect(q.candidates.find((c) => c.coupon_id === "c7")!.discount_minor).toBe(700);
    expect(q.best).toEqual({ coupon_id: "c7", discount_minor: 700 }); // tells the caller a better one exists
    expect(q.candidates[0].coupon_id).toBe("p1");
  });

  it("an unknown code is a candidate with code_not_found, and nothing else is applied in its place", () => {
    const q = evaluateQuote(base({ typed_code: code(null, 0, "ACMENOPE"), wallet: [w(c7)] }));
    expect(q.candidates[0]).toEqual({
      coupon_id: null,
      code: "ACMENOPE",
      applicable: false,
      discount_minor: 0,
      reasons: [expect.objectContaining({ code: "code_not_found" })],
    });
    expect(q.applied).toBeNull();
    expect(q.best).toEqual({ coupon_id: "c7", discount_minor: 700 });
    expect(q.candidates.find((c) => c.coupon_id === "c7")!.applicable).toBe(true);
    expect(q.total_minor).toBe(5000);
  });

  it("R21: a promo code is usable in its half-open active window only", () => {
    const p = promo({ active_starts_at: T0 + 1, active_ends_at: T0 + DAY });
    expect(codes(evaluateQuote(base({ typed_code: code(p) })), "p1")).toEqual(["not_started"]);
    expect(codes(evaluateQuote(base({ now: T0 + 1, typed_code: code(p) })), "p1")).toEqual([]);
    expect(codes(evaluateQuote(base({ now: T0 + DAY, typed_code: code(p) })), "p1")).toEqual(["expired"]);
  });

  it("R28: a deactivated promo code shows deactivated (not its window)", () => {
    const p = promo({ deactivated_at: T0 - 5, active_ends_at: T0 - 1 });
    expect(codes(evaluateQuote(base({ typed_code: code(p) })), "p1")).toEqual(["deactivated"]);
  });

  it("R22/R27: total quantity counts reserved and committed uses", () => {
    expect(codes(evaluateQuote(base({ typed_code: code(promo({ quantity: 3, reserved_count: 1, used_count: 2 })) })), "p1")).toEqual([
      "quantity_exhausted",
    ]);
    expect(codes(evaluateQuote(base({ typed_code: code(promo({ quantity: 4, reserved_count: 1, used_count: 2 })) })), "p1")).toEqual([]);
  });

  it("R22: per-customer limit 1 refuses a second use; unlimited does not", () => {
    expect(codes(evaluateQuote(base({ typed_code: code(promo({ per_customer_limit: 1 }), 1) })), "p1")).toEqual([
      "per_customer_limit_reached",
    ]);
    expect(codes(evaluateQuote(base({ typed_code: code(promo({ per_customer_limit: 1 }), 0) })), "p1")).toEqual([]);
    expect(codes(evaluateQuote(base({ typed_code: code(promo({ per_customer_limit: null }), 5) })), "p1")).toEqual([]);
  });

  it("R22: without a buyer a promo code is priced whatever its per-customer limit (the redemption demands the buyer)", () => {
    const limited = evaluateQuote(base({ buyer_id: null, typed_code: code(promo({ per_customer_limit: 1 })) }));
    expect(codes(limited, "p1")).toEqual([]);
    expect(limited.applied?.coupon_id).toBe("p1");
    const q = evaluateQuote(base({ buyer_id: null, typed_code: code(promo({ per_customer_limit: null })) }));
    expect(q.applied?.coupon_id).toBe("p1");
  });

  it("R22: minimum purchase is checked on the promo code's in-scope value", () => {
    const q = evaluateQuote(base({ typed_code: code(promo({ min_spend_minor: 5001 })) }));
    expect(codes(q, "p1")).toEqual(["min_spend_not_met"]);
    expect(q.candidates[0].reasons[0].message).toBe("Spend at least 50.01 USD on eligible items");
    expect(q.applied).toBeNull();
  });

  it("without a buyer only the given code is considered; a named claim-based coupon shows buyer_required", () => {
    const q = evaluateQuote(base({ buyer_id: null, named_coupon_id: "c5", named_coupon: c5, wallet: [w(c7)] }));
    expect(q.candidates.map((c) => c.coupon_id)).toEqual(["c5"]);
    expect(codes(q, "c5")).toEqual(["buyer_required"]);
    expect(q.applied).toBeNull();
  });

  it("a named coupon_id applies over a better claim, which then shows one_seller_coupon_per_order", () => {
    const q = evaluateQuote(base({ named_coupon_id: "c5", named_coupon: c5, wallet: [w(c7), w(c5)] }));
    expect(q.applied?.coupon_id).toBe("c5");
    expect(q.candidates.map((c) => c.coupon_id)).toEqual(["c5", "c7"]);
    expect(codes(q, "c7")).toEqual(["one_seller_coupon_per_order"]);
  });

  it("a named coupon the buyer never claimed → not_claimed; unknown id → not_claimed; no fallback", () => {
    const q = evaluateQuote(base({ named_coupon_id: "c5", named_coupon: c5, wallet: [w(c7)] }));
    expect(codes(q, "c5")).toEqual(["not_claimed"]);
    expect(q.applied).toBeNull();
    expect(q.best?.coupon_id).toBe("c7");
    expect(codes(evaluateQuote(base({ named_coupon_id: "zz", named_coupon: null })), "zz")).toEqual(["not_claimed"]);
  });

  it("R9: a used claim is not usable again (not_claimed)", () => {
    expect(codes(evaluateQuote(base({ wallet: [w(c5, { state: "used" })] })), "c5")).toEqual(["not_claimed"]);
  });

  it("R5: a claim is usable from valid_from until valid_until (half-open)", () => {
    expect(codes(evaluateQuote(base({ wallet: [w(c5, { valid_from: T0 + 1 })] })), "c5")).toEqual(["not_started"]);
    expect(codes(evaluateQuote(base({ wallet: [w(c5, { valid_until: T0 })] })), "c5")).toEqual(["claim_expired"]);
    expect(codes(evaluateQuote(base({ wallet: [w(c5, { valid_until: T0 + 1 })] })), "c5")).toEqual([]);
  });

  it("R5: a claim stays usable after the coupon's claim window ended", () => {
    const ended = coupon({ id: "e", claim_starts_at: T0 - 60 * DAY, claim_ends_at: T0 - DAY });
    expect(evaluateQuote(base({ wallet: [w(ended)] })).applied?.coupon_id).toBe("e");
  });

  it("R28: claims of a deactivated coupon stop working", () => {
    const off = coupon({ id: "off", deactivated_at: T0 - 1, discount: { kind: "fixed", amount_minor: 900 } });
    const q = evaluateQuote(base({ wallet: [w(off), w(c5)] }));
    expect(codes(q, "off")).toEqual(["deactivated"]);
    expect(q.applied?.coupon_id).toBe("c5");
  });

  it("currency_mismatch applies to every candidate and nothing applies", () => {
    const q = evaluateQuote(
      base({ cart: cart([line("a", "p", 1, 5000)], { currency: "EUR" }), typed_code: code(promo()), wallet: [w(c5)] }),
    );
    expect(q.candidates.every((c) => c.reasons[0].code === "currency_mismatch" && !c.applicable && c.discount_minor === 0)).toBe(true);
    expect(q.applied).toBeNull();
    expect(q.best).toBeNull();
  });

  it("R25: the applied discount is spread over in-scope lines only, summing exactly", () => {
    const scoped = coupon({
      id: "s",
      scope: { kind: "products", product_ids: ["p1", "p3"] },
      discount: { kind: "percent", percent_off: 33 },
    });
    const q = evaluateQuote(
      base({
        cart: cart([line("a", "p1", 1, 1001), line("b", "p2", 1, 9999), line("c", "p3", 3, 333)]),
        wallet: [w(scoped)],
      }),
    );
    // in scope: 1001 + 999 = 2000 → 33% = 660
    expect(q.applied?.discount_minor).toBe(660);
    expect(q.applied?.allocations.map((a) => a.line_id)).toEqual(["a", "c"]);
    expect(q.applied!.allocations.reduce((s, a) => s + a.discount_minor, 0)).toBe(660);
  });

  it("a coupon that would take nothing off is neither applied automatically nor best", () => {
    const tiny = coupon({ id: "t", discount: { kind: "percent", percent_off: 1 } });
    const q = evaluateQuote(base({ cart: cart([line("a", "p", 1, 99)]), wallet: [w(tiny)] }));
    expect(q.candidates[0]).toMatchObject({ applicable: true, discount_minor: 0 });
    expect(q.applied).toBeNull();
    expect(q.best).toBeNull();
  });

  it("ignores wallet entries of another buyer", () => {
    const q = evaluateQuote(base({ wallet: [w(c7, { buyer_id: "someone-else" })] }));
    expect(q.candidates).toEqual([]);
  });

  it("R26: explain adds a trace of each candidate and the choice, and changes nothing else", () => {
    const input = base({ typed_code: code(promo({ min_spend_minor: 9000 })), wallet: [w(c5), w(c7)] });
    const plain = evaluateQuote(input);
    const explained = evaluateQuote({ ...input, explain: true });
    const { trace, ...rest } = explained;
    expect(rest).toEqual(plain);
    expect(plain.trace).toBeUndefined();
    expect(trace!.map((s) => s.step)).toEqual(["subtotal", "candidate", "candidate", "candidate", "chosen", "total"]);
    const promoStep = trace!.find((s) => s.step === "candidate" && s.detail.coupon_id === "p1")!;
    expect(promoStep.detail).toMatchObject({
      in_scope_minor: 5000,
      min_spend_minor: 9000,
      min_spend_met: false,
      reasons: ["min_spend_not_met"],
    });
    expect(trace!.find((s) => s.step === "chosen")!.detail.coupon_id).toBeNull();
  });

  it("R26: the trace shows the cap and the spread of the chosen coupon", () => {
    const capped = coupon({ id: "cap", discount: { kind: "percent", percent_off: 50, max_discount_minor: 1000 } });
    const q = evaluateQuote(base({ explain: true, wallet: [w(capped)] }));
    const cand = q.trace!.find((s) => s.step === "candidate")!;
    expect(cand.detail).toMatchObject({ raw_discount_minor: 2500, cap_minor: 1000, final_discount_minor: 1000 });
    expect(q.trace!.find((s) => s.step === "spread")!.detail.allocations).toEqual(q.applied!.allocations);
    expect(q.trace!.find((s) => s.step === "chosen")!.detail).toMatchObject({ coupon_id: "cap", claim_id: "k-cap" });
  });
});

describe("R6, R7: customer segments are judged when a claim is used", () => {
  const forNew = coupon({ id: "new", audience: "new", discount: { kind: "fixed", amount_minor: 900 } });
  const forExisting = coupon({ id: "existing", audience: "existing" });
  const forRepeat = coupon({ id: "repeat", audience: "repeat" });
  const orders = (...days: number[]) => ({ buyer_id: "b1", paid_order_times: days.map((d) => T0 + d * DAY) });

  it("a new-customer claim applies while the buyer has paid nothing, and not once an order is paid", () => {
    expect(evaluateQuote(base({ wallet: [w(forNew), w(c5)], buyer_orders: orders() })).applied?.coupon_id).toBe("new");
    const q = evaluateQuote(base({ wallet: [w(forNew), w(c5)], buyer_orders: orders(-1) }));
    expect(q.applied?.coupon_id).toBe("c5");
    expect(codes(q, "new")).toEqual(["audience_mismatch"]);
    expect(q.candidates.find((c) => c.coupon_id === "new")?.discount_minor).toBe(0);
  });

  it("existing needs one paid order, repeat two at most 90 days apart", () => {
    expect(codes(evaluateQuote(base({ wallet: [w(forExisting)], buyer_orders: orders() })), "existing")).toEqual(["audience_mismatch"]);
    expect(codes(evaluateQuote(base({ wallet: [w(forExisting)], buyer_orders: orders(-5) })), "existing")).toEqual([]);
    expect(codes(evaluateQuote(base({ wallet: [w(forRepeat)], buyer_orders: orders(-200, -100) })), "repeat")).toEqual([
      "audience_mismatch",
    ]);
    expect(codes(evaluateQuote(base({ wallet: [w(forRepeat)], buyer_orders: orders(-200, -110, -100) })), "repeat")).toEqual([]);
  });

  it("without the buyer's orders (or with another buyer's) a segment coupon does not apply; other audiences need none", () => {
    expect(codes(evaluateQuote(base({ wallet: [w(forNew)] })), "new")).toEqual(["audience_mismatch"]);
    expect(
      codes(evaluateQuote(base({ wallet: [w(forNew)], buyer_orders: { buyer_id: "someone-else", paid_order_times: [] } })), "new"),
    ).toEqual(["audience_mismatch"]);
    expect(evaluateQuote(base({ wallet: [w(c5)] })).applied?.coupon_id).toBe("c5");
    const follower = coupon({ id: "f", type: "follower", audience: "all_followers" });
    expect(evaluateQuote(base({ wallet: [w(follower)] })).applied?.coupon_id).toBe("f");
  });

  it("named by coupon_id, a claim the buyer no longer qualifies for is refused by name, with no fallback", () => {
    const q = evaluateQuote(base({ wallet: [w(forNew), w(c5)], named_coupon_id: "new", named_coupon: forNew, buyer_orders: orders(-1) }));
    expect(q.applied).toBeNull();
    expect(codes(q, "new")).toEqual(["audience_mismatch"]);
  });
});
