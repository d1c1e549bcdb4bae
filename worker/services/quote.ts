/**
 * Loading what a quote needs (the typed code, the named coupon, the buyer's wallet and uses) and asking
 * the engine. Shared by `POST /v1/checkout/quote` and redemptions, which reserve exactly what a quote applies.
 */
import { serializeQuote, type QuoteOut } from "../contract/checkout.js";
import { normalizeCode } from "../engine/promo-code.js";
import { evaluateQuote } from "../engine/quote.js";
import { isCustomerAudience } from "../engine/segments.js";
import { countedUses, reservationLapsed, usedUpWhileReserved, type CodeUse } from "../engine/reservations.js";
import type { Cart, QuoteInput, QuoteResult } from "../engine/types.js";
import type { ShopCaller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import type { CouponRow } from "../store/coupons.js";
import { readCodeUses, readCoupon, readPaidOrderTimes, readWallet, type LoadedCoupon } from "../store/quote-reads.js";
import type { Reads } from "../store/read-cache.js";
import { releaseExpiredInShop } from "../store/redemptions.js";
import type { WalletEntry } from "../store/wallet.js";
import { findVisibleCode, lookupCode } from "./code-lookup.js";

export interface QuoteRequest {
  buyer_id: string | null;
  code?: string;
  coupon_id?: string;
  explain: boolean;
  cart: Cart;
}

export interface LoadedQuote {
  result: QuoteResult;
  /** The coupon rows the engine saw, by id (redemptions need the applied one, and the version it was priced at). */
  coupons: Map<string, CouponRow>;
}

/** What the database says about the coupons a quote considers. */
interface QuoteFacts {
  typed: { code: string; found: LoadedCoupon | null; uses: readonly CodeUse[] } | null;
  named: { found: LoadedCoupon | null; uses: readonly CodeUse[] } | null;
  wallet: readonly WalletEntry[];
}

export interface QuoteOptions {
  /**
   * Read only what decides which coupon applies and how much, for a reservation whose guarded write
   * checks it all again: with a code named and no coupon id, the buyer's other coupons are not loaded
   * (they could only be listed as not applying); a buyer's uses of a code are not read (taken as none:
   * the write counts them); and the code's coupon is taken as last read (the write takes a unit only if
   * that coupon is still the version priced, not deactivated, in its window and not used up).
   */
  decidingOnly?: boolean;
}

/** `POST /v1/checkout/quote`: the cart priced, as the API shows it. No side effects but lapsed reservations released. */
export async function quoteCart(deps: Deps, caller: ShopCaller, req: QuoteRequest): Promise<QuoteOut> {
  return serializeQuote((await runQuote(deps, caller, req)).result);
}

/** The engine's quote of `req` for this caller at its shop clock, with the coupon rows it saw. */
export async function runQuote(deps: Deps, caller: ShopCaller, req: QuoteRequest, opts: QuoteOptions = {}): Promise<LoadedQuote> {
  const { db } = deps;
  const { shop, kind, now } = caller;
  // The typed code goes through the guessing limiter once; a second load (below) reads it without counting.
  let facts = await loadFacts(deps, caller, req, deps.reads(), opts, (reads) =>
    lookupCode(deps, caller, req.code!, req.buyer_id, reads, opts.decidingOnly),
  );
  // R27: reservations past their 30 minutes give their units and claims back before anything counts them.
  // They are released only when one could change this answer, so a quote of an available code reads and
  // writes nothing more; then everything is read again.
  if (mayCountLapsedReservation(facts, now) && (await releaseExpiredInShop(db, shop.id, now)) > 0) {
    const code = normalizeCode(req.code ?? "");
    facts = await loadFacts(deps, caller, req, deps.reads(), opts, async (reads) => ({
      code,
      found: await findVisibleCode(db, reads, shop.id, kind, code, now),
    }));
  }

  const input: QuoteInput = {
    now,
    shop_currency: shop.currency,
    cart: req.cart,
    buyer_id: req.buyer_id,
    explain: req.explain,
    wallet: facts.wallet,
  };
  const rows = new Map<string, CouponRow>();
  for (const e of facts.wallet) rows.set(e.couponRow.id, e.couponRow);
  if (facts.typed) {
    const { code, found, uses } = facts.typed;
    if (found) rows.set(found.row.id, found.row);
    input.typed_code = {
      code: found?.row.code ?? code,
      coupon: found?.coupon ?? null,
      buyer_uses: countedUses(uses, now),
      campaign_code_state: found?.campaignCode?.state ?? null,
    };
  }
  if (req.coupon_id !== undefined) {
    const found = facts.named?.found ?? null;
    input.named_coupon_id = req.coupon_id;
    input.named_coupon = found?.coupon ?? null;
    if (found) {
      rows.set(found.row.id, found.row);
      if (found.row.type === "promo_code") input.named_buyer_uses = countedUses(facts.named!.uses, now);
    }
  }
  // R6, R7: a coupon for new, existing or repeat customers is judged by the buyer's segment now. Its facts
  // are read only when such a coupon is a candidate (a reservation's write checks them again).
  const buyerId = req.buyer_id;
  if (buyerId != null && segmentMatters(facts)) {
    input.buyer_orders = { buyer_id: buyerId, paid_order_times: await readPaidOrderTimes(deps.reads(), db, shop.id, buyerId) };
  }
  return { result: evaluateQuote(input), coupons: rows };
}

/** Whether a candidate is a coupon for a customer segment (R6): only then do the buyer's orders matter. */
function segmentMatters(facts: QuoteFacts): boolean {
  if (facts.named?.found && isCustomerAudience(facts.named.found.coupon.audience)) return true;
  return facts.wallet.some((e) => isCustomerAudience(e.coupon.audience));
}

async function loadFacts(
  { db }: Deps,
  { shop }: ShopCaller,
  req: QuoteRequest,
  reads: Reads,
  opts: QuoteOptions,
  findTyped: (reads: Reads) => Promise<{ code: string; found: LoadedCoupon | null }>,
): Promise<QuoteFacts> {
  const buyerId = req.buyer_id;
  // A buyer's uses of a code are read only when a per-customer limit makes them matter (R22).
  const usesOf = (found: LoadedCoupon | null) =>
    !opts.decidingOnly && found && found.row.type === "promo_code" && found.row.per_customer_limit != null && buyerId
      ? readCodeUses(reads, db, found.row.id, buyerId)
      : [];
  const walletMatters = !(opts.decidingOnly && req.code !== undefined && req.coupon_id === undefined);
  const [typed, named, wallet] = await Promise.all([
    req.code !== undefined ? findTyped(reads).then(async (t) => ({ ...t, uses: await usesOf(t.found) })) : null,
    req.coupon_id !== undefined
      ? readCoupon(reads, db, shop.id, req.coupon_id).then(async (found) => ({ found, uses: await usesOf(found) }))
      : null,
    buyerId && walletMatters ? readWallet(reads, db, shop.id, buyerId) : [],
  ]);
  return { typed, named, wallet };
}

/**
 * Whether a reservation that has lapsed but is not yet released could be counted in these facts (R27):
 * a promo code (or campaign code) that looks used up while units are reserved, a buyer's reserved use past
 * its expiry, or a claim the wallet shows reserved. Otherwise releasing first could not change the quote.
 */
function mayCountLapsedReservation(facts: QuoteFacts, now: number): boolean {
  // A campaign code held by a reservation is used up until that reservation is committed or released.
  const exhaustedWhileReserved = (f: LoadedCoupon | null) =>
    f != null && (usedUpWhileReserved(f.coupon) || f.campaignCode?.state === "reserved");
  const lapsedUse = (uses: readonly CodeUse[]) => uses.some((u) => u.state === "reserved" && reservationLapsed(u.expires_at, now));
  if (facts.typed && (exhaustedWhileReserved(facts.typed.found) || lapsedUse(facts.typed.uses))) return true;
  if (facts.named && (exhaustedWhileReserved(facts.named.found) || lapsedUse(facts.named.uses))) return true;
  return facts.wallet.some((e) => e.claim.state === "reserved");
}
