/** The create and edit form's texts (part of `ConsoleStrings`, see strings.ts). */

export interface FieldStrings {
  form: {
    createHeading: string;
    editHeading: (name: string) => string;
    duplicateHeading: (name: string) => string;
    duplicateNote: (name: string) => string;
    basics: string;
    discountSection: string;
    scopeSection: string;
    timingSection: string;
    limitsSection: string;
    couponType: string;
    name: string;
    nameHint: string;
    discountType: string;
    fixed: string;
    percent: string;
    amount: string;
    amountHint: (min: string) => string;
    percentOff: string;
    percentHint: string;
    maxDiscount: string;
    maxDiscountHint: string;
    minSpend: string;
    minSpendHint: string;
    appliesTo: string;
    wholeShop: string;
    specificProducts: string;
    productIds: string;
    productIdsHint: string;
    productCount: (n: number, repeated: number) => string;
    audience: string;
    audiences: Record<"all" | "new" | "existing" | "repeat" | "all_followers" | "new_followers", string>;
    audienceHint: string;
    claimStarts: string;
    claimEnds: string;
    claimHint: string;
    validity: string;
    daysAfterClaim: string;
    dateRange: string;
    validDays: string;
    validDaysHint: string;
    validFrom: string;
    validUntil: string;
    code: string;
    codeHint: string;
    generate: string;
    codeChecking: string;
    codeAvailable: (full: string) => string;
    codeTaken: string;
    codeBlocked: string;
    codeFormat: string;
    /** Campaign codes (README "Campaign codes"): one shared code, or many single-use ones. */
    codeKind: string;
    sharedCode: string;
    uniqueCodes: string;
    codeKindHint: string;
    uniqueLength: string;
    uniqueLengthHint: (prefix: string) => string;
    quantityHintCodes: string;
    budget: string;
    budgetHint: string;
    activeFrom: string;
    activeUntil: string;
    activeHint: string;
    quantity: string;
    quantityHintClaims: string;
    quantityHintUses: string;
    usesPerCustomer: string;
    onePerCustomer: string;
    unlimited: string;
    claimsPerCustomer: string;
    claimsPerCustomerHint: string;
    estimatedSpend: string;
    estimatedSpendHint: string;
    unbounded: string;
    addonsTitle: string;
    addonsIntro: string;
    create: string;
    creating: string;
    save: string;
    saving: string;
    startedNote: string;
    locked: string;
    versionConflict: string;
    reload: string;
    created: (name: string) => string;
    saved: (name: string) => string;
    enterMoney: string;
    enterWhole: string;
    enterDate: string;
    required: string;
    notEditable: string;
    summaryTitle: string;
    summary: {
      incomplete: string;
      everything: string;
      products: (n: number) => string;
      offer: (discount: string, scope: string, minSpend: string | null) => string;
      audience: Record<string, string>;
      claimable: (who: string, offer: string) => string;
      claim: (from: string, to: string, validity: string) => string;
      claims: (n: number | null) => string;
      promo: (code: string, offer: string) => string;
      generated: (prefix: string) => string;
      active: (from: string, to: string) => string;
      uses: (n: number | null, onePerCustomer: boolean) => string;
      unique: (n: number | null, prefix: string, offer: string) => string;
    };
  };
  /** Field errors by the API's error `code` (422 field codes, 409 codes), with the field's own words. */
  errorCodes: Record<string, string>;
  /** A field's rule, for the schema's generic refusals (too small, too big, missing). */
  fieldRules: Partial<Record<import("./form-model.js").FieldKey, string>>;
}

