/**
 * Every text the console shows, as one typed table with English defaults (as the widget's strings):
 * views read `this.t`, and an embedding marketplace may lay its own texts over them (`strings` property).
 * Sentences that carry data are functions, so another language can order the words its own way.
 */
import type { CouponStatus, CouponType, ReasonCode } from "./contract.js";
import { fieldStrings, type FieldStrings } from "./strings-fields.js";
import { toolStrings, type ToolStrings } from "./strings-tools.js";
import { viewStrings, type ViewStrings } from "./strings-views.js";

export interface ConsoleStrings extends FieldStrings, ViewStrings, ToolStrings {
  product: string;
  skipToContent: string;
  nav: {
    label: string;
    menu: string;
    coupons: string;
    simulator: string;
    activity: string;
    redemptions: string;
    claims: string;
    reviews: string;
    webhooks: string;
    settings: string;
  };
  signIn: {
    heading: string;
    intro: string;
    field: string;
    hint: string;
    button: string;
    busy: string;
    signOut: string;
    ended: string;
    unknownKey: string;
    tooMany: (seconds: number) => string;
    localHint: string;
  };
  testMode: string;
  clockFrozen: (at: string) => string;
  types: Record<CouponType, string>;
  typeGoals: Record<CouponType, string>;
  statuses: Record<CouponStatus, string>;
  reasons: Record<ReasonCode | "budget_exhausted", string>;
  unknownReason: string;
  loading: string;
  loadFailed: string;
  retry: string;
  networkError: string;
  serverError: string;
  notAvailable: string;
  previous: string;
  next: string;
  loadMore: string;
  cancel: string;
  close: string;
  none: string;
  yes: string;
  no: string;
  copy: string;
  copied: string;
  list: {
    heading: string;
    newCoupon: string;
    /** The empty list's button (a second "New coupon" would leave two controls of one name). */
    firstCoupon: string;
    type: string;
    status: string;
    allTypes: string;
    allStatuses: string;
    empty: string;
    emptyFiltered: string;
    colCoupon: string;
    colType: string;
    colStatus: string;
    colCode: string;
    colWhen: string;
    colActions: string;
    claim: string;
    active: string;
    edit: string;
    deactivate: string;
    duplicate: string;
    history: string;
    data: string;
    send: string;
    addonTag: string;
    duplicateTag: string;
    confirmTitle: (name: string) => string;
    confirmOngoing: string;
    confirmUpcoming: string;
    deactivated: (name: string) => string;
    pageOf: (from: number, to: number) => string;
    copyCode: (code: string) => string;
    /** A campaign's row: how many unique codes, and the button that downloads them. */
    uniqueCodes: (n: number) => string;
    downloadCodes: string;
    downloadCodesOf: (name: string) => string;
    codeCopied: (code: string) => string;
  };
  amountOff: (amount: string) => string;
  percentOff: (percent: number, cap?: string) => string;
  minSpend: (amount: string) => string;
  noMinSpend: string;
  validDays: (days: number) => string;
  validBetween: (from: string, to: string) => string;
  products: (n: number) => string;
  wholeShop: string;
}

