/**
 * A seller route's reads about one of its coupons, in one batch with the coupon itself (README "A request
 * at the edge"): on Workers one round trip with the key check first; on Node one by one, as before.
 */
import type { Seller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { notFound } from "../lib/problem.js";
import { readAll, type ReadItems, type ReadValues } from "../store/batch.js";
import type { CouponRow } from "../store/coupons.js";
import { lapsedReservationRead } from "../store/quote-reads.js";
import { releaseExpiredInShop, releaseLapsedInShop } from "../store/redemptions.js";
import { couponRowKey, couponRowRead } from "../store/seller-reads.js";

/**
 * The seller's own coupon `id` (404 otherwise: another shop's is as unknown as one that never existed)
 * and `items` (built by `make`, read in the same batch). `release`: R27's lapsed reservations are given
 * back before anything is counted — on Node released first, as always; in a batch, asked about beside
 * the reads, and only when one has lapsed released and everything read again (two round trips more).
 */
export async function ownCouponWith<R extends ReadItems>(
  deps: Deps,
  seller: Seller,
  id: string,
  make: () => R,
  opts: { release?: boolean } = {},
): Promise<ReadValues<R> & { coupon: CouponRow }> {
  const { db } = deps;
  const { shop, now } = seller;
  type Got = Record<string, unknown> & { coupon: CouponRow | null; lapsed?: boolean };
  const read = async (probe: boolean): Promise<Got> => {
    const items: ReadItems = {
      ...make(),
      coupon: couponRowRead(db, shop.id, id),
      lapsed: probe ? lapsedReservationRead(db, shop.id, now) : null,
    };
    return (await readAll(db, deps.reads(), deps, items)) as Got;
  };
  let got: Got;
  if (opts.release && !deps.batchReads && !deps.keyCheck) {
    await releaseExpiredInShop(db, shop.id, now);
    got = await read(false);
  } else {
    got = await read(opts.release === true);
    if (got.lapsed && (await releaseLapsedInShop(db, shop.id, now)) > 0) got = await read(false);
  }
  if (!got.coupon) throw notFound("coupon");
  return got as unknown as ReadValues<R> & { coupon: CouponRow };
}

/** The seller's own coupon, or 404. */
export async function ownCoupon(deps: Deps, seller: Seller, id: string): Promise<CouponRow> {
  return (await ownCouponWith(deps, seller, id, () => ({}))).coupon;
}

/**
 * A query parameter parsed before the batch, its refusal (422) told only after the coupon is found, so a
 * 404 or 409 comes first as when the parse ran after the read. `value` is null when refused.
 */
export function parsedLater<T>(parse: () => T): { value: T | null; check(): void } {
  try {
    return { value: parse(), check: () => {} };
  } catch (err) {
    return {
      value: null,
      check: () => {
        throw err;
      },
    };
  }
}

/**
 * The coupon an edit plans from (README "A request at the edge"): where reads go in batches, the isolate's
 * latest copy when it has one — no round trip; the edit's write is guarded by the copy's version (every
 * field the API shows moves it), so a stale copy writes nothing and the edit is judged again from the row
 * its batch read back — else the row read now. `copy`: it came from memory, so an answer that writes
 * nothing (an edit that changes nothing, a refusal) must read the row first.
 */
export async function couponToEdit(deps: Deps, seller: Seller, id: string): Promise<{ row: CouponRow; copy: boolean }> {
  const known = deps.batchReads ? deps.reads().latest<CouponRow>(couponRowKey(seller.shop.id, id)) : undefined;
  if (known) return { row: known, copy: true };
  return { row: await ownCoupon(deps, seller, id), copy: false };
}

/** The row a write read back, kept as the isolate's latest copy for the next edit to plan from. */
export function keepCoupon(deps: Deps, row: CouponRow): CouponRow {
  deps.reads().remember(couponRowKey(row.shop_id, row.id), row);
  return row;
}
