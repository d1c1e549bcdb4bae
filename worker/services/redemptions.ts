/**
 * Redemptions: reserve what the quote applies for an order, then commit it on payment or release it on
 * cancellation (or after 30 minutes on the shop clock, R27). The quote decides which coupon and how much
 * (engine); the reservation batch decides whether the unit is still there (database). When that write
 * takes nothing, the quote is asked again, afterwards, only to word the refusal.
 */
import type { ProblemCode } from "../contract/codes.js";
import { serializeRedemption, type RedemptionInput, type RedemptionOut } from "../contract/redemptions.js";
import type { AppliedCoupon, QuoteResult } from "../engine/types.js";
import type { Seller, ShopRow } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { newId } from "../lib/ids.js";
import { ApiError } from "../lib/problem.js";
import { isUniqueViolation } from "../store/errors.js";
import { redemptionRead, RESERVATION_MS, transitionRedemption, type RedemptionRow } from "../store/redemptions.js";
import { insertRedemptionGuarded } from "../store/redemption-reserve.js";
import { redemptionReserved } from "./webhook-events.js";
import { answerRow, idempotencyScope, refuse, replay, storedAnswer, type Answer } from "./idempotency.js";
import { runQuote, type QuoteRequest } from "./quote.js";
import { afterLapsed } from "./seller-lists.js";

export interface RedemptionRequest extends QuoteRequest {
  order_id: string;
}

/**
 * Why nothing can be reserved: the first reason of the named code or coupon (they come first among the
 * candidates), else of the buyer's first coupon; without any candidate, no buyer or nothing held.
 */
function firstReason(result: QuoteResult, buyerId: string | null): { code: ProblemCode; message: string } {
  for (const c of result.candidates) if (c.reasons.length > 0) return c.reasons[0];
  if (!buyerId) return { code: "buyer_required", message: "Name a code or coupon, or a buyer whose coupons may apply." };
  return { code: "no_applicable_coupon", message: "The buyer holds no coupon that applies to this cart." };
}

/**
 * `POST /v1/checkout/redemptions`: reserve the quote's coupon for the order (201) or refuse (409).
 *
 * With an Idempotency-Key, the first answer is stored by the write that makes it true (or, for a refusal,
 * by `refuse`), under the key's primary key. A replay is not looked up first: it is recognised where its
 * answer would be written — its reservation batch fails on that key (or on the order's live redemption),
 * or its refusal finds the key taken — and then the stored answer is replayed, or 422 for another body.
 * Most requests carry a new key, so they skip a read; a replay costs a quote.
 */
