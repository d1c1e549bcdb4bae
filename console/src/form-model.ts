/**
 * The create/edit form as plain text values (what the fields hold), and the way to and from the API's
 * bodies. Parsing never guesses: an amount that is not a plain number stays a local error beside its
 * field; every rule (limits, windows, uniqueness) is the API's to judge, and its answer names the field.
 */
import type { Coupon, CouponType, CreateBody, DuplicateBody, FieldError, UpdateBody } from "./contract.js";
import { fromLocalInput, moneyInput, parseInteger, parseMoney, toLocalInput } from "./format.js";

export interface FormState {
  type: CouponType;
  name: string;
  discountKind: "fixed" | "percent";
  amount: string;
  percent: string;
  maxDiscount: string;
  minSpend: string;
  scope: "shop" | "products";
  productIds: string;
  audience: string;
  claimStarts: string;
  claimEnds: string;
  validityKind: "days_after_claim" | "fixed";
  validDays: string;
  validFrom: string;
  validUntil: string;
  code: string;
  /** A promo code's codes: one shared `code`, or a campaign of `quantity` unique single-use codes. */
  codeKind: "shared" | "unique";
  uniqueLength: string;
  activeFrom: string;
  activeUntil: string;
  quantity: string;
  perCustomer: string;
  /** The most discount the coupon may ever give (empty: no budget). */
  budget: string;
}
export type FieldKey = keyof FormState;

const DAY = 86_400_000;
export const CLAIM_TYPES: ReadonlySet<CouponType> = new Set(["regular", "follower", "review", "chat"]);

/** A fresh form for a type: windows start now (shop clock) at their shortest sensible length. */
export function defaults(type: CouponType, now: number): FormState {
  return {
    type,
    name: "",
    discountKind: "fixed",
    amount: "",
    percent: "",
    maxDiscount: "",
    minSpend: "0",
    scope: "shop",
    productIds: "",
    audience: type === "follower" ? "all_followers" : "all",
    claimStarts: toLocalInput(now),
    claimEnds: toLocalInput(now + 30 * DAY),
    validityKind: "days_after_claim",
    validDays: "7",
    validFrom: toLocalInput(now),
    validUntil: toLocalInput(now + 30 * DAY),
    code: "",
    codeKind: "shared",
    uniqueLength: "6",
    activeFrom: toLocalInput(now),
    activeUntil: toLocalInput(now + 7 * DAY),
    quantity: "100",
    perCustomer: "1",
    budget: "",
  };
}

const local = (iso: string | null | undefined) => (iso ? toLocalInput(Date.parse(iso)) : "");

/** The form of an existing coupon (edit), or of a copy whose windows move to start at `shiftTo`. */
export function fromCoupon(c: Coupon, currency: string, prefix: string, shiftTo?: number): FormState {
  const start = c.type === "promo_code" ? c.active_starts_at : c.claim_starts_at;
  const shift = shiftTo !== undefined && start ? shiftTo - Date.parse(start) : 0;
  const at = (iso: string | null | undefined) => (iso ? local(new Date(Date.parse(iso) + shift).toISOString()) : "");
  const d = c.discount;
  const v = c.validity;
  return {
    type: c.type,
    name: c.name,
    discountKind: d.kind,
    amount: d.kind === "fixed" ? moneyInput(d.amount_minor, currency) : "",
    percent: d.kind === "percent" ? String(d.percent_off) : "",
    maxDiscount: d.kind === "percent" ? moneyInput(d.max_discount_minor ?? null, currency) : "",
    minSpend: moneyInput(c.min_spend_minor, currency),
    scope: c.scope.kind,
    productIds: c.scope.kind === "products" ? c.scope.product_ids.join("\n") : "",
    audience: c.audience ?? (c.type === "follower" ? "all_followers" : "all"),
    claimStarts: at(c.claim_starts_at),
    claimEnds: at(c.claim_ends_at),
    validityKind: v?.kind ?? "days_after_claim",
    validDays: v?.kind === "days_after_claim" ? String(v.days) : "7",
    validFrom: v?.kind === "fixed" ? at(v.starts_at) : "",
    validUntil: v?.kind === "fixed" ? at(v.ends_at) : "",
    code: c.code ? c.code.slice(prefix.length) : "",
    codeKind: c.unique_codes ? "unique" : "shared",
    uniqueLength: String(c.unique_codes?.length ?? 6),
    activeFrom: at(c.active_starts_at),
    activeUntil: at(c.active_ends_at),
    quantity: String(c.quantity),
    perCustomer: c.per_customer_limit == null ? "" : String(c.per_customer_limit),
    budget: moneyInput(c.budget_minor, currency),
  };
}

