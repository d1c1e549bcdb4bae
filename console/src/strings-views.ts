/** Texts of the views beyond the list and the form (part of `ConsoleStrings`, see strings.ts). */
import type { AuditAction, ClaimRow, CodeRefusalReason, RedemptionRow } from "./contract.js";

export interface ViewStrings {
  data: {
    heading: (name: string) => string;
    from: string;
    to: string;
    apply: string;
    totals: string;
    claims: string;
    redemptions: string;
    buyers: string;
    orders: string;
    discount: string;
    gmv: string;
    remaining: string;
    daily: string;
    metric: string;
    chartLabel: (metric: string, from: string, to: string, total: string) => string;
    /** Shown when there are any: refunded uses (and their discount), and the budget left. */
    refunds: string;
    budgetLeft: string;
    showTable: string;
    date: string;
    seeRedemptions: string;
    seeClaims: string;
    seeReviews: string;
    seeRecipients: string;
    back: string;
  };
  history: {
    heading: (name: string) => string;
    intro: string;
    /** Every action the operation log records, in words (the filter offers them all). */
    actions: Record<AuditAction, string>;
    by: (who: string) => string;
    system: string;
    key: (hint: string) => string;
    field: string;
    /** The accessible name of a change table's scrolling box. */
    changesLabel: string;
    before: string;
    after: string;
    empty: string;
    fieldNames: Record<string, string>;
    refundPolicies: Record<"keep_used" | "return_unit", string>;
    uniqueCodes: (count: number, length: number) => string;
  };
  audit: {
    heading: string;
    intro: string;
    action: string;
    allActions: string;
    coupon: string;
    when: string;
    who: string;
    what: string;
    details: string;
    empty: string;
    shopLevel: string;
  };
  send: {
    heading: (name: string) => string;
    intro: string;
    buyer: string;
    buyerHint: string;
    button: string;
    sent: (buyer: string) => string;
    recipients: string;
    sentAt: string;
    claimed: string;
    empty: string;
  };
  records: {
    /** A redemption's or claim's state in words. */
    states: Record<RedemptionRow["state"] | ClaimRow["state"], string>;
    redemptionsHeading: string;
    redemptionsIntro: string;
    claimsHeading: string;
    claimsIntro: string;
    coupon: string;
    allCoupons: string;
    state: string;
    allStates: string;
    buyer: string;
    from: string;
    to: string;
    filter: string;
    download: string;
    downloading: string;
    empty: string;
    columns: Record<string, string>;
  };
  /** Importing a campaign's own codes (the dialog of an upcoming campaign's row in the list). */
  importCodes: {
    open: string;
    openOf: (name: string) => string;
    heading: (name: string) => string;
    intro: (prefix: string) => string;
    field: string;
    hint: (max: string) => string;
    button: string;
    busy: string;
    empty: string;
    tooMany: (max: string) => string;
    started: string;
    added: (n: number) => string;
    refused: (n: number) => string;
    reasons: Record<CodeRefusalReason, string>;
  };
  reviews: {
    heading: string;
    intro: string;
    empty: string;
    columns: Record<string, string>;
  };
}