export const fieldStrings: FieldStrings = {
  form: {
    createHeading: "New coupon",
    editHeading: (n) => `Edit “${n}”`,
    duplicateHeading: (n) => `Duplicate “${n}”`,
    duplicateNote: (n) => `Settings copied from “${n}”, with new dates. The copy starts as upcoming.`,
    basics: "Basics",
    discountSection: "Discount",
    scopeSection: "Who and what",
    timingSection: "When",
    limitsSection: "Limits",
    couponType: "Coupon type",
    name: "Name",
    nameHint: "For you, not buyers: up to 50 characters, unique among your live coupons.",
    discountType: "Discount type",
    fixed: "Fixed amount",
    percent: "Percentage",
    amount: "Amount",
    amountHint: (min) => `At least ${min} for this type.`,
    percentOff: "Percent off",
    percentHint: "A whole number from 1 to 99.",
    maxDiscount: "Maximum discount",
    maxDiscountHint: "Optional cap on each order's discount.",
    minSpend: "Minimum spend",
    minSpendHint: "Compared with the eligible items after product discounts. 0 for none.",
    appliesTo: "Applies to",
    wholeShop: "Whole shop",
    specificProducts: "Specific products",
    productIds: "Product IDs",
    productIdsHint: "Paste up to 2,000 product IDs, separated by commas, spaces or new lines.",
    productCount: (n, r) => `${n.toLocaleString("en")} of 2,000 products${r ? ` (${r} repeated ${r === 1 ? "ID" : "IDs"} left out)` : ""}`,
    audience: "Eligible customers",
    audiences: {
      all: "All customers",
      new: "New customers",
      existing: "Existing customers",
      repeat: "Repeat customers",
      all_followers: "All followers",
      new_followers: "New followers",
    },
    audienceHint: "New: never paid an order here. Existing: paid at least one. Repeat: two paid orders within 90 days.",
    claimStarts: "Claim starts",
    claimEnds: "Claim ends",
    claimHint: "The claim period lasts 30 to 180 days.",
    validity: "Validity",
    daysAfterClaim: "Days after claiming",
    dateRange: "Date range",
    validDays: "Days valid",
    validDaysHint: "From the claim, 1 to 365 days.",
    validFrom: "Valid from",
    validUntil: "Valid until",
    code: "Code",
    codeHint: "2 to 8 letters or digits after your shop's fixed prefix; case does not matter.",
    generate: "Generate",
    codeChecking: "Checking the code…",
    codeAvailable: (full) => `${full} is available.`,
    codeTaken: "Another live promo code in your region already uses this code.",
    codeBlocked: "This code contains a word that is not allowed.",
    codeFormat: "Use 2 to 8 letters or digits.",
    codeKind: "Codes",
    sharedCode: "One shared code",
    uniqueCodes: "Unique single-use codes",
    codeKindHint: "Unique codes: each buyer gets their own, and each works once.",
    uniqueLength: "Code length",
    uniqueLengthHint: (p) => `Each code is ${p} + this many random characters (4 to 8), without look-alikes such as 0/O or 1/I/L.`,
    quantityHintCodes: "How many codes to make, 1 to 100,000; each can be used once.",
    budget: "Budget",
    budgetHint: "Optional: the most discount it may give in all, whatever the quantity; once started it can only grow.",
    activeFrom: "Active from",
    activeUntil: "Active until",
    activeHint: "Longer than 10 minutes and shorter than 30 days.",
    quantity: "Quantity",
    quantityHintClaims: "How many can be claimed in total, 1 to 1,000,000.",
    quantityHintUses: "How many times the code can be used in total, 1 to 1,000,000.",
    usesPerCustomer: "Uses per customer",
    onePerCustomer: "One per customer",
    unlimited: "Unlimited",
    claimsPerCustomer: "Claims per customer",
    claimsPerCustomerHint: "After using it, a buyer may claim it again, up to this many times.",
    estimatedSpend: "Estimated spend",
    estimatedSpendHint: "The most it can cost: quantity × amount, or × the maximum discount; never more than the budget.",
    unbounded: "No upper bound: set a maximum discount to cap it.",
    addonsTitle: "Also created with it",
    addonsIntro: "Your shop has addon coupons on, so creating this coupon also creates:",
    create: "Create",
    creating: "Creating…",
    save: "Save changes",
    saving: "Saving…",
    startedNote: "This coupon has started: only its name, a larger quantity and a later end can change (and a budget only upwards).",
    locked: "Cannot change once started.",
    versionConflict: "This coupon was changed elsewhere since you opened it.",
    reload: "Reload",
    created: (n) => `“${n}” created.`,
    saved: (n) => `“${n}” saved.`,
    enterMoney: "Enter an amount, like 12.50.",
    enterWhole: "Enter a whole number.",
    enterDate: "Enter a date and time.",
    required: "Required.",
    notEditable: "An ended or deactivated coupon cannot be changed.",
    summaryTitle: "In words",
    summary: {
      incomplete: "Enter the discount to see the coupon in words.",
      everything: "across the shop",
      products: (n) => `on ${n} selected ${n === 1 ? "product" : "products"}`,
      offer: (d, scope, min) => `${d} ${scope}${min ? `, on orders of ${min} or more` : ""}`,
      audience: {
        all: "Any customer can claim",
        new: "New customers can claim",
        existing: "Existing customers can claim",
        repeat: "Repeat customers can claim",
        all_followers: "Followers can claim",
        new_followers: "New followers can claim",
        review: "A buyer who posts a qualifying review gets",
        chat: "Buyers you send it to can claim",
      },
      claimable: (who, offer) => `${who} ${offer}.`,
      claim: (f, t, v) => `Claim from ${f} to ${t}${v ? `; ${v}.` : "."}`,
      claims: (n) => (n ? `${n.toLocaleString("en")} can be claimed in all.` : ""),
      promo: (code, offer) => `Code ${code}: ${offer}.`,
      generated: (p) => `${p}… (generated on creation)`,
      active: (f, t) => `Active from ${f} to ${t}.`,
      uses: (n, one) =>
        (n ? `${n.toLocaleString("en")} uses in all` : "Uses") + (one ? ", one per customer." : ", as many per customer as they like."),
      unique: (n, p, offer) => `${n ? n.toLocaleString("en") : "Some"} single-use codes (${p}…), each used once: ${offer}.`,
    },
  },
  errorCodes: {
    name_taken: "Another upcoming or ongoing coupon already has this name.",
    name_length: "Use 1 to 50 characters.",
    amount_too_small: "Too small for this type of coupon.",
    percent_out_of_range: "Use a whole number from 1 to 99.",
    cap_too_small: "Use at least the smallest unit of your currency.",
    scope_size: "List 1 to 2,000 products.",
    scope_duplicates: "Each product only once.",
    claim_window_length: "The claim period must last 30 to 180 days.",
    promo_window_length: "Must be longer than 10 minutes and shorter than 30 days after the start.",
    window_order: "Must be after the start.",
    window_end_past: "Must lie in the future.",
    window_required: "Required.",
    validity_days: "Use 1 to 365 days.",
    quantity_out_of_range: "Use a whole number from 1 to 1,000,000.",
    quantity_decrease: "A started coupon's quantity can only grow.",
    end_earlier: "A started coupon's end can only move later.",
    field_locked: "Cannot change once started.",
    coupon_not_editable: "An ended or deactivated coupon cannot be changed.",
    promo_code_taken: "Another live promo code in your region already uses this code.",
    code_not_allowed: "This code contains a word that is not allowed.",
    code_invalid: "Use 2 to 8 letters or digits.",
    new_customer_coupon_overlap: "Another new-customer coupon runs in this period: only one may run at a time.",
    review_coupon_overlap: "Another review coupon runs in this period: only one may run at a time.",
    per_customer_limit_invalid: "Use a whole number of at least 1.",
    validity_not_allowed: "Only regular and chat coupons can use a date range.",
    unique_codes_count: "Use a whole number from 1 to 100,000.",
    unique_codes_length: "Use 4 to 8 characters.",
    budget_invalid: "Enter an amount, or leave it empty for no budget.",
    budget_decrease: "A started coupon's budget can only grow.",
  },
  fieldRules: {
    name: "Enter a name of 1 to 50 characters.",
    amount: "Enter an amount.",
    percent: "Use a whole number from 1 to 99.",
    maxDiscount: "Enter an amount, or leave it empty for no cap.",
    minSpend: "Enter an amount (0 for none).",
    productIds: "List 1 to 2,000 product IDs, each used once.",
    claimStarts: "Enter a date and time.",
    claimEnds: "Enter a date and time.",
    validDays: "Use 1 to 365 days.",
    validFrom: "Enter a date and time.",
    validUntil: "Enter a date and time.",
    code: "Use 2 to 8 letters or digits.",
    activeFrom: "Enter a date and time.",
    activeUntil: "Enter a date and time.",
    quantity: "Use a whole number from 1 to 1,000,000.",
    uniqueLength: "Use 4 to 8 characters.",
    perCustomer: "Use a whole number of at least 1.",
    budget: "Enter an amount, or leave it empty for no budget.",
  },
};
