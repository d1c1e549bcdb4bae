/**
 * Reason codes with a short English message each. The code is the contract; the message is for
 * people (widget, simulator). Messages are built here so every layer words a reason the same way.
 */
import { formatMoney } from "./money";
import type { Millis, Reason, ReasonCode } from "./types";

export interface ReasonParams {
  /** Typed promo code (code_not_found). */
  code?: string;
  currency?: string;
  shop_currency?: string;
  min_spend_minor?: number;
  /** When the coupon or claim becomes usable (not_started) or stopped being usable (expired). */
  at?: Millis | null;
  /** quantity_exhausted of one single-use campaign code (not of the whole coupon). */
  code_used?: boolean;
  /** code_not_found of a campaign named without one of its codes. */
  campaign?: boolean;
}

function when(at: Millis | null | undefined): string {
  return at == null || !Number.isFinite(at) ? "" : ` (${new Date(at).toISOString()})`;
}

export function reason(code: ReasonCode, p: ReasonParams = {}): Reason {
  return { code, message: message(code, p) };
}

function message(code: ReasonCode, p: ReasonParams): string {
  switch (code) {
    case "code_not_found":
      if (p.campaign) return "This coupon is used with one of its own codes: type the code";
      return p.code ? `No coupon has the code ${p.code}` : "No coupon has this code";
    case "not_started":
      return `This coupon cannot be used yet${when(p.at)}`;
    case "expired":
      return `This coupon has ended${when(p.at)}`;
    case "deactivated":
      return "The seller has stopped this coupon";
    case "min_spend_not_met":
      return p.min_spend_minor != null && p.currency
        ? `Spend at least ${formatMoney(p.min_spend_minor, p.currency)} on eligible items`
        : "The minimum spend on eligible items is not met";
    case "audience_mismatch":
      return "This coupon is for a different group of customers";
    case "not_a_follower":
      return "Follow the shop to claim this coupon";
    case "no_items_in_scope":
      return "No item in the cart is eligible for this coupon";
    case "quantity_exhausted":
      return p.code_used ? "This code has already been used" : "This coupon has run out";
    case "per_customer_limit_reached":
      return "You have reached the limit for this coupon";
    case "already_claimed":
      return "You already have this coupon";
    case "not_claimed":
      return "Claim this coupon before using it";
    case "claim_expired":
      return `Your coupon has expired${when(p.at)}`;
    case "not_sent_to_buyer":
      return "This coupon was not sent to you";
    case "currency_mismatch":
      return p.currency && p.shop_currency
        ? `The cart is in ${p.currency} but the shop sells in ${p.shop_currency}`
        : "The cart currency is not the shop currency";
    case "buyer_required":
      return "Sign in to use this coupon";
    case "one_seller_coupon_per_order":
      return "Only one seller coupon can be used per order";
    case "budget_exhausted":
      return "This coupon's budget does not cover this discount";
  }
}
