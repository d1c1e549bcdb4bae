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
import { readAll } from "../store/batch.js";
import { paidOrdersRead } from "../store/buyer-facts.js";
import {
  codeCouponRead,
  codeUsesRead,
  couponRead,
  couponUsesRead,
  lapsedReservationRead,
  walletRead,
  type LoadedCoupon,
} from "../store/quote-reads.js";
import { releaseExpiredInShop, releaseLapsedInShop } from "../store/redemptions.js";
import type { WalletEntry } from "../store/wallet.js";
import { watchGuessing } from "./code-guessing.js";
import { visibleCode } from "./code-lookup.js";

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
  /** Whether the shop holds a lapsed reservation (R27); undefined when not asked (read one by one). */
  lapsed?: boolean;
  /** The buyer's paid orders (R6, R7), when read with the rest; else read only if a segment coupon is a candidate. */
  paid?: readonly number[];
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
  const { shop, now } = caller;
  const code = req.code !== undefined ? normalizeCode(req.code) : undefined;
  // The typed code goes through the guessing limiter once: started beside the reads, settled by what they found.
  const watch = code !== undefined ? watchGuessing(deps, caller, req.buyer_id) : null;
  let facts = await loadFacts(deps, caller, req, code, opts.decidingOnly === true);
  await watch?.settle(facts.typed?.found != null);
  // R27: reservations past their 30 minutes give their units and claims back before anything counts them.
  // They are released only when one could change this answer, so a quote of an available code reads and
  // writes nothing more; then everything is read again, as it is now.
  if (facts.lapsed !== false && mayCountLapsedReservation(facts, now)) {
    const released = facts.lapsed ? await releaseLapsedInShop(db, shop.id, now) : await releaseExpiredInShop(db, shop.id, now);
    if (released > 0) facts = await loadFacts(deps, caller, req, code, false, opts.decidingOnly === true);
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
  // In one batch (a remote database) they were read beside everything else; one by one, only now.
  const buyerId = req.buyer_id;
  if (buyerId != null && segmentMatters(facts)) {
    const paid = facts.paid ?? (await readAll(db, deps.reads(), deps, { paid: paidOrdersRead(db, shop.id, buyerId) })).paid;
    input.buyer_orders = { buyer_id: buyerId, paid_order_times: paid };
  }
  return { result: evaluateQuote(input), coupons: rows };
}

/** Whether a candidate is a coupon for a customer segment (R6): only then do the buyer's orders matter. */
function segmentMatters(facts: QuoteFacts): boolean {
  if (facts.named?.found && isCustomerAudience(facts.named.found.coupon.audience)) return true;
  return facts.wallet.some((e) => isCustomerAudience(e.coupon.audience));
}

/**
 * Everything the quote reads, together (one batch where the database is remote). `latest`: the code's
 * coupon as last read (a reservation, see QuoteOptions); `decidingOnly` leaves out what the reservation's
 * write counts itself. The wallet is always read as it is: it chooses among the buyer's coupons, and a
 * stale one could choose a claim already used where another would apply.
 */
async function loadFacts(
  deps: Deps,
  caller: ShopCaller,
  req: QuoteRequest,
  code: string | undefined,
  latest: boolean,
  decidingOnly = latest,
): Promise<QuoteFacts> {
  const { db } = deps;
  const { shop, kind, now } = caller;
  const buyerId = req.buyer_id;
  const named = req.coupon_id;
  // A buyer's uses of a code matter only under a per-customer limit (R22), and a reservation's write counts them.
  const usesOf = buyerId && !decidingOnly ? buyerId : null;
  const walletMatters = buyerId !== null && !(decidingOnly && code !== undefined && named === undefined);
  const got = await readAll(db, deps.reads(), deps, {
    typed: code !== undefined ? codeCouponRead(db, shop.id, code, latest) : null,
    typedUses: code !== undefined && usesOf ? codeUsesRead(db, shop.id, code, usesOf) : null,
    named: named !== undefined ? couponRead(db, shop.id, named) : null,
    namedUses: named !== undefined && usesOf ? couponUsesRead(db, named, usesOf) : null,
    wallet: walletMatters ? walletRead(db, shop.id, buyerId) : null,
    // Free inside a batch; alone they would be a statement more per quote, so there they are read when needed.
    lapsed: deps.batchReads && !decidingOnly ? lapsedReservationRead(db, shop.id, now) : null,
    paid: deps.batchReads && buyerId !== null && (walletMatters || named !== undefined) ? paidOrdersRead(db, shop.id, buyerId) : null,
  });
  const typed = code !== undefined ? visibleCode(got.typed ?? null, kind, now) : null;
  return {
    typed: code !== undefined ? { code, found: typed, uses: limited(typed, got.typedUses) } : null,
    named: named !== undefined ? { found: got.named ?? null, uses: limited(got.named ?? null, got.namedUses) } : null,
    wallet: got.wallet ?? [],
    lapsed: got.lapsed,
    paid: got.paid,
  };
}

/**
 * Whether a reservation that has lapsed but is not yet released could be counted in these facts (R27):
 * a promo code (or campaign code) that looks used up while units are reserved, a buyer's reserved use past
 * its expiry, or a claim the wallet shows reserved. Otherwise releasing first could not change the quote.
 */
function mayCountLapsedReservation(facts: QuoteFacts, now: number): boolean {
  if (facts.typed && (exhaustedWhileReserved(facts.typed.found) || lapsedUse(facts.typed.uses, now))) return true;
  if (facts.named && (exhaustedWhileReserved(facts.named.found) || lapsedUse(facts.named.uses, now))) return true;
  return facts.wallet.some((e) => e.claim.state === "reserved");
}

// The helpers below are module functions, not closures made per quote (bench/notes.md).

/** The buyer's uses that count: only under a promo code's per-customer limit (R22). */
function limited(found: LoadedCoupon | null, uses: readonly CodeUse[] | undefined): readonly CodeUse[] {
  return found && found.row.type === "promo_code" && found.row.per_customer_limit != null ? (uses ?? []) : [];
}

/** A code used up while units are reserved; a campaign code held by a reservation is used up until it is committed or released. */
function exhaustedWhileReserved(f: LoadedCoupon | null): boolean {
  return f != null && (usedUpWhileReserved(f.coupon) || f.campaignCode?.state === "reserved");
}

function lapsedUse(uses: readonly CodeUse[], now: number): boolean {
  return uses.some((u) => u.state === "reserved" && reservationLapsed(u.expires_at, now));
}
