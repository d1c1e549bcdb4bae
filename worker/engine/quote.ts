/**
 * The checkout quote: which seller coupon applies to a cart (R23: at most one), how much it takes
 * off and why every other coupon considered does not (R26). Pure and deterministic: same input, same
 * output; inputs are never mutated; `explain` only adds the trace.
 */
import { cartSubtotal, computeDiscountCore, lineValues, type DiscountResult } from "./discount";
import { reason } from "./reasons";
import { passesBudget, promoCodeAvailability } from "./promo-code-availability";
import { isCustomerAudience, matchesCustomerAudience } from "./segments";
import type {
  AppliedCoupon,
  CampaignCodeState,
  Claim,
  Coupon,
  Millis,
  QuoteCandidate,
  QuoteInput,
  QuoteResult,
  Reason,
  TraceStep,
} from "./types";

type Source = "code" | "coupon_id" | "wallet";

/** Working record per candidate; `out` is what the caller sees. */
interface Cand {
  out: QuoteCandidate;
  source: Source;
  coupon: Coupon | null;
  claim: Claim | null;
  calc: DiscountResult | null;
  /** Tie-break "earliest to expire": the claim's valid_until, or a promo code's active end. */
  expires: number;
}

/** Usable claim = available and inside [valid_from, valid_until). Earliest-expiring first, so nothing is wasted. */
function pickClaim(claims: Claim[], now: Millis): { claim: Claim | null; why: Reason | null } {
  let best: Claim | null = null;
  let notYet: Millis | null = null;
  let lapsed: Millis | null = null;
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i];
    if (c.state !== "available") continue;
    if (now < c.valid_from) {
      if (notYet == null || c.valid_from < notYet) notYet = c.valid_from;
      continue;
    }
    if (now >= c.valid_until) {
      if (lapsed == null || c.valid_until > lapsed) lapsed = c.valid_until;
      continue;
    }
    if (best == null || c.valid_until < best.valid_until || (c.valid_until === best.valid_until && c.id < best.id)) best = c;
  }
  if (best) return { claim: best, why: null };
  // No usable claim: say the most actionable thing (soon usable > lapsed > nothing held).
  if (notYet != null) return { claim: null, why: reason("not_started", { at: notYet }) };
  if (lapsed != null) return { claim: null, why: reason("claim_expired", { at: lapsed }) };
  return { claim: null, why: reason("not_claimed") };
}

/** Larger discount first, then the one expiring first, then the lower coupon id (stable and total). */
function better(a: Cand, b: Cand): boolean {
  if (a.out.discount_minor !== b.out.discount_minor) return a.out.discount_minor > b.out.discount_minor;
  if (a.expires !== b.expires) return a.expires < b.expires;
  return (a.out.coupon_id as string) < (b.out.coupon_id as string);
}

/** What every candidate of one quote is judged against (built once per quote). */
interface QuoteContext {
  input: QuoteInput;
  now: Millis;
  cart: QuoteInput["cart"];
  buyerId: string | null;
  currencyOk: boolean;
  values: number[];
  subtotal: number;
  wallet: Map<string, { coupon: Coupon; claims: Claim[] }>;
}

/**
 * One candidate: the gates that come before money (currency, deactivation, window / claim, limits),
 * then its discount on the cart. A module-level function, not a closure made per quote: every quote
 * calls it for every candidate.
 */