/**
 * The create body the form spells, and the fields whose text could not be read as a value (left out of
 * the body, so the API does not judge a guess). Empty optional fields are left out too.
 */
export function toBody(
  s: FormState,
  currency: string,
): { body: CreateBody; unreadable: Partial<Record<FieldKey, "money" | "whole" | "date">> } {
  const unreadable: Partial<Record<FieldKey, "money" | "whole" | "date">> = {};
  const money = (k: FieldKey) => {
    const v = parseMoney(s[k], currency);
    if (Number.isNaN(v)) unreadable[k] = "money";
    return v === null || Number.isNaN(v) ? undefined : v;
  };
  const whole = (k: FieldKey) => {
    const v = parseInteger(s[k]);
    if (Number.isNaN(v)) unreadable[k] = "whole";
    return v === null || Number.isNaN(v) ? undefined : v;
  };
  const time = (k: FieldKey) => {
    const v = fromLocalInput(s[k]);
    if (s[k] && !v) unreadable[k] = "date";
    return v ?? undefined;
  };
  const discount =
    s.discountKind === "fixed"
      ? { kind: "fixed" as const, amount_minor: money("amount") as number }
      : {
          kind: "percent" as const,
          percent_off: whole("percent") as number,
          ...(s.maxDiscount.trim() ? { max_discount_minor: money("maxDiscount") } : {}),
        };
  const ids = s.productIds.split(/[\s,;]+/).filter(Boolean);
  const body: Record<string, unknown> = {
    type: s.type,
    name: s.name.trim(),
    discount,
    min_spend_minor: money("minSpend") ?? 0,
    scope: s.scope === "shop" ? { kind: "shop" } : { kind: "products", product_ids: [...new Set(ids)] },
    quantity: whole("quantity"),
  };
  if (s.budget.trim()) body.budget_minor = money("budget");
  if (s.type === "regular" || s.type === "follower") body.audience = s.audience;
  if (CLAIM_TYPES.has(s.type)) {
    body.claim_starts_at = time("claimStarts");
    body.claim_ends_at = time("claimEnds");
    body.validity =
      s.validityKind === "fixed" && (s.type === "regular" || s.type === "chat")
        ? { kind: "fixed", starts_at: time("validFrom"), ends_at: time("validUntil") }
        : { kind: "days_after_claim", days: whole("validDays") };
    if (s.type === "regular" || s.type === "chat") body.per_customer_limit = whole("perCustomer");
  } else {
    body.active_starts_at = time("activeFrom");
    body.active_ends_at = time("activeUntil");
    if (s.codeKind === "unique") {
      // A campaign: its quantity is the count of codes, each used once (no per-customer limit).
      const count = whole("quantity");
      const length = whole("uniqueLength");
      delete body.quantity;
      body.unique_codes = { count, length };
    } else {
      if (s.code.trim()) body.code = s.code.trim().toUpperCase();
      body.per_customer_limit = s.perCustomer === "1" ? 1 : null;
    }
  }
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  return { body: body as CreateBody, unreadable };
}

/** Deep equality of JSON values, whatever the key order; times compare as instants. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "string" && typeof b === "string") return /T\d/.test(a) && Date.parse(a) === Date.parse(b);
  if (a == null || b == null || typeof a !== "object" || typeof b !== "object") return a == null && b == null;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The body fields each form field feeds. */
