/**
 * R32: with addon coupons on, creating a regular coupon also creates one extra coupon under the same
 * seller — a follower coupon if the shop has none upcoming or ongoing, else a repurchase coupon (regular,
 * audience `repeat`) — named with "addon", `origin: "addon"`, its parent the new coupon.
 *
 * The addon is planned before its parent is written and inserted in the parent's own batch, so a crash
 * never leaves a parent without its addon, nor an addon (or the history entries about it) without its
 * parent. Both kinds are planned (`addonDependents`) and the batch writes the one the shop's live follower
 * coupon picks, so the pick costs no read before the write (README "A request at the edge").
 */
import { thresholdsFor, validateCouponRules } from "../engine/coupon-rules.js";
import { hasLiveCouponOfType } from "../store/coupon-edits.js";
import type { CouponRow } from "../store/coupons.js";
import { shopThresholds } from "../store/shops.js";
import { createCoupon, type CouponSettings, type CreateContext, type DependentCoupon } from "./create-coupon.js";
import { ApiError } from "../lib/problem.js";
import { randomString } from "../lib/ids.js";

type AddonContext = Omit<CreateContext, "origin" | "parentId" | "audit">;

export interface AddonPlan {
  kind: "follower" | "repurchase";
  settings: CouponSettings;
}

/** The addon a new regular coupon brings, or null when the addon's own rules would refuse it. */
export async function planAddon(ctx: AddonContext, parent: CouponSettings): Promise<AddonPlan | null> {
  const hasFollower = await hasLiveCouponOfType(ctx.db, ctx.shop.id, "follower", ctx.now);
  return addonPlanOf(hasFollower ? "repurchase" : "follower", ctx, parent);
}

/**
 * Both kinds of addon as coupons for the parent's batch, each written only when the shop's live follower
 * coupon picks its kind (a follower addon while there is none, else a repurchase addon): at most one is.
 * A kind whose rules refuse it is left out, so with that kind picked the parent stands alone.
 */
export function addonDependents(ctx: AddonContext, parent: CouponSettings): DependentCoupon[] {
  const out: DependentCoupon[] = [];
  for (const kind of ["follower", "repurchase"] as const) {
    const plan = addonPlanOf(kind, ctx, parent);
    if (plan) out.push({ ...addonDependent(ctx, plan), whenLive: { type: "follower", live: kind === "repurchase" } });
  }
  return out;
}

/** The addon of this kind (the shop's live follower coupon decides which: `planAddon`), or null when its rules refuse it. */
export function addonPlanOf(kind: AddonPlan["kind"], ctx: Pick<AddonContext, "shop" | "now">, parent: CouponSettings): AddonPlan | null {
  const { shop, now } = ctx;
  const thresholds = thresholdsFor(shop.currency, shopThresholds(shop));
  const settings: CouponSettings = {
    ...parent,
    name: `${parent.name.slice(0, 36)} addon ${kind === "follower" ? "follow" : "repeat"}`,
    type: kind === "follower" ? "follower" : "regular",
    audience: kind === "follower" ? "all_followers" : "repeat",
    // Follower coupons need the larger minimum fixed amount (R3) and days-after-claim validity.
    discount:
      kind === "follower" && parent.discount.kind === "fixed" && parent.discount.amount_minor < thresholds.min_fixed_minor.follower
        ? { kind: "fixed", amount_minor: thresholds.min_fixed_minor.follower }
        : parent.discount,
    validity:
      kind === "follower" && parent.validity?.kind !== "days_after_claim" ? { kind: "days_after_claim", days: 30 } : parent.validity,
    per_customer_limit: kind === "follower" ? null : parent.per_customer_limit,
  };
  const violations = validateCouponRules({ ...settings, code: null }, { now, currency: shop.currency, thresholds: shopThresholds(shop) });
  // The addon is a convenience: if its own rules refuse it, the seller's coupon stands alone.
  return violations.length ? null : { kind, settings };
}

/** The addon as a coupon written in its parent's batch, with both history entries (R32). */
export function addonDependent(ctx: AddonContext, plan: AddonPlan, name = plan.settings.name): DependentCoupon {
  return {
    settings: { ...plan.settings, name },
    origin: "addon",
    audit: (addonId, parentId) => [
      { action: "addon_created", actor: ctx.actor, at: ctx.now, changes: { parent_id: parentId, kind: plan.kind } },
      { coupon_id: parentId, action: "addon_created", actor: ctx.actor, at: ctx.now, changes: { addon_id: addonId, kind: plan.kind } },
    ],
  };
}

/** The addon's name with a short random tag, for when another live coupon holds its planned name. */
export const taggedAddonName = (plan: AddonPlan) => `${plan.settings.name.slice(0, 44)} ${randomString(5)}`;

/**
 * The rare second try, alone: another live coupon held the addon's name (say two parents sharing their
 * first 36 characters), so the addon gets a short random tag rather than be lost.
 */
export async function createTaggedAddon(ctx: AddonContext, parent: CouponRow, plan: AddonPlan): Promise<CouponRow | null> {
  const dep = addonDependent(ctx, plan, taggedAddonName(plan));
  try {
    return await createCoupon(
      {
        ...ctx,
        origin: "addon",
        parentId: parent.id,
        audit: (addonId) => dep.audit(addonId, parent.id),
      },
      dep.settings,
      true,
    );
  } catch (err) {
    if (err instanceof ApiError && (err.status === 409 || err.status === 422)) return null;
    throw err;
  }
}
