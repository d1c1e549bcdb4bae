/**
 * Loading what a quote needs (the typed code, the named coupon, the buyer's wallet) and asking the
 * engine. Shared by `POST /v1/checkout/quote` and redemptions, which reserve exactly what a quote applies.
 */
import type { Context } from "hono";
import type { Db } from "../../db/client.js";
import { evaluateQuote } from "../engine/quote.js";
import type { Cart, QuoteInput, QuoteResult } from "../engine/types.js";
import type { AppEnv, ShopRow } from "../lib/context.js";
import { getCouponRow, rowToCoupon, type CouponRow } from "../store/coupons.js";
import { releaseExpiredInShop } from "../store/redemptions.js";
import { buyerCodeUses, loadWallet } from "../store/wallet.js";
import { lookupCode } from "./code-lookup.js";

export interface QuoteRequest {
  buyer_id: string | null;
  code?: string;
  coupon_id?: string;
  explain: boolean;
  cart: Cart;
}

export interface LoadedQuote {
  result: QuoteResult;
  /** The coupon rows the engine saw, by id (redemptions need the applied one). */
  coupons: Map<string, CouponRow>;
}

export async function runQuote(
  c: Context<AppEnv>,
  shop: ShopRow,
  kind: "secret" | "publishable",
  req: QuoteRequest,
  now: number,
): Promise<LoadedQuote> {
  const db = c.var.db;
  // R27: reservations past 30 minutes give their units and claims back before anything counts them.
  await releaseExpiredInShop(db, shop.id, now);
  const rows = new Map<string, CouponRow>();
  const input: QuoteInput = {
    now,
    shop_currency: shop.currency,
    cart: req.cart,
    buyer_id: req.buyer_id,
    explain: req.explain,
    wallet: [],
  };
  const [typed, named, wallet] = await Promise.all([
    req.code !== undefined ? lookupCode(c, shop, kind, req.code, req.buyer_id, now) : null,
    req.coupon_id !== undefined ? getCouponRow(db, shop.id, req.coupon_id) : null,
    req.buyer_id ? loadWallet(db, shop.id, req.buyer_id) : [],
  ]);
  if (typed) {
    if (typed.row) rows.set(typed.row.id, typed.row);
    input.typed_code = {
      code: typed.row?.code ?? typed.code,
      coupon: typed.row ? rowToCoupon(typed.row) : null,
      buyer_uses: typed.row ? await usesIfLimited(db, typed.row, req.buyer_id, now) : 0,
    };
  }
  if (req.coupon_id !== undefined) {
    input.named_coupon_id = req.coupon_id;
    input.named_coupon = named ? rowToCoupon(named) : null;
    if (named) {
      rows.set(named.id, named);
      if (named.type === "promo_code") input.named_buyer_uses = await usesIfLimited(db, named, req.buyer_id, now);
    }
  }
  input.wallet = wallet;
  return { result: evaluateQuote(input), coupons: rows };
}

/** A buyer's uses of a promo code, read only when a per-customer limit makes them matter (R22). */
function usesIfLimited(db: Db, code: CouponRow, buyerId: string | null, now: number): Promise<number> | number {
  return code.per_customer_limit != null && buyerId ? buyerCodeUses(db, code.id, buyerId, now) : 0;
}
