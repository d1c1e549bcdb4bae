/**
 * The seller's lists over the shop's records, newest first in cursor pages: redemptions, claims, a chat
 * coupon's recipients (R17) and the shop's operation log (R30). Every list is the shop's own: another
 * shop's `coupon_id` is as unknown as one that never existed and gives an empty list.
 */
import { serializeShopAuditEntry, type AuditListInput, type ShopAuditEntryOut } from "../contract/audit.js";
import type { ClaimListInput } from "../contract/claims.js";
import { dayOrTimeMillis, toIso } from "../contract/common.js";
import type { RecipientOut, RecipientsInput } from "../contract/coupons.js";
import { serializeRedemption, type RedemptionListInput, type RedemptionOut } from "../contract/redemptions.js";
import { serializeClaim, type ClaimOut } from "../contract/storefront.js";
import { claimDisplayState } from "../engine/claim-eligibility.js";
import type { Seller } from "../lib/caller.js";
import { decodeCursor, decodeKeyCursor, encodeCursor, encodeKeyCursor, type KeyPosition } from "../lib/cursor.js";
import type { Deps } from "../lib/deps.js";
import { ApiError } from "../lib/problem.js";
import { shopAuditRead } from "../store/audit.js";
import { readAll, type Read } from "../store/batch.js";
import { lapsedReservationRead } from "../store/quote-reads.js";
import { releaseLapsedInShop } from "../store/redemptions.js";
import { claimPageRead, redemptionPageRead } from "../store/seller-lists.js";
import { recipientsRead } from "../store/seller-reads.js";
import { rowToClaim } from "../store/wallet.js";
import { ownCouponWith, parsedLater } from "./own-coupon.js";

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

/** A page from `limit + 1` rows: the first `limit`, and the cursor after the last of them if there are more. */
function pageOf<R, T>(rows: R[], limit: number, show: (r: R) => T, position: (r: R) => string): Page<T> {
  const shown = rows.slice(0, limit);
  return { data: shown.map(show), next_cursor: rows.length > limit ? position(shown[shown.length - 1]) : null };
}

const keyCursor = (at: number, id: string) => encodeKeyCursor({ at, id } satisfies KeyPosition);

/**
 * What `read` reads, as it is once the shop's lapsed reservations are released (R27): read in one go with
 * whether any has lapsed (one batch carrying the caller's key check, README "A request at the edge"); only
 * when one has are they released and the read made again, so a lapsed reservation never shows reserved.
 */
export async function afterLapsed<T>(deps: Deps, { shop, now }: Seller, read: () => Read<T>): Promise<T> {
  const { db } = deps;
  const both = () => readAll(db, deps.reads(), deps, { value: read(), lapsed: lapsedReservationRead(db, shop.id, now) });
  let got = await both();
  if (got.lapsed) {
    await releaseLapsedInShop(db, shop.id, now);
    got = await both();
  }
  return got.value;
}

export async function listRedemptions(deps: Deps, seller: Seller, q: RedemptionListInput): Promise<Page<RedemptionOut>> {
  const filter = {
    couponId: q.coupon_id,
    state: q.state,
    from: q.from === undefined ? undefined : dayOrTimeMillis(q.from),
    to: q.to === undefined ? undefined : dayOrTimeMillis(q.to),
    after: decodeKeyCursor(q.cursor),
    limit: q.limit + 1,
  };
  // R27: a reservation past its 30 minutes is shown released, as it is for every other reader.
  const rows = await afterLapsed(deps, seller, () => redemptionPageRead(deps.db, seller.shop.id, filter));
  return pageOf(rows, q.limit, serializeRedemption, (r) => keyCursor(r.reserved_at, r.id));
}

/** Claims as the wallet shows them (`claimDisplayState`): a claim of a deactivated coupon is void, a lapsed one expired. */
export async function listClaims(deps: Deps, seller: Seller, q: ClaimListInput): Promise<Page<ClaimOut>> {
  const { shop, now } = seller;
  const filter = { couponId: q.coupon_id, buyerId: q.buyer_id, state: q.state, now, after: decodeKeyCursor(q.cursor), limit: q.limit + 1 };
  // R27: a claim reserved for an order not paid within 30 minutes is available again.
  const rows = await afterLapsed(deps, seller, () => claimPageRead(deps.db, shop.id, filter));
  return pageOf(
    rows,
    q.limit,
    (r) => serializeClaim(r.claim, claimDisplayState(rowToClaim(r.claim), r, now)),
    (r) => keyCursor(r.claim.created_at, r.claim.id),
  );
}

/** R17: the buyers a chat coupon was sent to, newest first; another type is 409 `not_a_chat_coupon`. */
export async function listRecipients(deps: Deps, seller: Seller, couponId: string, q: RecipientsInput): Promise<Page<RecipientOut>> {
  // The page is read beside the coupon (one batch) and shown only if the coupon is a chat coupon.
  const cursor = parsedLater(() => decodeKeyCursor(q.cursor));
  const { coupon, rows } = await ownCouponWith(deps, seller, couponId, () => ({
    rows: recipientsRead(deps.db, seller.shop.id, couponId, cursor.value, q.limit + 1),
  }));
  if (coupon.type !== "chat") throw new ApiError(409, "not_a_chat_coupon", "Only chat coupons are sent to buyers (R17).");
  cursor.check();
  return pageOf(
    rows,
    q.limit,
    (r) => ({ buyer_id: r.buyer_id, sent_at: toIso(r.sent_at), claimed: r.claimed }),
    (r) => keyCursor(r.sent_at, r.buyer_id),
  );
}

/** R30: the shop's whole operation log, newest first: coupons' entries and the shop's own (keys, settings). */
export async function listShopLog(deps: Deps, seller: Seller, q: AuditListInput): Promise<Page<ShopAuditEntryOut>> {
  const filter = { couponId: q.coupon_id, action: q.action, before: decodeCursor(q.cursor), limit: q.limit + 1 };
  // One read, carrying the caller's key check where the database is far (README "A request at the edge").
  const { rows } = await readAll(deps.db, deps.reads(), deps, { rows: shopAuditRead(deps.db, seller.shop.id, filter) });
  return pageOf(rows, q.limit, serializeShopAuditEntry, (r) => encodeCursor(r.seq));
}