export const viewStrings: ViewStrings = {
  data: {
    heading: (n) => `Data: ${n}`,
    from: "From",
    to: "To",
    apply: "Show",
    totals: "Totals",
    claims: "Claims",
    redemptions: "Uses",
    buyers: "Buyers",
    orders: "Orders",
    discount: "Discount spent",
    gmv: "Sales",
    remaining: "Remaining",
    daily: "Day by day",
    metric: "Show",
    chartLabel: (m, f, t, total) => `${m} per day from ${f} to ${t}: ${total} in all.`,
    refunds: "Refunded",
    budgetLeft: "Budget left",
    showTable: "Show the figures as a table",
    date: "Date",
    seeRedemptions: "Redemptions",
    seeClaims: "Claims",
    seeReviews: "Incentivized reviews",
    seeRecipients: "Recipients",
    back: "All coupons",
  },
  history: {
    heading: (n) => `History: ${n}`,
    intro: "Every creation and change, with who made it and when. Entries cannot be edited.",
    actions: {
      created: "Created",
      updated: "Updated",
      deactivated: "Deactivated",
      duplicated: "Duplicated",
      addon_created: "Addon created",
      key_created: "Key created",
      key_revoked: "Key revoked",
      shop_updated: "Settings changed",
      webhook_endpoint_created: "Webhook endpoint added",
      webhook_endpoint_deleted: "Webhook endpoint removed",
    },
    by: (who) => `by ${who}`,
    system: "the system",
    key: (hint) => `key ${hint}`,
    field: "Field",
    changesLabel: "Changes",
    before: "Before",
    after: "After",
    empty: "No entries.",
    fieldNames: {
      name: "Name",
      discount: "Discount",
      min_spend_minor: "Minimum spend",
      scope: "Applies to",
      audience: "Eligible customers",
      claim_starts_at: "Claim starts",
      claim_ends_at: "Claim ends",
      validity: "Validity",
      code: "Code",
      active_starts_at: "Active from",
      active_ends_at: "Active until",
      quantity: "Quantity",
      per_customer_limit: "Per customer",
      type: "Type",
      status: "Status",
      deactivated_at: "Deactivated at",
      sent_to: "Sent to",
      source_id: "Copied from",
      parent_id: "Created with",
      addon_id: "Addon",
      kind: "Kind",
      key_id: "Key",
      allowed_origins: "Allowed origins",
      allowed_origins_add: "Origins added",
      allowed_origins_remove: "Origins removed",
      budget_minor: "Budget",
      refund_policy: "Refund policy",
      unique_codes: "Unique codes",
    },
    refundPolicies: { keep_used: "A refunded order's use stays used", return_unit: "A refund gives the unit back" },
    uniqueCodes: (n, len) => `${n.toLocaleString("en")} codes of ${len} characters`,
  },
  audit: {
    heading: "Operation log",
    intro: "Everything done in your shop, newest first: who did it, when, and what changed.",
    action: "Action",
    allActions: "All actions",
    coupon: "Coupon",
    when: "When",
    who: "Who",
    what: "Changes",
    details: "Details",
    empty: "Nothing has been recorded yet.",
    shopLevel: "Shop",
  },
  send: {
    heading: (n) => `Send: ${n}`,
    intro: "Send this chat coupon to a buyer you are talking to. Only buyers it was sent to can claim it.",
    buyer: "Buyer ID",
    buyerHint: "The buyer's id in your shop, as your storefront knows it.",
    button: "Send",
    sent: (b) => `Sent to ${b}.`,
    recipients: "Sent to",
    sentAt: "Sent",
    claimed: "Claimed",
    empty: "Not sent to anyone yet.",
  },
  records: {
    states: {
      reserved: "Reserved",
      committed: "Committed",
      released: "Released",
      available: "Available",
      used: "Used",
      expired: "Expired",
      void: "Void",
    },
    redemptionsHeading: "Redemptions",
    redemptionsIntro: "Orders that used a coupon: reserved at checkout, then committed on payment or released.",
    claimsHeading: "Claims",
    claimsIntro: "Coupons buyers have claimed, and whether they used them.",
    coupon: "Coupon",
    allCoupons: "All coupons",
    state: "State",
    allStates: "All states",
    buyer: "Buyer ID",
    from: "From",
    to: "To",
    filter: "Filter",
    download: "Download CSV",
    downloading: "Preparing the file…",
    empty: "Nothing matches these filters.",
    columns: {
      id: "ID",
      coupon_id: "Coupon",
      order_id: "Order",
      buyer_id: "Buyer",
      code: "Code",
      state: "State",
      discount_minor: "Discount",
      valid_from: "Valid from",
      valid_until: "Valid until",
      reserved_at: "Reserved",
      committed_at: "Committed",
      created_at: "Claimed",
    },
  },
  importCodes: {
    open: "Import codes",
    openOf: (name) => `Import codes into ${name}`,
    heading: (name) => `Import codes into “${name}”`,
    intro: (prefix) => `Add your own single-use codes before the campaign starts. Your prefix ${prefix} is put in front of each.`,
    field: "Codes",
    hint: (max) => `One per line, or separated by commas or spaces: 2 to 8 letters or digits each, up to ${max} at a time.`,
    button: "Import",
    busy: "Importing…",
    empty: "Enter at least one code.",
    tooMany: (max) => `Up to ${max} codes at a time: split the list and import each part.`,
    started: "This campaign has started: codes can be added only before it starts.",
    added: (n) => (n === 0 ? "No code was added." : `${n.toLocaleString("en")} ${n === 1 ? "code" : "codes"} added.`),
    refused: (n) => `${n.toLocaleString("en")} not added:`,
    reasons: {
      promo_code_taken: "already in use, in this campaign or by another live promo code in your region",
      code_not_allowed: "contains a word that is not allowed in promo codes",
      code_invalid: "not 2 to 8 letters or digits",
      duplicate_in_request: "listed more than once",
    },
  },
  reviews: {
    heading: "Incentivized reviews",
    intro: "Reviews that earned a review coupon. Each shows the label “Verified purchase Incentivized Review”.",
    empty: "No review has earned a coupon yet.",
    columns: { at: "When", order_id: "Order", product_id: "Product", buyer_id: "Buyer", claim_id: "Coupon claim", label: "Label" },
  },
};