export async function reserveForOrder(
  deps: Deps,
  seller: Seller,
  body: RedemptionInput,
  buyerId: string | null,
  idempotencyKey: string | undefined,
): Promise<Answer> {
  const { db } = deps;
  const { shop, now } = seller;
  const req: RedemptionRequest = { ...body, buyer_id: buyerId, explain: false };
  // The key's request hash is of the body as validated (services/idempotency.ts).
  const scope = await idempotencyScope(shop.id, idempotencyKey, "POST /v1/checkout/redemptions", body, now, deps.sha256);
  const quoteReq: QuoteRequest = { buyer_id: req.buyer_id, code: req.code, coupon_id: req.coupon_id, explain: false, cart: req.cart };
  // The first quote reads only what decides the reservation (see QuoteOptions.decidingOnly): the guarded
  // write checks all of it again. Lapsed reservations that could count are released by runQuote (R27).
  let quoted = await runQuote(deps, seller, quoteReq, { decidingOnly: true });
  // What it read may be old: a refusal is only ever worded from a quote that read everything afresh.
  if (!quoted.result.applied) quoted = await runQuote(deps, seller, quoteReq);
  for (let attempt = 0; ; attempt++) {
    const { result, coupons } = quoted;
    const applied = result.applied;
    if (!applied) {
      const r = firstReason(result, req.buyer_id);
      return refuse(db, scope, 409, r.code, r.message, deps);
    }
    const row = coupons.get(applied.coupon_id)!;
    // R22: a quote prices a limited code for anyone, but a use is counted against a buyer.
    if (!applied.claim_id && row.per_customer_limit != null && !req.buyer_id)
      return refuse(db, scope, 409, "buyer_required", "This code is limited per customer: name the buyer to use it.", deps);

    const red = newReservation(shop, req, result.subtotal_minor, applied, now);
    const body = { redemption: serializeRedemption(red) };
    const answer: Answer = { status: 201, body, json: JSON.stringify(body) };
    let written: boolean;
    try {
      const outbox = redemptionReserved(red, row, now, shop.currency);
      // A campaign's code is one of its own single-use codes: the write takes that code, not a shared unit.
      const campaignCode = row.unique_code_length != null;
      const opts = { campaignCode, outbox };
      written = await insertRedemptionGuarded(db, red, row.version, scope ? answerRow(scope, answer) : null, opts, deps);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // Either the key was answered meanwhile (replay it) or the order already has its coupon (R23).
      const first = scope ? await storedAnswer(db, scope, deps) : null;
      if (first) return replay(first);
      return refuse(
        db,
        scope,
        409,
        "one_seller_coupon_per_order",
        `Order ${req.order_id} already has a seller coupon reserved or used.`,
        deps,
      );
    }
    if (written) return answer;

    // The write took nothing: the whole quote, afterwards, says why. If it now applies after all (a
    // lapsed reservation it released gave a unit back), the reservation is tried once more.
    quoted = await runQuote(deps, seller, quoteReq);
    const cand = quoted.result.candidates.find((k) => k.coupon_id === applied.coupon_id);
    const why = cand?.reasons.find((r) => r.code !== "one_seller_coupon_per_order");
    if (why) return refuse(db, scope, 409, why.code, why.message, deps);
    if (attempt === 0 && quoted.result.applied) continue;
    return applied.claim_id
      ? refuse(db, scope, 409, "not_claimed", "The buyer's claim of this coupon is no longer available.", deps)
      : refuse(db, scope, 409, "quantity_exhausted", "This coupon has run out.", deps);
  }
}

function newReservation(shop: ShopRow, req: RedemptionRequest, subtotal: number, applied: AppliedCoupon, now: number): RedemptionRow {
  return {
    id: newId("red"),
    shop_id: shop.id,
    coupon_id: applied.coupon_id,
    claim_id: applied.claim_id ?? null,
    buyer_id: req.buyer_id,
    order_id: req.order_id,
    code: applied.code ?? null,
    state: "reserved",
    discount_minor: applied.discount_minor,
    subtotal_minor: subtotal,
    allocations: applied.allocations,
    reserved_at: now,
    expires_at: now + RESERVATION_MS,
    committed_at: null,
    released_at: null,
    release_reason: null,
    refunded_at: null,
    returned_at: null,
  };
}

type RedemptionAnswer = { redemption: RedemptionOut };

/** One redemption; a reservation past its 30 minutes is released first and shown so (R27). */
export async function getRedemption(deps: Deps, seller: Seller, id: string): Promise<RedemptionAnswer> {
  const row = await afterLapsed(deps, seller, () => redemptionRead(deps.db, seller.shop.id, id));
  if (!row) throw new ApiError(404, "not_found", "No such redemption.");
  return { redemption: serializeRedemption(row) };
}

/** On payment: reserved → committed (idempotent); a released one cannot be committed (409). One batch. */
export async function commitRedemption(deps: Deps, { shop, now }: Seller, id: string): Promise<RedemptionAnswer> {
  const row = await transitionRedemption(deps.db, deps, shop.id, id, now, { commit: true });
  if (!row) throw new ApiError(404, "not_found", "No such redemption.");
  if (row.state === "committed") return { redemption: serializeRedemption(row) };
  throw new ApiError(
    409,
    "redemption_released",
    row.release_reason === "expired"
      ? "The reservation expired (30 minutes) and its unit was given back; reserve again."
      : "The reservation was released and cannot be committed; reserve again.",
  );
}

/** On cancellation: reserved → released, unit and claim given back (idempotent); a committed one is 409. One batch. */
export async function releaseRedemption(deps: Deps, { shop, now }: Seller, id: string, reason = "released"): Promise<RedemptionAnswer> {
  const row = await transitionRedemption(deps.db, deps, shop.id, id, now, { release: reason });
  if (!row) throw new ApiError(404, "not_found", "No such redemption.");
  if (row.state === "released") return { redemption: serializeRedemption(row) };
  throw new ApiError(409, "redemption_committed", "The redemption is committed (the order was paid); it can no longer be released.");
}