const BODY_KEY: Record<FieldKey, string> = {
  type: "type",
  name: "name",
  discountKind: "discount",
  amount: "discount",
  percent: "discount",
  maxDiscount: "discount",
  minSpend: "min_spend_minor",
  scope: "scope",
  productIds: "scope",
  audience: "audience",
  claimStarts: "claim_starts_at",
  claimEnds: "claim_ends_at",
  validityKind: "validity",
  validDays: "validity",
  validFrom: "validity",
  validUntil: "validity",
  code: "code",
  codeKind: "unique_codes",
  uniqueLength: "unique_codes",
  activeFrom: "active_starts_at",
  activeUntil: "active_ends_at",
  quantity: "quantity",
  perCustomer: "per_customer_limit",
  budget: "budget_minor",
};
export const bodyKeys = (fields: Iterable<FieldKey>) => new Set([...fields].map((f) => BODY_KEY[f]));

/**
 * What an edit changes: the fields whose value differs from the stored coupon's, among `only` (the body
 * fields the seller touched: a field shown at minute precision must not "change" a stored second).
 */
export function changes(c: Coupon, body: CreateBody, prefix: string, only?: Set<string>): UpdateBody {
  const b = body as Record<string, unknown>;
  const stored: Record<string, unknown> = {
    ...c,
    code: c.code ? c.code.slice(prefix.length) : undefined,
    discount:
      c.discount.kind === "percent" && c.discount.max_discount_minor == null
        ? { kind: "percent", percent_off: c.discount.percent_off }
        : c.discount,
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(b)) {
    if (k === "type" || (only && !only.has(k))) continue;
    if (!same(v, stored[k])) out[k] = v;
  }
  return out as UpdateBody;
}

/** The overrides a duplicate takes, or null when the form changed more than a duplicate may (then: create). */
export function duplicateOverrides(source: Coupon, body: CreateBody, prefix: string): DuplicateBody | null {
  const diff = changes(source, body, prefix) as Record<string, unknown>;
  const allowed = new Set(["name", "claim_starts_at", "claim_ends_at", "validity", "active_starts_at", "active_ends_at", "code"]);
  if (Object.keys(diff).some((k) => !allowed.has(k))) return null;
  return diff as DuplicateBody;
}

/** Which field an API error concerns (its `path`, or for 409s its `code`); "form" when no field does. */
export function fieldOf(e: Pick<FieldError, "path" | "code">, s: Pick<FormState, "discountKind">): FieldKey | "form" {
  const byCode: Record<string, FieldKey> = {
    name_taken: "name",
    promo_code_taken: "code",
    code_not_allowed: "code",
    new_customer_coupon_overlap: "claimStarts",
    review_coupon_overlap: "claimStarts",
  };
  if (byCode[e.code] && (!e.path || e.path === "(body)")) return byCode[e.code];
  const path = (e.path ?? "").replace(/\.\d+$/, "");
  const byPath: Record<string, FieldKey> = {
    type: "type",
    name: "name",
    "discount.kind": "discountKind",
    "discount.amount_minor": "amount",
    "discount.percent_off": "percent",
    "discount.max_discount_minor": "maxDiscount",
    min_spend_minor: "minSpend",
    scope: "scope",
    "scope.kind": "scope",
    "scope.product_ids": "productIds",
    audience: "audience",
    claim_starts_at: "claimStarts",
    claim_ends_at: "claimEnds",
    validity: "validityKind",
    "validity.kind": "validityKind",
    "validity.days": "validDays",
    "validity.starts_at": "validFrom",
    "validity.ends_at": "validUntil",
    code: "code",
    unique_codes: "codeKind",
    "unique_codes.count": "quantity",
    "unique_codes.length": "uniqueLength",
    active_starts_at: "activeFrom",
    active_ends_at: "activeUntil",
    quantity: "quantity",
    per_customer_limit: "perCustomer",
    budget_minor: "budget",
  };
  if (path === "discount") return s.discountKind === "fixed" ? "amount" : "percent";
  return byPath[path] ?? byCode[e.code] ?? "form";
}

/** Fields an ongoing coupon may still change (PATCH /v1/coupons/{id} in the OpenAPI document): its name, a larger quantity, a later end. */
export function editableOnceStarted(type: CouponType): ReadonlySet<FieldKey> {
  return new Set<FieldKey>(["name", "quantity", "budget", type === "promo_code" ? "activeUntil" : "claimEnds"]);
}
