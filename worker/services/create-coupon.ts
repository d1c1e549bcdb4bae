/**
 * Creating a coupon: the one path for manual, duplicated and addon coupons. Parses nothing (zod did),
 * asks the engine for the business rules, and leaves the "only one" rules to the guarded insert.
 */
import type { Db } from "../../db/client.js";
import { toMillis } from "../contract/common.js";
import type { CreateCouponInput } from "../contract/coupons.js";
import { validateCouponRules } from "../engine/coupon-rules.js";
import { codeBlockedWord, fullCode, generateAllowedSuffix } from "../engine/promo-code.js";
import type { Coupon, CouponOrigin } from "../engine/types.js";
import type { Seller, ShopRow } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { newId, secureRandom } from "../lib/ids.js";
import { ApiError } from "../lib/problem.js";
import type { AuditInput } from "../store/audit.js";
import type { WritePlan } from "../store/batch.js";
import { couponSettingsColumns, insertCouponGuarded, type CouponRow, type CreateConflict, type DependentInsert } from "../store/coupons.js";
import { shopBlockedWords, shopThresholds } from "../store/shops.js";
import { drawCampaignCodes } from "./campaign-create.js";
import { countFailedLookup, refuseWhileLimited } from "./code-guessing.js";
import { couponsCreated } from "./webhook-events.js";

export type CouponSettings = Omit<
  Coupon,
  "id" | "shop_id" | "claimed_count" | "reserved_count" | "used_count" | "budget_spent_minor" | "deactivated_at"
>;

const CONFLICT_DETAIL = {
  name_taken: "Another upcoming or ongoing coupon of this shop has this name.",
  new_customer_coupon_overlap: "Only one new-customer coupon may be active at a time; another one's claim window overlaps this one (R8).",
  review_coupon_overlap: "Only one review coupon may be active at a time; another one's claim window overlaps this one (R15).",
  promo_code_taken: "This code is already used by an upcoming or ongoing promo code in this region (R19).",
} as const;

/** The 409 of a create refused by an "only one" rule (a chosen code found taken: `codeTaken`, which counts it). */
export const conflictError = (conflict: CreateConflict) => new ApiError(409, conflict, CONFLICT_DETAIL[conflict]);

/** The engine's view of a creation body, with times as milliseconds and the full code resolved. */
export function settingsFromInput(input: CreateCouponInput, shop: ShopRow, suffix: string | null): CouponSettings {
  const count = input.type === "promo_code" ? input.unique_codes?.count : undefined;
  if (input.quantity === undefined && count === undefined) {
    throw new ApiError(422, "validation_failed", "quantity is required", [
      { path: "quantity", code: "quantity_required", message: "quantity is required (unless unique_codes gives the count)" },
    ]);
  }
  if (input.quantity !== undefined && count !== undefined && input.quantity !== count) {
    throw new ApiError(422, "validation_failed", "a campaign's quantity is its count of codes", [
      { path: "quantity", code: "quantity_is_count", message: "quantity must equal unique_codes.count (or be left out)" },
    ]);
  }
  const base = {
    type: input.type,
    name: input.name,
    discount: input.discount,
    min_spend_minor: input.min_spend_minor,
    scope: input.scope,
    // A campaign's quantity is its count of codes (a quantity given beside it must say the same: the rules check).
    quantity: input.quantity ?? count ?? 0,
    audience: null,
    claim_starts_at: null,
    claim_ends_at: null,
    validity: null,
    code: null,
    active_starts_at: null,
    active_ends_at: null,
    per_customer_limit: null,
    unique_code_length: null,
    budget_minor: input.budget_minor ?? null,
    refund_policy: input.refund_policy,
  } satisfies CouponSettings;
  switch (input.type) {
    case "promo_code":
      return {
        ...base,
        code: suffix === null ? null : fullCode(shop.code_prefix, suffix),
        active_starts_at: toMillis(input.active_starts_at),
        active_ends_at: toMillis(input.active_ends_at),
        // R22: one use per buyer unless said otherwise; a campaign's limit is its codes' single use.
        per_customer_limit: input.per_customer_limit === undefined ? (input.unique_codes ? null : 1) : input.per_customer_limit,
        unique_code_length: input.unique_codes?.length ?? null,
      };
    default: {
      const validity =
        input.validity.kind === "fixed"
          ? { kind: "fixed" as const, starts_at: toMillis(input.validity.starts_at), ends_at: toMillis(input.validity.ends_at) }
          : input.validity;
      return {
        ...base,
        audience: "audience" in input ? input.audience : null,
        claim_starts_at: toMillis(input.claim_starts_at),
        claim_ends_at: toMillis(input.claim_ends_at),
        validity,
        per_customer_limit: "per_customer_limit" in input ? input.per_customer_limit : null,
      };
    }
  }
}

