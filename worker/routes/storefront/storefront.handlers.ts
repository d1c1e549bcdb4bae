import type { ClaimDisplayState } from "../../engine/types.js";
import { requireShopKey, resolveBuyer, shopNow } from "../../lib/auth.js";
import { decodeCursor, encodeCursor } from "../../lib/cursor.js";
import { ApiError } from "../../lib/problem.js";
import type { AppRouter } from "../../lib/router.js";
import { toIso } from "../../lib/schemas.js";
import { claimCoupon, storefrontCoupons, walletOf } from "../../services/claims.js";
import type { ClaimRow } from "../../store/wallet.js";
import { serializeCoupon } from "../coupons/serialize.js";
import * as routes from "./storefront.routes.js";

export function serializeClaim(k: ClaimRow, state: ClaimDisplayState) {
  return {
    id: k.id,
    coupon_id: k.coupon_id,
    buyer_id: k.buyer_id,
    valid_from: toIso(k.valid_from),
    valid_until: toIso(k.valid_until),
    state,
    created_at: toIso(k.created_at),
  };
}

export function registerStorefrontRoutes(app: AppRouter) {
  app.openapi(routes.listCoupons, async (c) => {
    const caller = requireShopKey(c);
    const { shop } = caller;
    const q = c.req.valid("query");
    const buyerId = await resolveBuyer(c, caller, q.buyer_id);
    const now = shopNow(shop, c.get("config").now());
    const { items, more } = await storefrontCoupons(c.get("db"), shop.id, {
      buyerId,
      productId: q.product_id,
      before: decodeCursor(q.cursor),
      limit: q.limit,
      now,
    });
    return c.json(
      {
        data: items.map((i) => ({ ...serializeCoupon(i.row, now, shop.currency), claimable: i.claimable, reason: i.reason })),
        next_cursor: more ? encodeCursor(items[items.length - 1].row.seq) : null,
      },
      200,
    );
  });

  app.openapi(routes.claimCoupon, async (c) => {
    const caller = requireShopKey(c);
    const { shop } = caller;
    const body = c.req.valid("json");
    const buyerId = await resolveBuyer(c, caller, body.buyer_id);
    const claim = await claimCoupon(c.get("db"), shop.id, c.req.valid("param").id, buyerId, shopNow(shop, c.get("config").now()));
    return c.json({ claim: serializeClaim(claim, "available") }, 201);
  });

  app.openapi(routes.wallet, async (c) => {
    const caller = requireShopKey(c);
    const { shop } = caller;
    const buyerId = await resolveBuyer(c, caller, c.req.valid("query").buyer_id);
    if (!buyerId) throw new ApiError(401, "buyer_required", "The wallet is a buyer's: send X-Buyer-Token (or buyer_id with a secret key).");
    const entries = await walletOf(c.get("db"), shop.id, buyerId, shopNow(shop, c.get("config").now()));
    return c.json(
      {
        data: entries.map((e) => ({
          ...serializeClaim(e.row, e.display),
          coupon: {
            id: e.coupon.id,
            type: e.coupon.type,
            name: e.coupon.name,
            discount:
              e.coupon.discount.kind === "fixed"
                ? e.coupon.discount
                : { ...e.coupon.discount, max_discount_minor: e.coupon.discount.max_discount_minor ?? null },
            min_spend_minor: e.coupon.min_spend_minor,
            scope: e.coupon.scope,
            currency: shop.currency,
          },
        })),
        next_cursor: null,
      },
      200,
    );
  });
}
