/**
 * R28: deactivation stops an ongoing coupon or cancels an upcoming one, at once. Nothing is swept: the
 * engine judges every claim at use time against `deactivated_at`, so unused claims stop working the
 * moment this row changes. A promo code also gives up its live_codes row in the same batch, so the
 * code may be taken again (R19).
 */
import { serializeCoupon, type CouponOut } from "../contract/coupons.js";
import type { Seller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { newId } from "../lib/ids.js";
import { notFound } from "../lib/problem.js";
import { deactivateCouponGuarded } from "../store/coupon-edits.js";
import { getCouponRow, type CouponRow } from "../store/coupons.js";
import { diffCoupons, versionMismatch } from "./update-coupon.js";
import { couponChanged } from "./webhook-events.js";

export async function deactivateCoupon(
  deps: Deps,
  seller: Seller,
  id: string,
  ifMatch: number | null | undefined,
): Promise<{ coupon: CouponOut }> {
  const { shop, now } = seller;
  const answer = (row: CouponRow) => ({ coupon: serializeCoupon(row, now, shop.currency) });
  const row = await getCouponRow(deps.db, shop.id, id);
  if (!row) throw notFound("coupon");
  if (ifMatch !== undefined && ifMatch !== row.version) throw versionMismatch(row.version);
  // Deactivating twice is not an error: the first time stands, with its time and its one audit entry.
  if (row.deactivated_at != null) return answer(row);

  const after: CouponRow = { ...row, deactivated_at: now, version: row.version + 1, updated_at: now };
  const changes = diffCoupons(row, after, now, shop.currency);
  const audit = {
    id: newId("aud"),
    shop_id: shop.id,
    coupon_id: id,
    action: "deactivated" as const,
    actor: seller.keyId,
    at: now,
    changes,
  };
  const outbox = couponChanged("coupon.deactivated", after, now, shop.currency, audit.id);
  const done = await deactivateCouponGuarded(deps.db, row, shop.region, now, ifMatch ?? undefined, audit, outbox);
  const fresh = (await getCouponRow(deps.db, shop.id, id))!;
  // Lost to a concurrent change: with If-Match that is 412; without, whoever deactivated first stands.
  if (!done && ifMatch !== undefined) throw versionMismatch(fresh.version);
  return answer(fresh);
}
