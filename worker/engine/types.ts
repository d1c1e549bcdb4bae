/**
 * Plain data the discount engine works on. The engine is pure: no IO, no clock reads.
 * Times are epoch milliseconds (`Millis`); money is integer minor units of the shop currency.
 * Routes convert rows and request bodies into these shapes and back.
 */
export type Millis = number;

export type CouponType = "regular" | "follower" | "review" | "chat" | "promo_code";
export type Audience = "all" | "new" | "existing" | "repeat" | "all_followers" | "new_followers";
export type CouponStatus = "upcoming" | "ongoing" | "ended" | "deactivated";
export type CouponOrigin = "manual" | "addon" | "duplicate";

export type Discount =
  | { kind: "fixed"; amount_minor: number }
  | { kind: "percent"; percent_off: number; max_discount_minor?: number | null };

export type Scope = { kind: "shop" } | { kind: "products"; product_ids: string[] };

export type Validity = { kind: "days_after_claim"; days: number } | { kind: "fixed"; starts_at: Millis; ends_at: Millis };

/** A coupon as the engine sees it (a row of `coupons` plus its counters). */
export interface Coupon {
  id: string;
  shop_id: string;
  type: CouponType;
  name: string;
  discount: Discount;
  min_spend_minor: number;
  scope: Scope;
  audience: Audience | null;
  claim_starts_at: Millis | null;
  claim_ends_at: Millis | null;
  validity: Validity | null;
  /** Full promo code (prefix + suffix), upper case; null for other types. */
  code: string | null;
  active_starts_at: Millis | null;
  active_ends_at: Millis | null;
  quantity: number;
  per_customer_limit: number | null;
  deactivated_at: Millis | null;
  /**
   * A campaign (non-null): single-use codes of their own, generated with suffixes of this length, instead
   * of one shared `code`; it applies only through one of them (the quote's typed code).
   */
  unique_code_length: number | null;
  /** The most discount its reserved and committed uses may reach together; null = no budget. */
  budget_minor: number | null;
  refund_policy: RefundPolicy;
  /** Discount reserved and committed now (refunds given back excluded). */
  budget_spent_minor: number;
  /** Claims ever issued (claim-based types). */
  claimed_count: number;
  /** Promo-code uses currently reserved, and committed. */
  reserved_count: number;
  used_count: number;
}

export type ClaimState = "available" | "reserved" | "used" | "void";
/** A campaign code: free, held by a live reservation, or used by a committed order. */
export type CampaignCodeState = "available" | "reserved" | "redeemed";
export type RefundPolicy = "keep_used" | "return_unit";
/** `expired` is derived: an `available` claim whose `valid_until` has passed. */
export type ClaimDisplayState = ClaimState | "expired";

export interface Claim {
  id: string;
  coupon_id: string;
  buyer_id: string;
  state: ClaimState;
  valid_from: Millis;
  valid_until: Millis;
}

export interface CartLine {
  line_id: string;
  product_id: string;
  quantity: number;
  unit_price_minor: number;
  /** The line's total product-level discount (not per unit). */
  product_discount_minor: number;
}

export interface Cart {
  currency: string;
  lines: CartLine[];
  shipping_minor: number;
  shipping_discount_minor: number;
}

/** The reason codes are listed once, in the contract (`worker/contract/codes.ts`): plain data, no IO. */
export type { ReasonCode } from "../contract/codes.js";
import type { ReasonCode } from "../contract/codes.js";

export interface Reason {
  code: ReasonCode;
  message: string;
}

/** What the database knows about a buyer at one shop; segments are derived from it. */
export interface BuyerFacts {
  buyer_id: string;
  /** `occurred_at` of every order that was ever paid (refunds do not remove it: R7). */
  paid_order_times: Millis[];
  /** Current (not deleted) follows, with when each began. */
  follows: { target: "shop" | "live"; followed_at: Millis }[];
  /** The buyer already holds this shop's one follower coupon for life (R11). */
  has_follower_grant: boolean;
}

/** What the customer segments (R6: new, existing, repeat) are derived from: the buyer's paid orders. */
export interface CustomerFacts {
  buyer_id: string;
  /** `occurred_at` of every order that was ever paid, in any order. */
  paid_order_times: readonly Millis[];
}

export interface Allocation {
  line_id: string;
  discount_minor: number;
}

export interface TraceStep {
  step: string;
  detail: Record<string, unknown>;
}