/** Who writes, where, at which shop clock: what every seller write needs (a creation also needs its origin). */
export interface WriteContext {
  db: Db;
  shop: ShopRow;
  /** The shop clock. */
  now: number;
  /** Real time (another shop's ended code frees its row by real time). */
  realNow: number;
  /** The id of the key that writes (audit entries). */
  actor: string;
  /** R20: the platform's blocked words and the shop's own. */
  blockedWords: readonly string[];
  /**
   * The writing shop's guessing limit (code-guessing.ts): a write with a code the seller chose is refused
   * (429) while the limit is reached, and a `promo_code_taken` answer counts as a failed look-up, since it
   * tells the seller that someone's code exists. Absent for writes no seller asks for (the demo seed).
   */
  codeGuessing?: { refuseWhileLimited(): Promise<void>; countTaken(): Promise<void> };
  /** The caller's key check, where it rides in the write (store/key-check.ts); absent: none. */
  plan?: WritePlan;
}

export function writeContext(deps: Deps, seller: Seller): WriteContext {
  return {
    db: deps.db,
    shop: seller.shop,
    now: seller.now,
    realNow: deps.clock(),
    actor: seller.keyId,
    blockedWords: shopBlockedWords(seller.shop, deps.config.blockedWords),
    codeGuessing: {
      refuseWhileLimited: () => refuseWhileLimited(deps, seller),
      countTaken: async () => void (await countFailedLookup(deps, seller)),
    },
    plan: deps,
  };
}

/** The 409 of a code held by a live promo code of the region, counted against the asking shop's guessing limit. */
export async function codeTaken(ctx: WriteContext): Promise<ApiError> {
  await ctx.codeGuessing?.countTaken();
  return new ApiError(409, "promo_code_taken", CONFLICT_DETAIL.promo_code_taken);
}

export interface CreateContext extends WriteContext {
  origin: CouponOrigin;
  parentId: string | null;
  /** Audit entries to write with the coupon (`created` plus e.g. `duplicated`). */
  audit: (coupon_id: string) => (Omit<AuditInput, "coupon_id" | "shop_id"> & { coupon_id?: string })[];
  /** Written only while this coupon is at this version (a duplicate planned from a copy of its source). */
  sourceAt?: { id: string; version: number };
}

/** A coupon to create in the same batch as the new one, only if that one is written (an addon). */
export interface DependentCoupon {
  settings: CouponSettings;
  origin: CouponOrigin;
  /** Entries written with it: about the dependent unless an entry names another coupon (its parent). */
  audit: (coupon_id: string, parent_id: string) => (Omit<AuditInput, "coupon_id" | "shop_id"> & { coupon_id?: string })[];
  /** Written only if the shop has (`live`) or has not another live coupon of `type` (store/coupons.ts `DependentInsert`). */
  whenLive?: DependentInsert["whenLive"];
}

/** Validates and inserts one coupon; throws 422 for rule violations and 409 for "only one" conflicts. */
export async function createCoupon(ctx: CreateContext, settings: CouponSettings, suffixGiven: boolean): Promise<CouponRow> {
  return (await createCouponWith(ctx, settings, suffixGiven, [])).row;
}

/**
 * `createCoupon`, plus coupons that depend on the new one (validated by the caller), written in the
 * same batch with the new coupon as their parent; those whose own guards refuse them are left out.
 */