function evaluateCandidate(
  q: QuoteContext,
  coupon: Coupon,
  source: Source,
  code: string | undefined,
  buyerUses: number,
  codeState?: CampaignCodeState | null,
): Cand {
  const { now, cart, buyerId } = q;
  const reasons: Reason[] = [];
  if (!q.currencyOk) reasons.push(reason("currency_mismatch", { currency: cart.currency, shop_currency: q.input.shop_currency }));
  let claim: Claim | null = null;
  let expires = Number.POSITIVE_INFINITY;
  if (coupon.type !== "promo_code" && coupon.deactivated_at != null) reasons.push(reason("deactivated")); // R28: claims stop working too
  if (coupon.type === "promo_code") {
    // A campaign applies only through one of its own single-use codes, never by its id alone.
    if (coupon.unique_code_length != null && codeState == null) reasons.push(reason("code_not_found", { campaign: true }));
    const gates = promoCodeAvailability(coupon, now, codeState); // deactivated, window, uses left, budget left
    for (let i = 0; i < gates.length; i++) reasons.push(gates[i]);
    const limit = coupon.per_customer_limit;
    // R22: the per-customer limit is judged for a known buyer. An anonymous quote is a price preview
    // (without a buyer only claim-based coupons show buyer_required, as the OpenAPI document says); a redemption of a
    // limited code demands a buyer, so the limit still holds where a unit is actually taken.
    if (limit != null && buyerId != null && buyerUses >= limit) reasons.push(reason("per_customer_limit_reached"));
    if (coupon.active_ends_at != null) expires = coupon.active_ends_at;
  } else if (buyerId == null) {
    reasons.push(reason("buyer_required"));
  } else {
    if (passesBudget(coupon, 1)) reasons.push(reason("budget_exhausted"));
    const g = q.wallet.get(coupon.id);
    const picked = pickClaim(g ? g.claims : [], now);
    if (picked.why) reasons.push(picked.why);
    claim = picked.claim;
    if (claim) expires = claim.valid_until;
    // R6, R7 at use time: the segment the coupon is for must still be the buyer's.
    const audience = coupon.audience;
    if (isCustomerAudience(audience)) {
      const f = q.input.buyer_orders;
      if (f == null || f.buyer_id !== buyerId || !matchesCustomerAudience(audience, f)) reasons.push(reason("audience_mismatch"));
    }
  }
  let calc: DiscountResult | null = null;
  if (q.currencyOk) {
    calc = computeDiscountCore(coupon, cart, false, q.values, q.subtotal);
    for (let i = 0; i < calc.reasons.length; i++) reasons.push(calc.reasons[i]);
    // A discount the remaining budget cannot cover is refused whole, never cut down (the budget guard of
    // the reservation write refuses it the same way).
    if (calc.reasons.length === 0 && passesBudget(coupon, calc.discount_minor) && !reasons.some((r) => r.code === "budget_exhausted")) {
      reasons.push(reason("budget_exhausted"));
    }
  }
  const applicable = reasons.length === 0;
  const out: QuoteCandidate = { coupon_id: coupon.id, applicable, discount_minor: applicable && calc ? calc.discount_minor : 0, reasons };
  if (coupon.type === "promo_code" && coupon.code != null) out.code = coupon.code;
  else if (code != null) out.code = code;
  if (claim) out.claim_id = claim.id;
  return { out, source, coupon, claim, calc, expires };
}