// ---------------------------------------------------------------------------
// Added by the engine (new types only; nothing above was renamed or removed).
// ---------------------------------------------------------------------------

/** A half-open time window [starts_at, ends_at); null means "unbounded on that side". */
export interface TimeWindow {
  starts_at: Millis | null;
  ends_at: Millis | null;
}

/**
 * The fields of a coupon that create/edit validation looks at (a request body after zod, with times
 * already converted to Millis). `code` is the seller's suffix only (the prefix is the shop's).
 */
export interface CouponDraft {
  type: CouponType;
  name: string;
  discount: Discount;
  min_spend_minor: number;
  scope: Scope;
  audience?: Audience | null;
  claim_starts_at?: Millis | null;
  claim_ends_at?: Millis | null;
  validity?: Validity | null;
  /** Promo-code suffix (2–8 letters/digits), without the shop prefix. */
  code?: string | null;
  active_starts_at?: Millis | null;
  active_ends_at?: Millis | null;
  quantity: number;
  per_customer_limit?: number | null;
  /** Campaign codes to generate instead of one `code` (promo codes only). */
  unique_codes?: { count: number; length: number } | null;
  budget_minor?: number | null;
  refund_policy?: RefundPolicy;
}

/** A rule a draft breaks; the HTTP layer turns these into 422 `errors[]`. */
export interface RuleViolation {
  /** Dotted path of the offending field, e.g. `discount.amount_minor`; "" for the whole object. */
  path: string;
  code: string;
  message: string;
}

/** Per-currency rule thresholds (R3), in that currency's minor units. */
export interface CurrencyThresholds {
  /** Smallest allowed fixed `amount_minor` for each coupon type. */
  min_fixed_minor: Record<CouponType, number>;
}

/** Outcome of asking "may this buyer claim this coupon now?". */
export interface ClaimEvaluation {
  claimable: boolean;
  reason: Reason | null;
  /** Validity the claim would get; set only when claimable. */
  valid_from?: Millis;
  valid_until?: Millis;
}

export interface QuoteInput {
  now: Millis;
  shop_currency: string;
  cart: Cart;
  buyer_id: string | null;
  explain: boolean;
  /** The `code` of the body: `code` as typed, normalized; `coupon` resolved by the route (null = unknown). */
  typed_code?: {
    code: string;
    coupon: Coupon | null;
    /** This buyer's reserved + committed uses of that promo code (0 without a buyer). */
    buyer_uses: number;
    /** When the code is one of a campaign's single-use codes: its state (only `available` may be used). */
    campaign_code_state?: CampaignCodeState | null;
  };
  /** `coupon_id` from the body. */
  named_coupon_id?: string;
  /** The coupon for `named_coupon_id` if it exists in the shop (null/undefined = not found). */
  named_coupon?: Coupon | null;
  /**
   * Only when `named_coupon` is a promo code: this buyer's reserved + committed uses of it
   * (treated as 0 when absent).
   */
  named_buyer_uses?: number;
  /** The buyer's claims, any state; every coupon in here becomes a candidate (the route picks what to load). */
  wallet: readonly { claim: Claim; coupon: Coupon }[];
  /**
   * The buyer's paid orders at this shop (R6, R7). A coupon for new, existing or repeat customers is
   * judged by the buyer's segment when it is used, not only when it was claimed: a new-customer coupon
   * stops applying once the buyer has paid an order. Needed whenever such a coupon is a candidate;
   * without them (or for another buyer) it does not apply (`audience_mismatch`), since the engine
   * cannot place the buyer in the segment.
   */
  buyer_orders?: CustomerFacts | null;
}

export interface QuoteCandidate {
  coupon_id: string | null;
  /** Full promo code, for promo-code candidates (and the typed text when unknown). */
  code?: string;
  /** The claim that would be used, for claim-based candidates that have a usable claim. */
  claim_id?: string;
  applicable: boolean;
  discount_minor: number;
  reasons: Reason[];
}

export interface AppliedCoupon {
  coupon_id: string;
  code?: string;
  /** The claim to reserve at redemption (claim-based coupons only). */
  claim_id?: string;
  discount_minor: number;
  allocations: Allocation[];
}

export interface QuoteResult {
  subtotal_minor: number;
  applied: AppliedCoupon | null;
  best: { coupon_id: string; discount_minor: number } | null;
  candidates: QuoteCandidate[];
  total_minor: number;
  trace?: TraceStep[];
}
