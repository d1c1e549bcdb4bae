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
import { ApiError, notFound } from "../lib/problem.js";
import { deactivateCouponGuarded } from "../store/coupon-edits.js";
import type { CouponRow } from "../store/coupons.js";
import { couponToEdit, keepCoupon, ownCoupon } from "./own-coupon.js";
import { diffCoupons, versionMismatch } from "./update-coupon.js";
import { couponChanged } from "./webhook-events.js";

/**
 * One round trip on the edge when the isolate has a copy of the coupon (`couponToEdit`): the write is
 * guarded by the copy's version and reads the row back, and a refused write is judged again from that row.
 */
export async function deactivateCoupon(
  deps: Deps,
  seller: Seller,
  id: string,
  ifMatch: number | null | undefined,
): Promise<{ coupon: CouponOut }> {
  const { shop, now } = seller;
  const answer = (row: CouponRow) => ({ coupon: serializeCoupon(keepCoupon(deps, row), now, shop.currency) });
  let { row, copy } = await couponToEdit(deps, seller, id);
  for (let attempt = 1; ; attempt++) {
    // A copy that does not match, or is deactivated already, may be old: the answer comes from the row as it is.
    if (copy && ((ifMatch !== undefined && ifMatch !== row.version) || row.deactivated_at != null)) {
      ({ row, copy } = { row: await ownCoupon(deps, seller, id), copy: false });
    }
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
    const done = await deactivateCouponGuarded(deps.db, row, shop.region, now, audit, outbox, deps);
    if (!done.row) throw notFound("coupon");
    if (done.won) return answer(done.row);
    // Another change came first (read back in the same batch): judged again from it. With If-Match a moved
    // version is 412; without, whoever deactivated first stands, and an edit is deactivated after it.
    ({ row, copy } = { row: done.row, copy: false });
    if (attempt >= 5) throw new ApiError(409, "concurrent_update", "The coupon kept changing while it was deactivated; retry.");
  }
}