export function evaluateQuote(input: QuoteInput): QuoteResult {
  const { now, cart, explain } = input;
  const buyerId = input.buyer_id;
  const values = lineValues(cart); // validated and computed once for all candidates
  const subtotal = cartSubtotal(cart, values);
  const currencyOk = cart.currency.toUpperCase() === input.shop_currency.toUpperCase();
  const trace: TraceStep[] | undefined = explain ? [] : undefined;
  if (trace) {
    trace.push({ step: "subtotal", detail: { subtotal_minor: subtotal, currency: cart.currency, lines: cart.lines.length } });
    if (!currencyOk) trace.push({ step: "currency", detail: { cart: cart.currency, shop: input.shop_currency, ok: false } });
  }

  // Group the wallet by coupon, keeping first-appearance order (the route decides the order it loads).
  const wallet = new Map<string, { coupon: Coupon; claims: Claim[] }>();
  if (buyerId != null) {
    for (let i = 0; i < input.wallet.length; i++) {
      const { claim, coupon } = input.wallet[i];
      if (claim.buyer_id !== buyerId || claim.coupon_id !== coupon.id) continue; // not this buyer's: ignore
      const g = wallet.get(coupon.id);
      if (g) g.claims.push(claim);
      else wallet.set(coupon.id, { coupon, claims: [claim] });
    }
  }

  const q: QuoteContext = { input, now, cart, buyerId, currencyOk, values, subtotal, wallet };

  const cands: Cand[] = [];
  const seen = new Set<string>();
  const tc = input.typed_code;
  if (tc) {
    if (tc.coupon == null) {
      cands.push({
        out: {
          coupon_id: null,
          code: tc.code,
          applicable: false,
          discount_minor: 0,
          reasons: [reason("code_not_found", { code: tc.code })],
        },
        source: "code",
        coupon: null,
        claim: null,
        calc: null,
        expires: Number.POSITIVE_INFINITY,
      });
    } else {
      cands.push(evaluateCandidate(q, tc.coupon, "code", tc.code, tc.buyer_uses, tc.campaign_code_state));
      seen.add(tc.coupon.id);
    }
  }
  if (input.named_coupon_id != null && !seen.has(input.named_coupon_id)) {
    const nc = input.named_coupon;
    if (nc == null || nc.id !== input.named_coupon_id) {
      // Unknown (or another shop's) coupon id: nothing the buyer holds, so "not claimed".
      cands.push({
        out: { coupon_id: input.named_coupon_id, applicable: false, discount_minor: 0, reasons: [reason("not_claimed")] },
        source: "coupon_id",
        coupon: null,
        claim: null,
        calc: null,
        expires: Number.POSITIVE_INFINITY,
      });
    } else {
      cands.push(evaluateCandidate(q, nc, "coupon_id", undefined, input.named_buyer_uses ?? 0));
    }
    seen.add(input.named_coupon_id);
  }
  for (const [id, g] of wallet) {
    if (!seen.has(id)) cands.push(evaluateCandidate(q, g.coupon, "wallet", undefined, 0));
  }

  // best: the best applicable candidate overall, so a caller whose code fails still learns what would work.
  // A coupon that would take nothing off is never "best" nor picked automatically (it would burn a claim).
  let best: Cand | null = null;
  for (const c of cands) {
    if (c.out.applicable && c.out.discount_minor > 0 && (best == null || better(c, best))) best = c;
  }
  // A named code (then coupon_id) takes precedence; if named ones fail, nothing applies (no silent fallback).
  let chosen: Cand | null = null;
  let why = "";
  // Loops rather than filter/find callbacks: this runs on every quote.
  let anyNamed = false;
  for (const c of cands) {
    if (c.source === "wallet") continue;
    anyNamed = true;
    if (c.out.applicable) {
      chosen = c;
      break;
    }
  }
  if (anyNamed) {
    why = chosen ? `named by ${chosen.source}` : "the named code or coupon does not apply; no other coupon is applied in its place";
  } else {
    chosen = best;
    why = chosen ? "largest discount, then earliest to expire, then lowest coupon id" : "no applicable coupon";
  }
  // R23: one seller coupon per order; the others that would apply say so (their discount stays visible).
  if (chosen) {
    for (const c of cands) {
      if (c !== chosen && c.out.applicable) {
        c.out.applicable = false;
        c.out.reasons.push(reason("one_seller_coupon_per_order"));
      }
    }
  }

  let applied: AppliedCoupon | null = null;
  if (chosen?.coupon) {
    const full = computeDiscountCore(chosen.coupon, cart, true, values, subtotal);
    applied = { coupon_id: chosen.coupon.id, discount_minor: full.discount_minor, allocations: full.allocations };
    if (chosen.out.code != null && chosen.coupon.type === "promo_code") applied.code = chosen.out.code;
    if (chosen.claim) applied.claim_id = chosen.claim.id;
  }

  const shipping = cart.shipping_minor;
  const shipDiscount = Math.min(cart.shipping_discount_minor, shipping);
  let total = subtotal - (applied ? applied.discount_minor : 0) + shipping - shipDiscount;
  if (total < 0) total = 0;

  if (trace) {
    for (const c of cands) trace.push({ step: "candidate", detail: candidateDetail(c) });
    trace.push({ step: "chosen", detail: { coupon_id: chosen?.out.coupon_id ?? null, claim_id: chosen?.claim?.id ?? null, why } });
    if (applied)
      trace.push({
        step: "spread",
        detail: {
          coupon_id: applied.coupon_id,
          discount_minor: applied.discount_minor,
          allocations: applied.allocations.map((a) => ({ ...a })),
        },
      });
    trace.push({
      step: "total",
      detail: {
        subtotal_minor: subtotal,
        coupon_discount_minor: applied ? applied.discount_minor : 0,
        shipping_minor: shipping,
        shipping_discount_minor: shipDiscount,
        total_minor: total,
      },
    });
  }

  const result: QuoteResult = {
    subtotal_minor: subtotal,
    applied,
    best: best ? { coupon_id: best.out.coupon_id as string, discount_minor: best.out.discount_minor } : null,
    candidates: outs(cands),
    total_minor: total,
  };
  if (trace) result.trace = trace;
  return result;
}

function outs(cands: Cand[]): QuoteCandidate[] {
  const out = new Array<QuoteCandidate>(cands.length);
  for (let i = 0; i < cands.length; i++) out[i] = cands[i].out;
  return out;
}

function candidateDetail(c: Cand): Record<string, unknown> {
  const d: Record<string, unknown> = {
    source: c.source,
    coupon_id: c.out.coupon_id,
    code: c.out.code ?? null,
    claim_id: c.claim?.id ?? null,
  };
  if (c.coupon) {
    d.type = c.coupon.type;
    d.discount = { ...c.coupon.discount };
  }
  if (c.calc) {
    const min = c.coupon ? c.coupon.min_spend_minor : 0;
    d.in_scope_minor = c.calc.in_scope_minor;
    d.min_spend_minor = min;
    d.min_spend_met = c.calc.in_scope_minor >= min;
    d.raw_discount_minor = c.calc.raw_discount_minor;
    d.cap_minor = c.calc.cap_minor;
    d.final_discount_minor = c.calc.discount_minor;
  }
  d.applicable = c.out.applicable;
  d.reasons = c.out.reasons.map((r) => r.code);
  return d;
}
