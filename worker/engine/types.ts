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

export type Validity =
  | { kind: "days_after_claim"; days: number }
  | { kind: "fixed"; starts_at: Millis; ends_at: Millis };

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
  /** Claims ever issued (claim-based types). */
  claimed_count: number;
  /** Promo-code uses currently reserved, and committed. */
  reserved_count: number;
  used_count: number;
}

export type ClaimState = "available" | "reserved" | "used" | "void";
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

export type ReasonCode =
  | "code_not_found"
  | "not_started"
  | "expired"
  | "deactivated"
  | "min_spend_not_met"
  | "audience_mismatch"
  | "not_a_follower"
  | "no_items_in_scope"
  | "quantity_exhausted"
  | "per_customer_limit_reached"
  | "already_claimed"
  | "not_claimed"
  | "claim_expired"
  | "not_sent_to_buyer"
  | "currency_mismatch"
  | "buyer_required"
  | "one_seller_coupon_per_order";

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

export interface Allocation {
  line_id: string;
  discount_minor: number;
}

export interface TraceStep {
  step: string;
  detail: Record<string, unknown>;
}
