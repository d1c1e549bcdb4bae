/**
 * R29: a duplicate copies a coupon's settings into a new upcoming coupon (`origin: "duplicate"`, its
 * parent the source), with the dates, code and name the seller overrides. It goes through the same
 * create path as any coupon, so every create rule (R3–R5, R8, R15, R19–R21, names) holds for it.
 */
import { toMillis } from "../contract/common.js";
import { serializeCoupon, type CouponOut, type DuplicateCouponInput } from "../contract/coupons.js";
import { fullCode, normalizeCode } from "../engine/promo-code.js";
import { couponWindow } from "../engine/status.js";
import type { CouponDraft } from "../engine/types.js";
import type { Seller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { ApiError, notFound } from "../lib/problem.js";
import { getCouponRow, rowToCoupon } from "../store/coupons.js";
import { createCoupon, writeContext, type CouponSettings } from "./create-coupon.js";
import { settingsOf } from "./update-coupon.js";

const DATE_FIELDS = ["claim_starts_at", "claim_ends_at", "active_starts_at", "active_ends_at"] as const;

export async function duplicateCoupon(deps: Deps, seller: Seller, id: string, input: DuplicateCouponInput): Promise<{ coupon: CouponOut }> {
  const ctx = writeContext(deps, seller);
  const { db, shop, now } = ctx;
  const source = await getCouponRow(db, shop.id, id);
  if (!source) throw notFound("coupon");

  const datesGiven = DATE_FIELDS.some((k) => input[k] !== undefined);
  const start = couponWindow(rowToCoupon(source)).starts_at;
  if (!datesGiven && start != null && start <= now) {
    throw new ApiError(422, "validation_failed", "The source's window has already started: give the duplicate new dates.", [
      { path: DATE_FIELDS[source.type === "promo_code" ? 2 : 0], code: "window_started", message: "new dates are required" },
    ]);
  }

  const settings: CouponSettings = { ...settingsOf(source), name: input.name ?? `${source.name.slice(0, 45)} copy` };
  const overrides: Partial<CouponDraft> = {};
  for (const k of DATE_FIELDS) if (input[k] !== undefined) overrides[k] = toMillis(input[k]!);
  if (input.validity) {
    overrides.validity =
      input.validity.kind === "fixed"
        ? { kind: "fixed", starts_at: toMillis(input.validity.starts_at), ends_at: toMillis(input.validity.ends_at) }
        : input.validity;
  }
  Object.assign(settings, overrides);
  // A promo code cannot share its source's live code: a given suffix is used, else a fresh one is generated.
  const suffixGiven = source.type === "promo_code" && input.code !== undefined;
  settings.code = suffixGiven ? fullCode(shop.code_prefix, normalizeCode(input.code!)) : null;

  const row = await createCoupon(
    {
      ...ctx,
      origin: "duplicate",
      parentId: source.id,
      audit: () => [{ action: "duplicated", actor: ctx.actor, at: now, changes: { source_id: source.id, overrides: input } }],
    },
    settings,
    suffixGiven,
  );
  return { coupon: serializeCoupon(row, now, shop.currency) };
}
