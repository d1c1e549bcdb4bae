/**
 * Every text the widget shows, as a typed table with English defaults (Shoelace's `localize` idea,
 * without its registry: a locale is a plain object, and `strings` overrides any part of it).
 * Sentences that carry data are functions so each language can order the words its own way.
 */

/** Reason codes of the OpenAPI document: the engine's own type, imported as a type only (no bytes). */
import type { ReasonCode } from "../../worker/engine/types.js";
export type { ReasonCode };

export interface WidgetStrings {
  /** One clear sentence per reason code. */
  reasons: Record<ReasonCode, string>;
  /** A reason code this version does not know yet. */
  unknownReason: string;
  /** Label of the code input. */
  label: string;
  placeholder: string;
  apply: string;
  /** Apply button text while a quote is in flight. */
  applying: string;
  remove: string;
  /** Accessible name of the Remove button. */
  removeLabel: (code: string) => string;
  /** The applied discount in words; `amount` is already formatted money. */
  applied: (code: string, amount: string) => string;
  removed: string;
  /** While a code is being checked. */
  checking: string;
  loading: string;
  networkError: string;
  /** Too many failed look-ups (HTTP 429). */
  rateLimited: string;
  /** The service failed (5xx): asking again may help. */
  serviceError: string;
  /** The service refused the page itself (key, origin, request): no retry is offered; the console says why. */
  unavailable: string;
  retry: string;
  /** A code asked about with nothing in the cart. */
  emptyCart: string;
  /** A minimum spend not yet reached; `amount` (formatted) is what is still missing. */
  minSpendMissing: (amount: string) => string;
  /**
   * The buyer's claimed coupon saves more than the typed code, and only one shop coupon applies per order,
   * so the coupon stays. `name` is the coupon's name ("" when unknown); amounts are formatted.
   */
  betterCoupon: (name: string, saves: string, code: string, codeSaves: string) => string;
  /** Button: apply the weaker code anyway (e.g. to keep the coupon for later). */
  useCode: (code: string) => string;
  /** After a weaker code was chosen: what the claimed coupon would have saved. */
  couponWouldSave: (name: string, saves: string) => string;
  /** Button: drop the code so the better claimed coupon applies. */
  useCoupon: string;
  /** `<coupon-summary>`: the line of an applied code. */
  codeLine: (code: string) => string;
  /** `<coupon-summary>`: the line of a claimed coupon that applies by itself ("" when its name is unknown). */
  couponLine: (name: string) => string;
  /** Accessible name of the coupon list. */
  couponsLabel: string;
  noCoupons: string;
  signInToClaim: string;
  claim: string;
  claiming: string;
  claimed: string;
  /** Announced after a claim; `name` is the coupon's name. */
  claimedNotice: (name: string) => string;
  amountOff: (amount: string) => string;
  percentOff: (percent: number, cap?: string) => string;
  minSpend: (amount: string) => string;
  noMinSpend: string;
  validDays: (days: number) => string;
  validBetween: (from: string, until: string) => string;
  claimBy: (date: string) => string;
}

/** A coupon's name in quotes after a space, or nothing when the name is unknown. */
const q = (name: string) => (name ? ` “${name}”` : "");

