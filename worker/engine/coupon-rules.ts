/**
 * Create/edit rules the request schema cannot express (cross-field, per type, per currency, against
 * the clock). Each broken rule is one RuleViolation; the route answers 422 with all of them.
 * Uniqueness and overlap with other coupons (R8, R15, R19, names) need the database and live elsewhere.
 */
import { normalizeCode, validateSuffix } from "./promo-code";
import { couponStatus } from "./status";
import type { Coupon, CouponDraft, CouponType, CurrencyThresholds, Discount, Millis, RuleViolation } from "./types";

const DAY = 86_400_000;
const MINUTE = 60_000;
export const CLAIM_WINDOW_MIN_MS = 30 * DAY; // R4, inclusive
export const CLAIM_WINDOW_MAX_MS = 180 * DAY; // R4, inclusive
export const PROMO_WINDOW_MIN_MS = 10 * MINUTE; // R21, strictly longer
export const PROMO_WINDOW_MAX_MS = 30 * DAY; // R21, strictly shorter
export const MAX_QUANTITY = 1_000_000;
/**
 * The largest cart subtotal (Σ quantity × unit price − product discounts), in minor units: 2^53 − 1 over
 * MAX_QUANTITY, so a coupon's committed discounts and sales — at most MAX_QUANTITY uses, each at most
 * its order's subtotal — always sum to a safe integer (9,007,199,254: $90,071,992.54 in USD).
 */
export const MAX_ORDER_MINOR = Math.floor(Number.MAX_SAFE_INTEGER / MAX_QUANTITY);
export const MAX_SCOPE_PRODUCTS = 2000; // R2, R15
/** Campaign codes one create may generate, and their suffix lengths. */
export const MAX_UNIQUE_CODES = 100_000;
export const UNIQUE_CODE_MIN_LENGTH = 4;
export const UNIQUE_CODE_MAX_LENGTH = 8;
export const MAX_VALIDITY_DAYS = 365;

const usd = (small: number, large: number): CurrencyThresholds => ({
  min_fixed_minor: { regular: small, chat: small, promo_code: small, follower: large, review: large },
});