export const en: ConsoleStrings = {
  ...fieldStrings,
  ...viewStrings,
  ...toolStrings,
  product: "Seller console",
  skipToContent: "Skip to content",
  nav: {
    label: "Console",
    menu: "Menu",
    coupons: "Coupons",
    simulator: "Simulator",
    activity: "Operation log",
    redemptions: "Redemptions",
    claims: "Claims",
    reviews: "Incentivized reviews",
    webhooks: "Webhooks",
    settings: "Settings",
  },
  signIn: {
    heading: "Sign in to your seller console",
    intro: "Create, run and measure your shop's coupons.",
    field: "Secret key",
    hint: "Your shop's secret key (sk_…). It opens a session for this browser and is not kept here.",
    button: "Sign in",
    busy: "Signing in…",
    signOut: "Sign out",
    ended: "Your session ended. Sign in again to continue.",
    unknownKey: "This key is unknown or was revoked.",
    tooMany: (s) => `Too many attempts. Try again in ${s} seconds.`,
    localHint: "Running it yourself? npm start prints the demo shop's secret key.",
  },
  testMode: "Test",
  clockFrozen: (at) => `Test clock frozen at ${at}`,
  types: {
    regular: "Coupon",
    follower: "Follower Coupon",
    review: "Review Coupon",
    chat: "Chat Coupon",
    promo_code: "Promo Code",
  },
  typeGoals: {
    regular: "Claimable by all customers, or only new, existing or repeat customers.",
    follower: "A one-time reward for followers of your shop or LIVE: grows your follower base.",
    review: "Issued automatically after a detailed review (11+ words and a picture or video).",
    chat: "A private coupon you send to a buyer you are chatting with.",
    promo_code: "A code buyers type at checkout; share it on and off the platform.",
  },
  statuses: { upcoming: "Upcoming", ongoing: "Ongoing", ended: "Ended", deactivated: "Deactivated" },
  reasons: {
    code_not_found: "No promo code has this code.",
    not_started: "It has not started yet.",
    expired: "It has ended.",
    deactivated: "It was deactivated.",
    min_spend_not_met: "The eligible items do not reach its minimum spend.",
    audience_mismatch: "The buyer is not in its audience.",
    not_a_follower: "The buyer does not follow the shop.",
    no_items_in_scope: "No item in the cart is one of its products.",
    quantity_exhausted: "All of its units are used up.",
    per_customer_limit_reached: "The buyer has used it as often as allowed.",
    already_claimed: "The buyer already holds it.",
    not_claimed: "The buyer has not claimed it.",
    claim_expired: "The buyer's claim has expired.",
    not_sent_to_buyer: "It was not sent to this buyer.",
    currency_mismatch: "The cart is in another currency.",
    buyer_required: "It needs a buyer: enter a buyer ID.",
    one_seller_coupon_per_order: "Another coupon applies: one seller coupon per order.",
    budget_exhausted: "Its budget is spent.",
  },
  unknownReason: "It does not apply.",
  loading: "Loading…",
  loadFailed: "This could not be loaded.",
  retry: "Retry",
  networkError: "The console could not reach the server. Check your connection and try again.",
  serverError: "Something went wrong on the server. Try again in a moment.",
  notAvailable: "This server does not offer this yet: update it to use this part of the console.",
  previous: "Previous",
  next: "Next",
  loadMore: "Load more",
  cancel: "Cancel",
  close: "Close",
  none: "—",
  yes: "Yes",
  no: "No",
  copy: "Copy",
  copied: "Copied",
  list: {
    heading: "Coupons",
    newCoupon: "New coupon",
    firstCoupon: "Create your first coupon",
    type: "Type",
    status: "Status",
    allTypes: "All types",
    allStatuses: "All statuses",
    empty: "No coupons yet. Making one takes a minute.",
    emptyFiltered: "No coupons match these filters.",
    colCoupon: "Coupon",
    colType: "Type",
    colStatus: "Status",
    colCode: "Code",
    colWhen: "When",
    colActions: "Actions",
    claim: "Claim",
    active: "Active",
    edit: "Edit",
    deactivate: "Deactivate",
    duplicate: "Duplicate",
    history: "History",
    data: "Data",
    send: "Send",
    addonTag: "addon",
    duplicateTag: "copy",
    confirmTitle: (n) => `Deactivate “${n}”?`,
    confirmOngoing: "It stops at once. Claimed coupons not yet used stop working, and this cannot be undone.",
    confirmUpcoming: "It is cancelled before it starts. This cannot be undone.",
    deactivated: (n) => `“${n}” is deactivated.`,
    pageOf: (a, b) => `Coupons ${a}–${b}`,
    copyCode: (c) => `Copy code ${c}`,
    uniqueCodes: (n) => `${n.toLocaleString("en")} unique codes`,
    downloadCodes: "Download codes",
    downloadCodesOf: (name) => `Download codes of ${name}`,
    codeCopied: (c) => `Code ${c} copied: paste it into your email, post or message.`,
  },
  amountOff: (a) => `${a} off`,
  percentOff: (p, cap) => `${p}% off${cap ? `, up to ${cap}` : ""}`,
  minSpend: (a) => `min. spend ${a}`,
  noMinSpend: "no minimum spend",
  validDays: (d) => `valid ${d} ${d === 1 ? "day" : "days"} after claiming`,
  validBetween: (f, t) => `valid ${f} – ${t}`,
  products: (n) => `${n} ${n === 1 ? "product" : "products"}`,
  wholeShop: "whole shop",
};

/** What the `strings` property of a view takes: any texts to lay over the English ones (one level deep). */
export type StringsOverride = {
  [K in keyof ConsoleStrings]?: ConsoleStrings[K] extends (...a: never[]) => unknown
    ? ConsoleStrings[K]
    : ConsoleStrings[K] extends object
      ? Partial<ConsoleStrings[K]>
      : ConsoleStrings[K];
};

export function resolveStrings(over?: StringsOverride): ConsoleStrings {
  if (!over) return en;
  const out: Record<string, unknown> = { ...en };
  for (const [k, v] of Object.entries(over)) {
    const base = (en as unknown as Record<string, unknown>)[k];
    out[k] = v && typeof v === "object" && base && typeof base === "object" ? { ...base, ...v } : v;
  }
  return out as unknown as ConsoleStrings;
}