export const en: WidgetStrings = {
  reasons: {
    code_not_found: "We don't recognise that code. Check the spelling and try again.",
    not_started: "This coupon isn't active yet.",
    expired: "This coupon has expired.",
    deactivated: "This coupon is no longer available.",
    min_spend_not_met: "Your order doesn't reach this coupon's minimum spend yet.",
    audience_mismatch: "This coupon is for a different group of customers.",
    not_a_follower: "Follow the shop to use this coupon.",
    no_items_in_scope: "None of the items in your cart are eligible for this coupon.",
    quantity_exhausted: "This coupon has been fully used up.",
    per_customer_limit_reached: "You've already used this coupon as many times as allowed.",
    already_claimed: "You've already claimed this coupon.",
    not_claimed: "Claim this coupon before using it.",
    claim_expired: "Your claimed coupon has expired.",
    not_sent_to_buyer: "This coupon wasn't sent to you.",
    currency_mismatch: "This coupon can't be used with your cart's currency.",
    buyer_required: "Sign in to use this coupon.",
    one_seller_coupon_per_order: "Only one shop coupon can be used per order.",
    budget_exhausted: "This coupon's budget has run out.",
  },
  unknownReason: "This code can't be used on this order.",
  label: "Promo code",
  placeholder: "Enter code",
  apply: "Apply",
  applying: "Applying…",
  remove: "Remove",
  removeLabel: (c) => `Remove code ${c}`,
  applied: (c, a) => `Code ${c} applied: you save ${a}.`,
  removed: "Code removed.",
  checking: "Checking the code…",
  loading: "Loading…",
  networkError: "We couldn't reach the coupon service. Check your connection and try again.",
  rateLimited: "Too many attempts. Please wait a minute and try again.",
  serviceError: "Something went wrong with the coupon service. Please try again.",
  unavailable: "Promo codes are unavailable right now.",
  retry: "Retry",
  emptyCart: "Your cart is empty. Add something to use a code.",
  minSpendMissing: (a) => `Spend ${a} more on eligible items to use this code.`,
  betterCoupon: (n, s, c, cs) =>
    `Your coupon${q(n)} saves ${s}, more than ${c} (${cs}), so it stays applied: only one shop coupon can be used per order.`,
  useCode: (c) => `Use ${c} instead`,
  couponWouldSave: (n, s) => `Your coupon${q(n)} would save ${s}.`,
  useCoupon: "Use my coupon instead",
  codeLine: (c) => `Code ${c}`,
  couponLine: (n) => (n ? `Coupon “${n}”` : "Your coupon"),
  couponsLabel: "Shop coupons",
  noCoupons: "No coupons are available right now.",
  signInToClaim: "Sign in to claim coupons.",
  claim: "Claim",
  claiming: "Claiming…",
  claimed: "Claimed",
  claimedNotice: (n) => `Coupon “${n}” claimed. It will apply at checkout.`,
  amountOff: (a) => `${a} off`,
  percentOff: (p, cap) => `${p}% off${cap ? `, up to ${cap}` : ""}`,
  minSpend: (a) => `Min. spend ${a}`,
  noMinSpend: "No minimum spend",
  validDays: (d) => `Valid for ${d} ${d === 1 ? "day" : "days"} after claiming`,
  validBetween: (f, u) => `Valid ${f} – ${u}`,
  claimBy: (d) => `Claim by ${d}`,
};

/**
 * Languages by primary subtag. Only English ships inside `/widget.js` (the 12 KB budget); another
 * language registers itself here when its module is imported, e.g. `import "…/locales/de.js"`.
 */
export const locales: Record<string, WidgetStrings> = { en };

/** What the `strings` property takes: any texts, and any reasons, to lay over the locale's. */
export type StringsOverride = Partial<Omit<WidgetStrings, "reasons">> & {
  reasons?: Partial<Record<ReasonCode, string>>;
};

/**
 * The strings for a BCP 47 locale ("de-AT" falls back to "de", anything unknown to English),
 * with `overrides` laid over them (the `reasons` table is merged key by key).
 */
export function resolveStrings(locale: string, overrides?: StringsOverride): WidgetStrings {
  const base = locales[locale] ?? locales[locale.split("-")[0].toLowerCase()] ?? en;
  return overrides ? { ...base, ...overrides, reasons: { ...base.reasons, ...overrides.reasons } } : base;
}

/** The sentence for a reason code, or the server's own message (plain text) for an unknown code. */
export function reasonText(t: WidgetStrings, code: string, message?: string): string {
  return (t.reasons as Record<string, string>)[code] ?? message ?? t.unknownReason;
}