export async function createCouponWith(
  ctx: CreateContext,
  settings: CouponSettings,
  suffixGiven: boolean,
  dependents: DependentCoupon[],
): Promise<{ row: CouponRow; dependents: CouponRow[] }> {
  checkCreateRules(ctx, settings);
  // A campaign's codes are drawn once (the held ones redrawn) and kept across a retry of the batch.
  const length = settings.unique_code_length;
  const campaign = length == null ? null : drawCampaignCodes(ctx, length, settings.quantity);
  // Probing which codes exist through a chosen code's 409 is guessing (README "Seller tools"); a
  // generated code is not the seller's guess and is neither refused nor counted.
  if (settings.type === "promo_code" && !campaign && suffixGiven) await ctx.codeGuessing?.refuseWhileLimited();
  // A generated code may collide with a live one: try a few fresh suffixes before giving up. (A
  // campaign redraws only its held codes, which its refused batch read back, a bounded number of times.)
  const attempts = campaign ? Number.POSITIVE_INFINITY : generatesCode(settings, suffixGiven) ? GENERATED_CODE_ATTEMPTS : 1;
  for (let attempt = 1; ; attempt++) {
    const s = generatesCode(settings, suffixGiven) ? { ...settings, code: generatedCode(ctx) } : settings;
    const id = newId("cpn");
    const deps = dependents.map((d) => {
      const depId = newId("cpn");
      return { row: newCouponRow(ctx, depId, d.settings, d.origin, id), audit: d.audit(depId, id), whenLive: d.whenLive };
    });
    const row = newCouponRow(ctx, id, s, ctx.origin, ctx.parentId);
    const result = await insertCouponGuarded(
      ctx.db,
      row,
      {
        now: ctx.now,
        realNow: ctx.realNow,
        region: ctx.shop.region,
        audit: ctx.audit(id),
        dependents: deps,
        campaignCodes: campaign?.codes(),
        sourceAt: ctx.sourceAt,
        outbox: couponsCreated([row, ...deps.map((d) => d.row)], ctx.now, ctx.shop.currency),
      },
      ctx.plan,
    );
    if (result.ok) return { row: result.row, dependents: result.dependents };
    if (result.held && campaign) {
      campaign.replace(result.held);
      continue;
    }
    if (result.conflict === "promo_code_taken" && campaign && (await campaign.replaceTaken())) continue;
    if (result.conflict === "promo_code_taken" && attempt < attempts) continue;
    if (result.conflict === "promo_code_taken" && suffixGiven) throw await codeTaken(ctx);
    throw conflictError(result.conflict);
  }
}

/**
 * The rules a creation is judged by before anything is written (create and preview alike): the engine's
 * (422: R2–R5, R10, R18, R21, R22 and the rest of `validateCouponRules`), then R20 for a chosen code (409
 * `code_not_allowed`). The "only one" rules are the database's, at the write (or `couponConflictRead`).
 */
export function checkCreateRules(ctx: WriteContext, settings: CouponSettings): void {
  // The engine judges the seller's suffix; the shop's prefix is fixed and always valid.
  const suffix = settings.code === null ? null : settings.code.slice(ctx.shop.code_prefix.length);
  const length = settings.unique_code_length;
  const unique_codes = length == null ? null : { count: settings.quantity, length };
  const violations = validateCouponRules(
    { ...settings, code: suffix, unique_codes },
    { now: ctx.now, currency: ctx.shop.currency, thresholds: shopThresholds(ctx.shop) },
  );
  if (violations.length) throw new ApiError(422, "validation_failed", violations[0].message, violations);
  if (settings.type === "promo_code" && suffix !== null) {
    // A word wholly inside the shop's fixed prefix is not the seller's choice and does not count.
    const word = codeBlockedWord(ctx.shop.code_prefix, suffix, ctx.blockedWords);
    if (word) throw new ApiError(409, "code_not_allowed", `This code is refused by the text-safety check (blocked: ${word}) (R20).`);
  }
}

/** How many fresh generated codes a creation tries when the last one turned out taken. */
export const GENERATED_CODE_ATTEMPTS = 5;

/** Whether the code is the API's to generate: a promo code created without a suffix (a campaign has codes of its own instead). */
export const generatesCode = (settings: CouponSettings, suffixGiven: boolean) =>
  settings.type === "promo_code" && !suffixGiven && settings.unique_code_length == null;

/** A fresh generated full code for the shop that passes its text-safety check (R18, R20). */
export function generatedCode(ctx: Pick<WriteContext, "shop" | "blockedWords">): string {
  const suffix = generateAllowedSuffix(secureRandom, ctx.shop.code_prefix, ctx.blockedWords);
  if (suffix === null)
    throw new ApiError(409, "code_not_allowed", "The shop's blocked words leave no code to generate: choose a code (R20).");
  return fullCode(ctx.shop.code_prefix, suffix);
}

/** The row a creation writes (a preview shows it unwritten). */
export function newCouponRow(
  ctx: Pick<WriteContext, "shop" | "now">,
  id: string,
  s: CouponSettings,
  origin: CouponOrigin,
  parentId: string | null,
) {
  return {
    id,
    shop_id: ctx.shop.id,
    ...couponSettingsColumns(s),
    deactivated_at: null,
    origin,
    parent_id: parentId,
    version: 1,
    claimed_count: 0,
    reserved_count: 0,
    used_count: 0,
    discount_total_minor: 0,
    gmv_minor: 0,
    budget_spent_minor: 0,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
}
