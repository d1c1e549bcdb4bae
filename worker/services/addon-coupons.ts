/**
 * R32: with addon coupons on, creating a regular coupon also creates one extra coupon under the same
 * seller — a follower coupon if the shop has none upcoming or ongoing, else a repurchase coupon (regular,
 * audience `repeat`) — named with "addon", `origin: "addon"`, its parent the new coupon.
 */
import { and, eq } from "drizzle-orm";
import { coupons } from "../../db/schema.js";
import { DEFAULT_THRESHOLDS } from "../engine/coupon-rules.js";
import { liveAt, type CouponRow } from "../store/coupons.js";
import { rowToCoupon } from "../store/coupons.js";
import { createCoupon, type CouponSettings, type CreateContext } from "./create-coupon.js";
import { ApiError } from "../lib/problem.js";

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
  const thresholds = DEFAULT_THRESHOLDS[shop.currency] ?? DEFAULT_THRESHOLDS.USD;
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
  try {
    return await createCoupon(
      {
        ...ctx,
        origin: "addon",
        parentId: parent.id,
        audit: () => [
          { action: "addon_created", actor: ctx.actor, at: now, changes: { parent_id: parent.id, kind } },
        ],
      },
      settings,
      true,
    );
  } catch (err) {
    // The addon is a convenience: if its own rules refuse it (a name clash), the seller's coupon stands.
    if (err instanceof ApiError && (err.status === 409 || err.status === 422)) return null;
    throw err;
  }
}