/**
 * R3 minimum fixed discounts. The same face value ($0.50 / $3) in currencies of similar size; JPY
 * has no minor unit, so its numbers are yen. Unknown currencies fall back to the USD numbers.
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<string, CurrencyThresholds>> = {
  USD: usd(50, 300),
  EUR: usd(50, 300),
  GBP: usd(50, 300),
  CAD: usd(50, 300),
  AUD: usd(50, 300),
  JPY: usd(75, 450),
};

export function thresholdsFor(currency: string, overrides?: Record<string, CurrencyThresholds>): CurrencyThresholds {
  const c = currency.toUpperCase();
  return overrides?.[c] ?? DEFAULT_THRESHOLDS[c] ?? DEFAULT_THRESHOLDS.USD;
}

const CLAIM_TYPES: ReadonlySet<CouponType> = new Set(["regular", "follower", "review", "chat"]);
const AUDIENCES: Record<CouponType, readonly string[]> = {
  regular: ["all", "new", "existing", "repeat"],
  follower: ["all_followers", "new_followers"],
  review: [],
  chat: [],
  promo_code: [],
};

const isInt = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n);

export interface RuleContext {
  now: Millis;
  currency: string;
  thresholds?: Record<string, CurrencyThresholds>;
}

export function validateCouponRules(draft: CouponDraft, ctx: RuleContext): RuleViolation[] {
  const v: RuleViolation[] = [];
  const add = (path: string, code: string, message: string) => v.push({ path, code, message });
  const t = draft.type;

  const name = draft.name ?? "";
  if (name.trim().length < 1 || name.length > 50) add("name", "name_length", "name must be 1 to 50 characters");

  // R3: discount
  const d = draft.discount;
  if (d.kind === "fixed") {
    const min = thresholdsFor(ctx.currency, ctx.thresholds).min_fixed_minor[t];
    if (!isInt(d.amount_minor) || d.amount_minor < min) {
      add(
        "discount.amount_minor",
        "amount_too_small",
        `a fixed ${t} discount must be at least ${min} minor units of ${ctx.currency.toUpperCase()}`,
      );
    }
  } else {
    if (!isInt(d.percent_off) || d.percent_off < 1 || d.percent_off > 99) {
      add("discount.percent_off", "percent_out_of_range", "percent_off must be a whole number from 1 to 99");
    }
    if (d.max_discount_minor != null && (!isInt(d.max_discount_minor) || d.max_discount_minor < 1)) {
      add("discount.max_discount_minor", "cap_too_small", "max_discount_minor must be a whole number of at least 1");
    }
  }
  if (!isInt(draft.min_spend_minor) || draft.min_spend_minor < 0) {
    add("min_spend_minor", "min_spend_invalid", "min_spend_minor must be a whole number of at least 0");
  }

  // R2, R15: scope
  if (draft.scope.kind === "products") {
    const ids = draft.scope.product_ids;
    if (ids.length < 1 || ids.length > MAX_SCOPE_PRODUCTS) {
      add("scope.product_ids", "scope_size", `a product scope lists 1 to ${MAX_SCOPE_PRODUCTS} products`);
    } else if (new Set(ids).size !== ids.length) {
      add("scope.product_ids", "scope_duplicates", "product_ids must not repeat");
    }
  }

  // R6, R10: audience per type
  const allowed = AUDIENCES[t];
  if (allowed.length === 0) {
    if (draft.audience != null) add("audience", "audience_not_allowed", `${t} coupons take no audience`);
  } else if (draft.audience != null && !allowed.includes(draft.audience)) {
    add("audience", "audience_invalid", `audience of a ${t} coupon must be one of ${allowed.join(", ")}`);
  }

  if (CLAIM_TYPES.has(t)) {
    // R4: claim window
    checkWindow(v, "claim_starts_at", "claim_ends_at", draft.claim_starts_at, draft.claim_ends_at, ctx.now, (len) =>
      len < CLAIM_WINDOW_MIN_MS || len > CLAIM_WINDOW_MAX_MS ? ["claim_window_length", "the claim window must last 30 to 180 days"] : null,
    );
    if (draft.active_starts_at != null || draft.active_ends_at != null) {
      add("active_starts_at", "field_not_allowed", `${t} coupons use claim_starts_at/claim_ends_at, not an active window`);
    }
    // R5: validity
    const val = draft.validity;
    if (val == null) add("validity", "validity_required", "validity is required");
    else if (val.kind === "days_after_claim") {
      if (!isInt(val.days) || val.days < 1 || val.days > MAX_VALIDITY_DAYS) {
        add("validity.days", "validity_days", `validity days must be 1 to ${MAX_VALIDITY_DAYS}`);
      }
    } else if (t !== "regular" && t !== "chat") {
      add("validity", "validity_not_allowed", "a fixed validity is only for regular and chat coupons");
    } else {
      checkWindow(v, "validity.starts_at", "validity.ends_at", val.starts_at, val.ends_at, ctx.now, () => null);
      // A claim is usable from its claim until the validity ends: one that ends by the time claims open
      // could never be used, whoever claims it and whenever.
      if (draft.claim_starts_at != null && isInt(val.ends_at) && val.ends_at <= draft.claim_starts_at) {
        add(
          "validity.ends_at",
          "validity_ends_before_claims",
          "a fixed validity must end after the claim window starts, or no claim of it could ever be used",
        );
      }
    }
    if (draft.code != null) add("code", "field_not_allowed", "only promo codes have a code");
  } else {
    // R21: active window of a promo code
    checkWindow(v, "active_starts_at", "active_ends_at", draft.active_starts_at, draft.active_ends_at, ctx.now, (len) =>
      len <= PROMO_WINDOW_MIN_MS || len >= PROMO_WINDOW_MAX_MS
        ? ["promo_window_length", "the active window must be longer than 10 minutes and shorter than 30 days"]
        : null,
    );
    if (draft.claim_starts_at != null || draft.claim_ends_at != null) {
      add("claim_starts_at", "field_not_allowed", "promo codes use active_starts_at/active_ends_at, not a claim window");
    }
    if (draft.validity != null) add("validity", "field_not_allowed", "promo codes have no validity");
    if (draft.code != null && !validateSuffix(normalizeCode(draft.code))) {
      add("code", "code_invalid", "code must be 2 to 8 letters or digits");
    }
  }

  if (!isInt(draft.quantity) || draft.quantity < 1 || draft.quantity > MAX_QUANTITY) {
    add("quantity", "quantity_out_of_range", "quantity must be a whole number from 1 to 1,000,000");
  }
  checkCampaign(draft, add);
  const budget = draft.budget_minor;
  if (budget != null && (!isInt(budget) || budget < 1))
    add("budget_minor", "budget_invalid", "budget_minor must be a whole number of at least 1");

  // R9, R22: per-customer limit
  const pcl = draft.per_customer_limit;
  if (pcl != null) {
    if (t === "promo_code") {
      if (pcl !== 1) add("per_customer_limit", "per_customer_limit_invalid", "a promo code's per-customer limit is 1 or null (unlimited)");
    } else if (t === "regular" || t === "chat") {
      if (!isInt(pcl) || pcl < 1 || pcl > MAX_QUANTITY)
        add("per_customer_limit", "per_customer_limit_invalid", "per_customer_limit must be a whole number of at least 1");
    } else if (pcl !== 1) {
      add("per_customer_limit", "field_not_allowed", `${t} coupons are one per buyer and take no per_customer_limit`);
    }
  }
  return v;
}

/** Campaign codes: a promo code's own single-use codes instead of one shared code; `quantity` is their count. */
function checkCampaign(draft: CouponDraft, add: (path: string, code: string, message: string) => void): void {
  const u = draft.unique_codes;
  if (u == null) return;
  if (draft.type !== "promo_code") {
    add("unique_codes", "field_not_allowed", "only promo codes have campaign codes");
    return;
  }
  if (draft.code != null) add("code", "field_not_allowed", "a campaign has its unique codes instead of one code");
  if (draft.per_customer_limit != null)
    add("per_customer_limit", "field_not_allowed", "each campaign code is used once; a campaign takes no per_customer_limit");
  if (!isInt(u.count) || u.count < 1 || u.count > MAX_UNIQUE_CODES)
    add("unique_codes.count", "unique_codes_count", "count must be 1 to 100,000");
  if (!isInt(u.length) || u.length < UNIQUE_CODE_MIN_LENGTH || u.length > UNIQUE_CODE_MAX_LENGTH)
    add("unique_codes.length", "unique_codes_length", "length must be 4 to 8");
  if (draft.quantity !== u.count) add("quantity", "quantity_is_count", "a campaign's quantity is its count of codes");
}

