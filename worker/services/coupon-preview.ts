/**
 * `POST /v1/coupons/preview`: what `POST /v1/coupons` would make of a body — the coupon, its addon
 * (R32) and what they may cost (R31's estimated spend) — judged by the same code and writing nothing.
 * The body is planned by `creationSettings` and judged by `checkCreateRules` (422, 409 `code_not_allowed`)
 * like a create; the "only one" rules (R8, R15, names, R19) are asked of the database with the create's
 * own guards (`couponConflictRead`) instead of being written. Without a code, a promo code gets a generated
 * suggestion that was free when it was checked.
 */
import { serializeCoupon, type CouponDraftOut, type CouponPreview, type CreateCouponInput } from "../contract/coupons.js";
import type { CouponOrigin } from "../engine/types.js";
import type { Seller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { readAll } from "../store/batch.js";
import { liveCouponOfTypeRead } from "../store/coupon-edits.js";
import { couponConflictRead } from "../store/coupons.js";
import { addonDependent, addonPlanOf, taggedAddonName, type AddonPlan } from "./addon-coupons.js";
import { creationSettings } from "./coupons.js";
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

/**
 * One batch on the success path (README "A request at the edge"): the coupon's conflicts and, when the
 * shop adds addons (R32), whether it has a live follower coupon (which decides the addon's kind) beside
 * the conflicts of both kinds' addons, under their planned name and a tagged one — the batch holds every
 * answer the judgement below may need. Only a generated code found taken reads again, with a fresh code.
 */
export async function previewCoupon(deps: Deps, seller: Seller, input: CreateCouponInput): Promise<CouponPreview> {
  const { ctx, settings, suffixGiven, wantsAddon } = creationSettings(deps, seller, input);
  checkCreateRules(ctx, settings);
  const { db } = ctx;
  const where = { now: ctx.now, realNow: ctx.realNow, region: ctx.shop.region };
  const draft = (s: CouponSettings, id: string, origin: CouponOrigin) => newCouponRow(ctx, id, s, origin, null);
  const generates = generatesCode(settings, suffixGiven);
  // A code the seller chose is a look-up of the region's codes: limited and counted as create does. A
  // campaign (`unique_codes`) has no code to check: its codes are drawn only when it is created, so a
  // preview answers the coupon as create would make it without drawing or writing any of them.
  if (!generates && suffixGiven) await ctx.codeGuessing?.refuseWhileLimited();
  const main = () => draft(generates ? { ...settings, code: generatedCode(ctx) } : settings, UNWRITTEN_ID, "manual");

  // Create writes the addon only if its own guards hold, retrying a taken name once with a tag.
  const addonRows = (kind: AddonPlan["kind"]) => {
    const plan = wantsAddon ? addonPlanOf(kind, ctx, settings) : null;
    if (!plan) return null;
    const plain = draft(addonDependent(ctx, plan).settings, UNWRITTEN_ADDON_ID, "addon");
    return { plain, tagged: { ...plain, name: taggedAddonName(plan) } };
  };
  const kinds = { follower: addonRows("follower"), repurchase: addonRows("repurchase") };
  const conflictOf = (row: ReturnType<typeof newCouponRow> | undefined) => (row ? couponConflictRead(db, row, where) : null);

  let row = main();
  const got = await readAll(db, deps.reads(), deps, {
    conflict: couponConflictRead(db, row, where),
    hasFollower: wantsAddon ? liveCouponOfTypeRead(db, ctx.shop.id, "follower", ctx.now) : null,
    followerPlain: conflictOf(kinds.follower?.plain),
    followerTagged: conflictOf(kinds.follower?.tagged),
    repurchasePlain: conflictOf(kinds.repurchase?.plain),
    repurchaseTagged: conflictOf(kinds.repurchase?.tagged),
  });
  let conflict = got.conflict;
  // As create does: a generated code found taken is replaced by a fresh one, a few times.
  for (let attempt = 1; generates && conflict === "promo_code_taken" && attempt < GENERATED_CODE_ATTEMPTS; attempt++) {
    row = main();
    conflict = (await readAll(db, deps.reads(), deps, { conflict: couponConflictRead(db, row, where) })).conflict;
  }
  if (conflict === "promo_code_taken" && !generates) throw await codeTaken(ctx);
  if (conflict) throw conflictError(conflict);

  const addons: CouponDraftOut[] = [];
  const kind = got.hasFollower ? "repurchase" : "follower";
  const addon = kinds[kind];
  if (wantsAddon && addon) {
    const [plain, tagged] = kind === "follower" ? [got.followerPlain, got.followerTagged] : [got.repurchasePlain, got.repurchaseTagged];
    if (plain === "name_taken") {
      if (!tagged) addons.push(shown(ctx, addon.tagged));
    } else if (!plain) addons.push(shown(ctx, addon.plain));
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
