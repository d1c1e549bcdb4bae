/**
 * R32: with addon coupons on, creating a regular coupon also creates one extra coupon under the same
 * seller — a follower coupon if the shop has none upcoming or ongoing, else a repurchase coupon (regular,
 * audience `repeat`) — named with "addon", `origin: "addon"`, its parent the new coupon.
 */
import { and, eq } from "drizzle-orm";
import { coupons } from "../../db/schema.js";
import { thresholdsFor } from "../engine/coupon-rules.js";
import { liveAt, type CouponRow } from "../store/coupons.js";
import { rowToCoupon } from "../store/coupons.js";
import { createCoupon, type CouponSettings, type CreateContext } from "./create-coupon.js";
import { ApiError } from "../lib/problem.js";
import { randomString } from "../lib/ids.js";
import { shopThresholds } from "../store/shops.js";

export async function createAddonCoupon(
  ctx: Omit<CreateContext, "origin" | "parentId" | "audit">,
  parent: CouponRow,
): Promise<CouponRow | null> {
  const { db, shop, now } = ctx;
  const hasFollower = await db
    .select({ id: coupons.id })
    .from(coupons)
    .where(and(eq(coupons.shop_id, shop.id), eq(coupons.type, "follower"), liveAt(now)))
    .limit(1);
  const p = rowToCoupon(parent);
  const thresholds = thresholdsFor(shop.currency, shopThresholds(shop));
  const kind = hasFollower.length ? "repurchase" : "follower";
  const baseName = `${parent.name.slice(0, 36)} addon ${kind === "follower" ? "follow" : "repeat"}`;
  const settings: CouponSettings = {
    ...p,
    name: baseName,
    type: kind === "follower" ? "follower" : "regular",
    audience: kind === "follower" ? "all_followers" : "repeat",
    // Follower coupons need the larger minimum fixed amount (R3) and days-after-claim validity.
    discount:
      kind === "follower" && p.discount.kind === "fixed" && p.discount.amount_minor < thresholds.min_fixed_minor.follower
        ? { kind: "fixed", amount_minor: thresholds.min_fixed_minor.follower }
        : p.discount,
    validity:
      kind === "follower" && p.validity?.kind !== "days_after_claim" ? { kind: "days_after_claim", days: 30 } : p.validity,
    per_customer_limit: kind === "follower" ? null : p.per_customer_limit,
  };
  // A name another live coupon holds (say two parents sharing their first 36 characters) must not cost
  // the seller the addon: the second try adds a short random tag.
  const names = [baseName, `${baseName.slice(0, 44)} ${randomString(5)}`];
  for (const name of names) {
    try {
      const addon = await createCoupon(
        {
          ...ctx,
          origin: "addon",
          parentId: parent.id,
          // The addon's own entry, and the parent's history showing the addon created alongside it
          // (R32), in the addon's batch: neither exists without the other.
          audit: (addonId) => [
            { action: "addon_created", actor: ctx.actor, at: now, changes: { parent_id: parent.id, kind } },
            { coupon_id: parent.id, action: "addon_created", actor: ctx.actor, at: now, changes: { addon_id: addonId, kind } },
          ],
        },
        { ...settings, name },
        true,
      );
      return addon;
    } catch (err) {
      if (err instanceof ApiError && err.code === "name_taken" && name !== names[names.length - 1]) continue;
      // The addon is a convenience: if its own rules refuse it, the seller's coupon stands.
      if (err instanceof ApiError && (err.status === 409 || err.status === 422)) return null;
      throw err;
    }
  }
  return null;
}
