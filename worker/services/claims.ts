/**
 * Claiming a coupon and showing what a buyer may claim. Eligibility that is a fact about the buyer
 * (audience, follower, sent by chat) is judged by the engine from loaded facts; the limits (quantity,
 * per customer, one held at a time, one follower coupon for life) are decided by the guarded write, and
 * when it writes nothing the engine is asked again, afterwards, only to word the refusal.
 */
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
import type { ClaimEvaluation, ReasonCode } from "../engine/types.js";
import type { ShopCaller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { newId } from "../lib/ids.js";
import { ApiError } from "../lib/problem.js";
import { readAll } from "../store/batch.js";
import { buyerFacts, buyerFactsReads } from "../store/buyer-facts.js";
import { heldClaimsRead, insertClaimGuarded, sentRead, storefrontPageRead, type StorefrontPage } from "../store/claims.js";
import { rowToCoupon, type CouponRow } from "../store/coupons.js";
import { isUniqueViolation } from "../store/errors.js";
import { couponRead, lapsedReservationRead, walletRead } from "../store/quote-reads.js";
import { releaseLapsedInShop } from "../store/redemptions.js";
import { rowToClaim, type ClaimRow } from "../store/wallet.js";
import { claimCreated } from "./webhook-events.js";

/**
 * `GET /v1/storefront/coupons`: the shop's claimable coupons, newest first, each with whether this buyer
 * may claim it and why not. The page, the buyer's facts and claims of its coupons are read together.
 */
export async function storefrontCoupons(
  deps: Deps,
  { shop, now }: ShopCaller,
  buyerId: string | null,
  q: Pick<StorefrontInput, "product_id" | "cursor" | "limit">,
): Promise<{ data: StorefrontCoupon[]; next_cursor: string | null }> {
  const page: StorefrontPage = { buyerId, productId: q.product_id, before: decodeCursor(q.cursor), limit: q.limit + 1, now };
  const { db } = deps;
  const read = () =>
    readAll(db, deps.reads(), deps, {
      rows: storefrontPageRead(db, shop.id, page),
      ...buyerFactsReads(db, shop.id, buyerId),
      held: buyerId ? heldClaimsRead(db, shop.id, buyerId, { page }) : null,
      // A claim held by a reservation that has lapsed is shown available again (R27).
      lapsed: buyerId ? lapsedReservationRead(db, shop.id, now) : null,
    });
  let got = await read();
  if (got.lapsed && (await releaseLapsedInShop(db, shop.id, now)) > 0) got = await read();
  const rows = got.rows.slice(0, q.limit);
  const facts = buyerId ? buyerFacts(buyerId, got) : null;
  const held: readonly ClaimRow[] = got.held ?? [];
  const items = rows.map((row) => {
    const ev = evaluateClaim({
      coupon: rowToCoupon(row),
      now,
      facts,
      buyer_claims: held.filter((k) => k.coupon_id === row.id).map(rowToClaim),
      // Chat coupons are listed only when sent to this buyer (the query's condition).
      sent_to_buyer: row.type === "chat",
    });
    return { ...serializeCoupon(row, now, shop.currency), claimable: ev.claimable, reason: ev.reason?.code ?? null };
  });
  return { data: items, next_cursor: got.rows.length > q.limit ? encodeCursor(rows[rows.length - 1].seq) : null };
}

/** What a claim is judged on: the coupon, and for a buyer their facts, claims of it and whether it was sent to them. */
function claimReads(deps: Deps, { shop, now }: ShopCaller, couponId: string, buyerId: string | null) {
  const { db } = deps;
  return readAll(db, deps.reads(), deps, {
    coupon: couponRead(db, shop.id, couponId),
    ...buyerFactsReads(db, shop.id, buyerId),
    held: buyerId ? heldClaimsRead(db, shop.id, buyerId, { coupon: couponId }) : null,
    sent: buyerId ? sentRead(db, couponId, buyerId) : null,
    lapsed: buyerId ? lapsedReservationRead(db, shop.id, now) : null,
  });
}

type ClaimFacts = Awaited<ReturnType<typeof claimReads>>;

function evaluate(got: ClaimFacts, row: CouponRow, buyerId: string, now: number): ClaimEvaluation {
  const sent = row.type === "chat" && got.sent === true;
  return evaluateClaim({
    coupon: rowToCoupon(row),
    now,
    facts: buyerFacts(buyerId, got),
    buyer_claims: (got.held ?? []).map(rowToClaim),
    sent_to_buyer: sent,
  });
}

const refused = (code: ReasonCode, message: string) => new ApiError(409, code, message);

/**
 * R9, R11, R17, R27: claim a coupon for a buyer, or a 409 with the reason. Two round trips where the
 * database is remote: everything the engine judges, then the guarded write (which re-checks the limits).
 */
export async function claimCoupon(deps: Deps, caller: ShopCaller, couponId: string, buyerId: string | null): Promise<{ claim: ClaimOut }> {
  const { db } = deps;
  const { shop, now } = caller;
  let got = await claimReads(deps, caller, couponId, buyerId);
  if (!got.coupon) throw new ApiError(404, "not_found", "No such coupon.");
  if (!buyerId) throw refused("buyer_required", "Sign in to claim this coupon: send X-Buyer-Token (or buyer_id with a secret key).");
  // A claim held by a reservation that has lapsed counts as available again (R27).
  if (got.lapsed && (await releaseLapsedInShop(db, shop.id, now)) > 0) got = await claimReads(deps, caller, couponId, buyerId);
  const row = got.coupon?.row;
  if (!row) throw new ApiError(404, "not_found", "No such coupon.");
  const ev = evaluate(got, row, buyerId, now);
  if (!ev.claimable || ev.valid_from === undefined || ev.valid_until === undefined)
    throw refused(ev.reason?.code ?? "quantity_exhausted", ev.reason?.message ?? "This coupon cannot be claimed.");

  const claim: ClaimRow = {
    id: newId("clm"),
    shop_id: shop.id,
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
    const outbox = claimCreated(claim, row, now, shop.currency);
    written = await insertClaimGuarded(db, { ...claim, now, follower: row.type === "follower" }, outbox, deps);
  } catch (err) {
    // R11: the shop's one follower coupon for this buyer was granted meanwhile.
    if (isUniqueViolation(err)) throw refused("already_claimed", "You already have this shop's follower coupon.");
    throw err;
  }
  if (written) return { claim: serializeClaim(claim, "available") };
  // The write refused: say why, from the facts as they are now.
  const fresh = await claimReads(deps, caller, couponId, buyerId);
  const after = evaluate(fresh, fresh.coupon?.row ?? row, buyerId, now);
  const r = after.reason ?? { code: "quantity_exhausted" as const, message: "This coupon has run out." };
  throw refused(r.code, r.message);
}

/** The buyer's claims with their coupons, as the wallet shows them (R5, R28). */
export async function walletOf(
  deps: Deps,
  { shop, now }: ShopCaller,
  buyerId: string | null,
): Promise<{ data: WalletEntryOut[]; next_cursor: null }> {
  if (!buyerId) throw new ApiError(401, "buyer_required", "The wallet is a buyer's: send X-Buyer-Token (or buyer_id with a secret key).");
  const { db } = deps;
  // A claim held by a reservation that has lapsed is shown available again (R27).
  const read = () =>
    readAll(db, deps.reads(), deps, { wallet: walletRead(db, shop.id, buyerId), lapsed: lapsedReservationRead(db, shop.id, now) });
  let got = await read();
  if (got.lapsed && (await releaseLapsedInShop(db, shop.id, now)) > 0) got = await read();
  return {
    data: got.wallet.map((e) => serializeWalletEntry(e.row, claimDisplayState(e.claim, e.coupon, now), e.coupon, shop.currency)),
    next_cursor: null,
  };
}
