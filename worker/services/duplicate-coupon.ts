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
import { ApiError } from "../lib/problem.js";
import { rowToCoupon, type CouponRow } from "../store/coupons.js";
import { createCoupon, writeContext, type CouponSettings } from "./create-coupon.js";
import { couponToEdit, keepCoupon, ownCoupon } from "./own-coupon.js";
import { settingsOf } from "./update-coupon.js";

const DATE_FIELDS = ["claim_starts_at", "claim_ends_at", "active_starts_at", "active_ends_at"] as const;

/**
 * One round trip on the edge when the isolate has a copy of the source (`couponToEdit`): the create is
 * written only while the source is at the copy's version. A refusal judged from a copy stands if the
 * source read afterwards is still that version; else the duplicate is made from the source as it is.
 */
export async function duplicateCoupon(deps: Deps, seller: Seller, id: string, input: DuplicateCouponInput): Promise<{ coupon: CouponOut }> {
  const { row: source, copy } = await couponToEdit(deps, seller, id);
  try {
    return await duplicateFrom(deps, seller, source, input, copy);
  } catch (err) {
    if (!copy || !(err instanceof ApiError) || (err.status !== 409 && err.status !== 422)) throw err;
    const fresh = await ownCoupon(deps, seller, id);
    if (fresh.version === source.version) throw err;
    return duplicateFrom(deps, seller, fresh, input, false);
  }
}

async function duplicateFrom(
  deps: Deps,
  seller: Seller,
  source: CouponRow,
  input: DuplicateCouponInput,
  copy: boolean,
): Promise<{ coupon: CouponOut }> {
  const ctx = writeContext(deps, seller);
  const { shop, now } = ctx;

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
      sourceAt: copy ? { id: source.id, version: source.version } : undefined,
    },
    settings,
    suffixGiven,
  );
  return { coupon: serializeCoupon(keepCoupon(deps, row), now, shop.currency) };
}
