/** Texts of the Simulator, the shop's Settings and its Webhooks (part of `ConsoleStrings`, see strings.ts). */
import type { WebhookDelivery, WebhookEventType } from "./contract.js";

export interface ToolStrings {
  sim: {
    heading: string;
    intro: string;
    cart: string;
    buyer: string;
    buyerHint: string;
    code: string;
    codeHint: string;
    lines: string;
    product: string;
    quantity: string;
    unitPrice: string;
    productDiscount: string;
    linesHint: string;
    addLine: string;
    removeLine: (n: number) => string;
    line: (n: number) => string;
    shipping: string;
    shippingDiscount: string;
    run: string;
    running: string;
    result: string;
    subtotal: string;
    couponDiscount: string;
    shippingNet: string;
    total: string;
    applied: (name: string, amount: string) => string;
    nothingApplied: string;
    split: string;
    considered: string;
    noneConsidered: string;
    applies: (amount: string) => string;
    doesNotApply: string;
    chosen: string;
    unknownCode: (code: string) => string;
    steps: string;
    stepSubtotal: (subtotal: string, lines: number) => string;
    stepCurrency: (cart: string, shop: string) => string;
    stepCandidate: (name: string, inScope: string, min: string, met: boolean, raw: string, cap: string | null, final: string) => string;
    stepCandidateOut: (name: string, reasons: string) => string;
    stepChosen: (name: string | null, why: string) => string;
    stepSpread: (amount: string, parts: string) => string;
    stepTotal: (subtotal: string, discount: string, shipping: string, shippingDiscount: string, total: string) => string;
  };
  settings: {
    heading: string;
    shop: string;
    name: string;
    prefix: string;
    region: string;
    currency: string;
    mode: string;
    modes: Record<"test" | "live", string>;
    addons: string;
    on: string;
    off: string;
    platformNote: string;
    origins: string;
    originsIntro: string;
    origin: string;
    originHint: string;
    addOrigin: string;
    removeOrigin: (origin: string) => string;
    saveOrigins: string;
    originsSaved: string;
    noOrigins: string;
    /** The minimum fixed discount per coupon type (R3). */
    minimums: string;
    minimumsIntro: (currency: string) => string;
    minInvalid: (example: string, digits: number) => string;
    minRange: (most: string) => string;
    saveMinimums: string;
    minSaved: string;
    minDefaults: string;
    minDefaultsSaved: string;
    keys: string;
    keysIntro: string;
    kind: string;
    hint: string;
    created: string;
    state: string;
    active: string;
    revoked: string;
    createSecret: string;
    createPublishable: string;
    newKey: string;
    newKeyNote: string;
    revoke: string;
    confirmRevoke: (hint: string) => string;
    confirmRevokeText: string;
    secretKind: string;
    publishableKind: string;
    clock: string;
    clockIntro: string;
    clockNow: (at: string) => string;
    clockReal: string;
    clockField: string;
    freeze: string;
    unfreeze: string;
  };
  webhooks: {
    heading: string;
    intro: string;
    url: string;
    urlHint: string;
    events: string;
    event: string;
    /** Every event type in words (the form offers them all). */
    types: Record<WebhookEventType, string>;
    add: string;
    newSecret: string;
    newSecretNote: string;
    empty: string;
    deliveries: (url: string) => string;
    showDeliveries: string;
    noDeliveries: string;
    status: Record<WebhookDelivery["status"], string>;
    attempts: (n: number, code: number | null, error: string | null) => string;
    retry: string;
    retried: string;
    remove: string;
    removeOf: (url: string) => string;
    confirmRemove: (url: string) => string;
    confirmRemoveText: string;
  };
}

