/**
 * Claiming a coupon and showing what a buyer may claim. Eligibility that is a fact about the buyer
 * (audience, follower, sent by chat) is judged by the engine from loaded facts; the limits (quantity,
 * per customer, one held at a time, one follower coupon for life) are decided by the guarded write, and
 * when it writes nothing the engine is asked again, afterwards, only to word the refusal.
 */
import type { Db } from "../../db/client.js";
import { decodeCursor, encodeCursor } from "../lib/cursor.js";
import { serializeCoupon } from "../contract/coupons.js";
import {
  serializeClaim,
  serializeWalletEntry,
  type ClaimOut,
  type StorefrontCoupon,
  type StorefrontInput,
  type WalletEntryOut,
} from "../contract/storefront.js";
import { claimDisplayState, evaluateClaim } from "../engine/claim-eligibility.js";
import type { BuyerFacts, ClaimEvaluation, ReasonCode } from "../engine/types.js";
import type { ShopCaller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { newId } from "../lib/ids.js";
import { ApiError } from "../lib/problem.js";
import { loadBuyerFacts } from "../store/buyer-facts.js";
import { buyerClaimsOf, insertClaimGuarded, listStorefrontCoupons, wasSentTo } from "../store/claims.js";
import { getCouponRow, rowToCoupon, type CouponRow } from "../store/coupons.js";
import { isUniqueViolation } from "../store/errors.js";
import { releaseExpiredInShop } from "../store/redemptions.js";
import { loadWallet, rowToClaim, type ClaimRow } from "../store/wallet.js";
import { claimCreated } from "./webhook-events.js";

/**
 * `GET /v1/storefront/coupons`: the shop's claimable coupons, newest first, each with whether this buyer
 * may claim it and why not.
 */
export async function storefrontCoupons(
  { db }: Deps,
  { shop, now }: ShopCaller,
  buyerId: string | null,
  q: Pick<StorefrontInput, "product_id" | "cursor" | "limit">,
): Promise<{ data: StorefrontCoupon[]; next_cursor: string | null }> {
  const opts = { buyerId, productId: q.product_id, before: decodeCursor(q.cursor), limit: q.limit, now };
  const { items, more } = await listClaimable(db, shop.id, opts);
  return {
    data: items.map((i) => ({ ...serializeCoupon(i.row, now, shop.currency), claimable: i.claimable, reason: i.reason })),
    next_cursor: more ? encodeCursor(items[items.length - 1].row.seq) : null,
  };
}

interface ListedCoupon {
  row: CouponRow;
  claimable: boolean;
  reason: ReasonCode | null;
}

async function listClaimable(
  db: Db,
  shopId: string,
  opts: { buyerId: string | null; productId?: string; before: number | null; limit: number; now: number },
): Promise<{ items: ListedCoupon[]; more: boolean }> {
  if (opts.buyerId) await releaseExpiredInShop(db, shopId, opts.now);
  const rows = await listStorefrontCoupons(db, shopId, { ...opts, limit: opts.limit + 1 });
  const page = rows.slice(0, opts.limit);
  const buyerId = opts.buyerId;
  let facts: BuyerFacts | null = null;
  let held: ClaimRow[] = [];
  if (buyerId) {
    [facts, held] = await Promise.all([
      loadBuyerFacts(db, shopId, buyerId),
      buyerClaimsOf(
        db,
        shopId,
        buyerId,
        page.map((r) => r.id),
      ),
    ]);
  }
  const items = page.map((row) => {
    const ev = evaluateClaim({
      coupon: rowToCoupon(row),
      now: opts.now,
      facts,
      buyer_claims: held.filter((k) => k.coupon_id === row.id).map(rowToClaim),
      // Chat coupons are listed only when sent to this buyer (the query's condition).
      sent_to_buyer: row.type === "chat",
    });
    return { row, claimable: ev.claimable, reason: ev.reason?.code ?? null };
  });
  return { items, more: rows.length > opts.limit };
}

/** The engine's answer for this buyer and coupon, from freshly loaded facts. */
async function evaluate(db: Db, row: CouponRow, buyerId: string, now: number): Promise<ClaimEvaluation> {
  const [facts, held, sent] = await Promise.all([
    loadBuyerFacts(db, row.shop_id, buyerId),
    buyerClaimsOf(db, row.shop_id, buyerId, [row.id]),
    row.type === "chat" ? wasSentTo(db, row.id, buyerId) : Promise.resolve(false),
  ]);
  return evaluateClaim({ coupon: rowToCoupon(row), now, facts, buyer_claims: held.map(rowToClaim), sent_to_buyer: sent });
}

const refused = (code: ReasonCode, message: string) => new ApiError(409, code, message);

/** R9, R11, R17, R27: claim a coupon for a buyer, or a 409 with the reason. */
export async function claimCoupon(
  { db }: Deps,
  { shop, now }: ShopCaller,
  couponId: string,
  buyerId: string | null,
): Promise<{ claim: ClaimOut }> {
  const shopId = shop.id;
  const row = await getCouponRow(db, shopId, couponId);
  if (!row) throw new ApiError(404, "not_found", "No such coupon.");
  if (!buyerId) throw refused("buyer_required", "Sign in to claim this coupon: send X-Buyer-Token (or buyer_id with a secret key).");
  // A claim held by a reservation that has lapsed counts as available again (R27).
  await releaseExpiredInShop(db, shopId, now);
  const ev = await evaluate(db, row, buyerId, now);
  if (!ev.claimable || ev.valid_from === undefined || ev.valid_until === undefined)
    throw refused(ev.reason?.code ?? "quantity_exhausted", ev.reason?.message ?? "This coupon cannot be claimed.");

  const claim: ClaimRow = {
    id: newId("clm"),
    shop_id: shopId,
    coupon_id: row.id,
    buyer_id: buyerId,
    state: "available",
    valid_from: ev.valid_from,
    valid_until: ev.valid_until,
    source_order_id: null,
    created_at: now,
    updated_at: now,
  };
  let written: boolean;
  try {
    written = await insertClaimGuarded(
      db,
      { ...claim, now, follower: row.type === "follower" },
      claimCreated(claim, row, now, shop.currency),
    );
  } catch (err) {
    // R11: the shop's one follower coupon for this buyer was granted meanwhile.
    if (isUniqueViolation(err)) throw refused("already_claimed", "You already have this shop's follower coupon.");
    throw err;
  }
  if (written) return { claim: serializeClaim(claim, "available") };
  // The write refused: say why, from the facts as they are now.
  const fresh = (await getCouponRow(db, shopId, couponId)) ?? row;
  const after = await evaluate(db, fresh, buyerId, now);
  const r = after.reason ?? { code: "quantity_exhausted" as const, message: "This coupon has run out." };
  throw refused(r.code, r.message);
}

/** The buyer's claims with their coupons, as the wallet shows them (R5, R28). */
export async function walletOf(
  { db }: Deps,
  { shop, now }: ShopCaller,
  buyerId: string | null,
): Promise<{ data: WalletEntryOut[]; next_cursor: null }> {
  if (!buyerId) throw new ApiError(401, "buyer_required", "The wallet is a buyer's: send X-Buyer-Token (or buyer_id with a secret key).");
  await releaseExpiredInShop(db, shop.id, now);
  const entries = await loadWallet(db, shop.id, buyerId);
  return {
    data: entries.map((e) => serializeWalletEntry(e.row, claimDisplayState(e.claim, e.coupon, now), e.coupon, shop.currency)),
    next_cursor: null,
  };
}
