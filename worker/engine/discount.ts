/**
 * The money side of one coupon against one cart: in-scope value, minimum spend (R24), the discount
 * with its cap and the in-scope ceiling (R25), and the exact spread over lines.
 */
import { assertMinor, isMinor, mulDivFloor, spreadDiscount } from "./money";
import { reason } from "./reasons";
import type { Allocation, Cart, CartLine, Coupon, Reason, Scope } from "./types";

export type DiscountTerms = Pick<Coupon, "discount" | "min_spend_minor" | "scope">;

export interface DiscountResult {
  /** Σ value of in-scope lines after product-level discounts (R24). */
  in_scope_minor: number;
  /** 0 when `reasons` is not empty. */
  discount_minor: number;
  /** One entry per in-scope line (value-0 lines get 0); empty when the discount is 0 for a reason. */
  allocations: Allocation[];
  /** no_items_in_scope and/or min_spend_not_met; empty = the discount applies. */
  reasons: Reason[];
  /** For the trace: percent before cap, or the fixed amount, before the in-scope ceiling. */
  raw_discount_minor: number;
  /** The cap that bit (percent with max_discount_minor), else null. */
  cap_minor: number | null;
}

// Shared, frozen empties for the common case (a candidate that applies has no reasons; one judged without
// its spread has no allocations): a quote judges every candidate, and each used to allocate both.
const NO_REASONS: Reason[] = Object.freeze([]) as unknown as Reason[];
const NO_ALLOCATIONS: Allocation[] = Object.freeze([]) as unknown as Allocation[];

/** Product-id sets built once per scope object: quotes evaluate the same coupons over and over. */
const scopeSets = new WeakMap<object, Set<string>>();

/** null = whole shop (everything in scope). */
function scopeSet(scope: Scope): Set<string> | null {
  if (scope.kind === "shop") return null;
  let set = scopeSets.get(scope);
  if (!set) {
    set = new Set(scope.product_ids);
    scopeSets.set(scope, set);
  }
  return set;
}

/** A line's value after its product-level discount; never below 0 (a gift line is worth 0). */
export function lineValue(line: CartLine): number {
  const gross = line.quantity * line.unit_price_minor;
  // Checked first and worded only on failure: a quote values every line, so building four messages per
  // line up front was a fifth of the engine's time.
  if (!isMinor(line.quantity) || !isMinor(line.unit_price_minor) || !isMinor(line.product_discount_minor) || !isMinor(gross)) {
    assertMinor(line.quantity, `quantity of line ${line.line_id}`);
    assertMinor(line.unit_price_minor, `unit_price_minor of line ${line.line_id}`);
    assertMinor(line.product_discount_minor, `product_discount_minor of line ${line.line_id}`);
    assertMinor(gross, `value of line ${line.line_id}`);
  }
  const v = gross - line.product_discount_minor;
  return Math.max(v, 0);
}

/** Σ quantity × unit price − product discounts (each line floored at 0, like the in-scope value). */
export function cartSubtotal(cart: Cart, values?: number[]): number {
  const vals = values ?? lineValues(cart);
  let s = 0;
  for (let i = 0; i < vals.length; i++) s += vals[i];
  assertMinor(s, "subtotal");
  return s;
}

/** Discount before the in-scope ceiling, and which cap applied. */
function rawDiscount(terms: DiscountTerms, inScopeValue: number): { raw: number; cap: number | null } {
  const d = terms.discount;
  if (d.kind === "fixed") {
    assertMinor(d.amount_minor, "amount_minor");
    return { raw: d.amount_minor, cap: null };
  }
  assertMinor(d.percent_off, "percent_off");
  const pct = mulDivFloor(inScopeValue, d.percent_off, 100).q;
  const cap = d.max_discount_minor;
  if (cap != null) {
    assertMinor(cap, "max_discount_minor");
    if (pct > cap) return { raw: pct, cap };
  }
  return { raw: pct, cap: null };
}

/** Every line's value, validated once; a quote reuses it for all its candidates. */
export function lineValues(cart: Cart): number[] {
  const out: number[] = new Array(cart.lines.length);
  for (let i = 0; i < cart.lines.length; i++) out[i] = lineValue(cart.lines[i]);
  return out;
}

/**
 * Evaluate one coupon's terms against a cart. `withAllocations: false` skips the spread (the quote
 * only needs allocations for the coupon it applies); `values` are the cart's `lineValues`, passed in
 * so a quote validates and computes them once rather than once per candidate.
 */
export function computeDiscountCore(
  terms: DiscountTerms,
  cart: Cart,
  withAllocations: boolean,
  values?: number[],
  /** Σ values, when the caller has it (a quote does): a whole-shop coupon then needs no pass over the lines. */
  subtotal?: number,
): DiscountResult {
  const lines = cart.lines;
  const vals = values ?? lineValues(cart);
  const set = scopeSet(terms.scope);
  let inScopeValue = 0;
  let inScopeCount = 0;
  if (set === null && subtotal !== undefined) {
    inScopeValue = subtotal;
    inScopeCount = lines.length;
  } else {
    for (let i = 0; i < lines.length; i++) {
      if (set === null || set.has(lines[i].product_id)) {
        inScopeValue += vals[i];
        inScopeCount++;
      }
    }
  }
  if (!isMinor(inScopeValue)) assertMinor(inScopeValue, "in-scope value");
  if (!isMinor(terms.min_spend_minor)) assertMinor(terms.min_spend_minor, "min_spend_minor");

  let reasons: Reason[] = NO_REASONS;
  if (inScopeCount === 0) reasons = [reason("no_items_in_scope")];
  // R24: compared with the in-scope value after product discounts, met at >=.
  else if (inScopeValue < terms.min_spend_minor) {
    reasons = [reason("min_spend_not_met", { min_spend_minor: terms.min_spend_minor, currency: cart.currency })];
  }
  const { raw, cap } = rawDiscount(terms, inScopeValue);
  if (reasons.length > 0) {
    return {
      in_scope_minor: inScopeValue,
      discount_minor: 0,
      allocations: NO_ALLOCATIONS,
      reasons,
      raw_discount_minor: raw,
      cap_minor: cap,
    };
  }
  // R25: the cap first (percent), then never more than the in-scope value.
  let discount = cap != null ? cap : raw;
  if (discount > inScopeValue) discount = inScopeValue;

  let allocations: Allocation[] = NO_ALLOCATIONS;
  if (withAllocations) {
    const parts: { line_id: string; value: number }[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (set === null || set.has(lines[i].product_id)) parts.push({ line_id: lines[i].line_id, value: vals[i] });
    }
    allocations = spreadDiscount(discount, parts);
  }
  return { in_scope_minor: inScopeValue, discount_minor: discount, allocations, reasons, raw_discount_minor: raw, cap_minor: cap };
}

/** The coupon's discount on this cart with allocations over the in-scope lines (R24, R25). */
export function computeDiscount(coupon: DiscountTerms, cart: Cart): DiscountResult {
  return computeDiscountCore(coupon, cart, true);
}