/** Shared window checks: both ends present, end after start, length rule, end in the future. */
function checkWindow(
  v: RuleViolation[],
  startPath: string,
  endPath: string,
  start: Millis | null | undefined,
  end: Millis | null | undefined,
  now: Millis,
  lengthRule: (len: number) => [string, string] | null,
): void {
  if (start == null || end == null) {
    v.push({ path: start == null ? startPath : endPath, code: "window_required", message: `${startPath} and ${endPath} are required` });
    return;
  }
  if (end <= start) {
    v.push({ path: endPath, code: "window_order", message: `${endPath} must be after ${startPath}` });
    return;
  }
  const bad = lengthRule(end - start); // measured from the given start even if it is past (R4)
  if (bad) v.push({ path: endPath, code: bad[0], message: bad[1] });
  if (end <= now) v.push({ path: endPath, code: "window_end_past", message: `${endPath} must lie in the future` });
}

/** R31: what the coupon can cost at most, or null when a percent has no cap (unbounded). */
export function estimatedSpend(discount: Discount, quantity: number, budgetMinor: number | null = null): number | null {
  const per = discount.kind === "fixed" ? discount.amount_minor : discount.max_discount_minor;
  // A budget bounds the spend whatever the units could take (and bounds an uncapped percent alone).
  if (per == null) return budgetMinor;
  // Within create's limits this is at most 10^15; a stored row beyond them still answers a whole number.
  const units = Math.min(quantity * per, Number.MAX_SAFE_INTEGER);
  return budgetMinor == null ? units : Math.min(units, budgetMinor);
}

/** The draft view of a stored coupon (to merge a patch and re-validate the result). */
export function couponToDraft(c: Coupon): CouponDraft {
  return {
    type: c.type,
    name: c.name,
    discount: c.discount,
    min_spend_minor: c.min_spend_minor,
    scope: c.scope,
    audience: c.audience,
    claim_starts_at: c.claim_starts_at,
    claim_ends_at: c.claim_ends_at,
    validity: c.validity,
    code: c.code != null ? c.code.slice(4) : null,
    active_starts_at: c.active_starts_at,
    active_ends_at: c.active_ends_at,
    quantity: c.quantity,
    per_customer_limit: c.per_customer_limit,
    budget_minor: c.budget_minor,
    refund_policy: c.refund_policy,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == null && b == null;
  if (typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Which fields of `patch` may change now (API PATCH row). Upcoming: anything. Ongoing: the name, a
 * larger quantity, a later end; unchanged values are always fine. Ended or deactivated: nothing.
 * The merged result must still pass validateCouponRules (e.g. the 180-day maximum); the route runs both.
 */
export function checkEdit(current: Coupon, patch: Partial<CouponDraft>, now: Millis): RuleViolation[] {
  const status = couponStatus(current, now);
  if (status === "upcoming") return [];
  const base = couponToDraft(current) as unknown as Record<string, unknown>;
  const v: RuleViolation[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const old = base[key];
    if (key === "code" && typeof value === "string" && current.code != null) {
      // accept the suffix or the full code as "unchanged"
      const n = normalizeCode(value);
      if (n === current.code || n === old) continue;
    }
    if (sameValue(value, old)) continue;
    if (status === "ended" || status === "deactivated") {
      v.push({ path: key, code: "coupon_not_editable", message: `a ${status} coupon cannot be changed` });
      continue;
    }
    if (key === "name") continue;
    if (key === "quantity") {
      if (typeof value === "number" && value > (old as number)) continue;
      v.push({ path: key, code: "quantity_decrease", message: "an ongoing coupon's quantity can only grow" });
      continue;
    }
    if (key === "budget_minor") {
      // A larger budget, or none (unbounded): never less than an ongoing coupon may already be spending.
      if (value === null || (typeof value === "number" && old != null && value > (old as number))) continue;
      v.push({ path: key, code: "budget_decrease", message: "an ongoing coupon's budget can only grow" });
      continue;
    }
    const endKey = current.type === "promo_code" ? "active_ends_at" : "claim_ends_at";
    if (key === endKey) {
      if (typeof value === "number" && (old == null || value > (old as number))) continue;
      v.push({ path: key, code: "end_earlier", message: `an ongoing coupon's ${key} can only move later` });
      continue;
    }
    v.push({
      path: key,
      code: "field_locked",
      message: `${key} cannot change while the coupon is ongoing; only name, a larger quantity and a later end can`,
    });
  }
  return v;
}