export const toolStrings: ToolStrings = {
  sim: {
    heading: "Simulator",
    intro:
      "Try a cart as a buyer would check it out: see which coupon applies, and why each other one does not. Nothing is reserved or changed.",
    cart: "Cart",
    buyer: "Buyer ID",
    buyerHint: "Optional: the buyer whose claimed coupons to consider.",
    code: "Promo code",
    codeHint: "Optional: a code the buyer typed.",
    lines: "Lines",
    product: "Product ID",
    quantity: "Quantity",
    unitPrice: "Unit price",
    productDiscount: "Product discount",
    linesHint: "What the buyer has in the cart. A line's product discount is its total product-level discount (price cuts, flash sales).",
    addLine: "Add line",
    removeLine: (n) => `Remove line ${n}`,
    line: (n) => `Line ${n}`,
    shipping: "Shipping",
    shippingDiscount: "Shipping discount",
    run: "Simulate",
    running: "Simulating…",
    result: "Result",
    subtotal: "Subtotal",
    couponDiscount: "Coupon discount",
    shippingNet: "Shipping",
    total: "Total",
    applied: (n, a) => `${n} applies: ${a} off.`,
    nothingApplied: "No coupon applies to this cart.",
    split: "Split over the lines",
    considered: "Every coupon considered",
    noneConsidered: "No coupon was considered: enter a buyer ID or a promo code.",
    applies: (a) => `Applies: ${a} off`,
    doesNotApply: "Does not apply",
    chosen: "Chosen",
    unknownCode: (c) => `Code ${c}`,
    steps: "Step by step",
    stepSubtotal: (s, n) => `The cart's ${n} ${n === 1 ? "line comes" : "lines come"} to ${s} after product discounts.`,
    stepCurrency: (c, s) => `The cart is in ${c}, the shop sells in ${s}: no coupon can apply.`,
    stepCandidate: (n, scope, min, met, raw, cap, final) =>
      `${n}: eligible items ${scope}, minimum spend ${min} ${met ? "met" : "not met"}; discount ${raw}${cap ? `, capped at ${cap}` : ""} → ${final}.`,
    stepCandidateOut: (n, r) => `${n}: ${r}`,
    stepChosen: (n, why) => (n ? `Chosen: ${n} (${why}).` : `Nothing chosen (${why}).`),
    stepSpread: (a, parts) => `The ${a} discount is split over the eligible lines: ${parts}.`,
    stepTotal: (s, d, sh, sd, t) => `Total: ${s} − ${d} + shipping ${sh} − ${sd} = ${t}.`,
  },
  settings: {
    heading: "Settings",
    shop: "Shop",
    name: "Name",
    prefix: "Promo-code prefix",
    region: "Region",
    currency: "Currency",
    mode: "Mode",
    modes: { test: "Test", live: "Live" },
    addons: "Addon coupons",
    on: "On",
    off: "Off",
    platformNote: "Name, region, mode and addon coupons are set by the platform; ask your account manager to change them.",
    origins: "Allowed origins",
    originsIntro: "Storefront sites whose pages may call the API with your publishable key (the widget).",
    origin: "Origin",
    originHint: "Scheme and host, like https://shop.example (a port if needed).",
    addOrigin: "Add origin",
    removeOrigin: (o) => `Remove ${o}`,
    saveOrigins: "Save origins",
    originsSaved: "Allowed origins saved.",
    noOrigins: "No origins yet: the widget works only on pages you allow here.",
    minimums: "Minimum fixed discount",
    minimumsIntro: (c) =>
      `The least a fixed-amount coupon of each type must take off, in ${c}. Percentage discounts are not affected, and coupons already made keep their amounts.`,
    minInvalid: (ex, digits) =>
      digits ? `Enter an amount with at most ${digits} decimals, like ${ex}.` : `Enter a whole amount, like ${ex}.`,
    minRange: (most) => `Enter an amount above zero, up to ${most}.`,
    saveMinimums: "Save minimums",
    minSaved: "Minimum fixed discounts saved.",
    minDefaults: "Use defaults",
    minDefaultsSaved: "The default minimums apply again.",
    keys: "API keys",
    keysIntro: "Secret keys (sk_…) are for your servers and this console; publishable keys (pk_…) for storefront pages.",
    kind: "Kind",
    hint: "Key",
    created: "Created",
    state: "State",
    active: "Active",
    revoked: "Revoked",
    createSecret: "Create secret key",
    createPublishable: "Create publishable key",
    newKey: "Your new key",
    newKeyNote: "Copy it now: it is shown only this once.",
    revoke: "Revoke",
    confirmRevoke: (h) => `Revoke ${h}?`,
    confirmRevokeText: "Every call with this key is refused from now on, including console sessions opened with it. This cannot be undone.",
    secretKind: "Secret",
    publishableKind: "Publishable",
    clock: "Test clock",
    clockIntro: "Freeze this test shop's clock to try time rules (windows, expiry) without waiting.",
    clockNow: (at) => `The shop's clock is frozen at ${at}.`,
    clockReal: "The shop's clock runs in real time.",
    clockField: "Shop time",
    freeze: "Freeze clock",
    unfreeze: "Use real time",
  },
  webhooks: {
    heading: "Webhooks",
    intro: "Your servers hear of changes as they happen: each event is POSTed, signed, and retried for 24 hours until answered with a 2xx.",
    url: "Endpoint URL",
    urlHint: "An https address of your server (a test shop may also use http and localhost).",
    events: "Events",
    event: "Event",
    types: {
      "coupon.created": "Coupon created",
      "coupon.updated": "Coupon updated",
      "coupon.deactivated": "Coupon deactivated",
      "coupon.exhausted": "Coupon used up",
      "claim.created": "Coupon claimed",
      "redemption.reserved": "Redemption reserved",
      "redemption.committed": "Redemption committed",
      "redemption.released": "Redemption released",
      "review_coupon.issued": "Review coupon earned",
    },
    add: "Add endpoint",
    newSecret: "Signing secret",
    newSecretNote: "Copy it now: it is shown only this once. Check each event's Coupon-Signature with it.",
    empty: "No endpoints yet.",
    deliveries: (url) => `Deliveries to ${url}`,
    showDeliveries: "Deliveries",
    noDeliveries: "Nothing sent yet.",
    status: { pending: "Pending", succeeded: "Delivered", failed: "Failed" },
    attempts: (n, code, error) =>
      `${n} ${n === 1 ? "attempt" : "attempts"}${code ? `, last answer ${code}` : error ? `, last: ${error.replace(/_/g, " ")}` : ""}`,
    retry: "Retry",
    retried: "Sent again.",
    remove: "Remove",
    removeOf: (url) => `Remove ${url}`,
    confirmRemove: (url) => `Remove ${url}?`,
    confirmRemoveText: "No more events are sent to it. This cannot be undone.",
  },
};
