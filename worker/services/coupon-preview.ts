/**
 * `POST /v1/coupons/preview`: what `POST /v1/coupons` would make of a body — the coupon, its addon
 * (R32) and what they may cost (R31's estimated spend) — judged by the same code and writing nothing.
 * The body is planned by `planCreation` and judged by `checkCreateRules` (422, 409 `code_not_allowed`)
 * like a create; the "only one" rules (R8, R15, names, R19) are asked of the database with the create's
 * own guards (`couponConflict`) instead of being written. Without a code, a promo code gets a generated
 * suggestion that was free when it was checked.
 */
import { serializeCoupon, type CouponDraftOut, type CouponPreview, type CreateCouponInput } from "../contract/coupons.js";
import type { CouponOrigin } from "../engine/types.js";
import type { Seller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { couponConflict, type CreateConflict } from "../store/coupons.js";
import { addonDependent, taggedAddonName } from "./addon-coupons.js";
import { planCreation } from "./coupons.js";
import {
  checkCreateRules,
  codeTaken,
  conflictError,
  GENERATED_CODE_ATTEMPTS,
  generatedCode,
  generatesCode,
  newCouponRow,
  type CouponSettings,
  type WriteContext,
} from "./create-coupon.js";

/** Stands in for the ids the coupons would get (the guards compare ids; the answer shows null). */
const UNWRITTEN_ID = "cpn_preview";
const UNWRITTEN_ADDON_ID = "cpn_preview_addon";

export async function previewCoupon(deps: Deps, seller: Seller, input: CreateCouponInput): Promise<CouponPreview> {
  const { ctx, settings, suffixGiven, plan } = await planCreation(deps, seller, input);
  checkCreateRules(ctx, settings);
  const where = { now: ctx.now, realNow: ctx.realNow, region: ctx.shop.region };
  const draft = (s: CouponSettings, id: string, origin: CouponOrigin) => newCouponRow(ctx, id, s, origin, null);

  let row = draft(settings, UNWRITTEN_ID, "manual");
  let conflict: CreateConflict | null;
  if (generatesCode(settings, suffixGiven)) {
    // As create does: a generated code found taken is replaced by a fresh one, a few times.
    let attempt = 0;
    do {
      row = draft({ ...settings, code: generatedCode(ctx) }, UNWRITTEN_ID, "manual");
      conflict = await couponConflict(ctx.db, row, where);
    } while (conflict === "promo_code_taken" && ++attempt < GENERATED_CODE_ATTEMPTS);
  } else {
    // A code the seller chose is a look-up of the region's codes: limited and counted as create does. A
    // campaign (`unique_codes`) has no code to check: its codes are drawn only when it is created, so a
    // preview answers the coupon as create would make it without drawing or writing any of them.
    if (suffixGiven) await ctx.codeGuessing?.refuseWhileLimited();
    conflict = await couponConflict(ctx.db, row, where);
    if (conflict === "promo_code_taken") throw await codeTaken(ctx);
  }
  if (conflict) throw conflictError(conflict);

  const addons: CouponDraftOut[] = [];
  if (plan) {
    let addon = draft(addonDependent(ctx, plan).settings, UNWRITTEN_ADDON_ID, "addon");
    // Create writes the addon only if its own guards hold, retrying a taken name once with a tag.
    if ((await couponConflict(ctx.db, addon, where)) === "name_taken") addon = { ...addon, name: taggedAddonName(plan) };
    if (!(await couponConflict(ctx.db, addon, where))) addons.push(shown(ctx, addon));
  }
  const coupon = shown(ctx, row);
  const spends = [coupon, ...addons].map((c) => c.estimated_spend_minor);
  const total = spends.includes(null) ? null : spends.reduce<number>((sum, x) => sum + (x ?? 0), 0);
  return { coupon, addons, estimated_spend_minor: total };
}

/** An unwritten coupon as the API would show it once created, without the id it does not have yet. */
function shown(ctx: WriteContext, row: ReturnType<typeof newCouponRow>): CouponDraftOut {
  return { ...serializeCoupon({ ...row, seq: 0 }, ctx.now, ctx.shop.currency), id: null };
}
