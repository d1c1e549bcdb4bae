import { promoCodeAvailability } from "../../engine/promo-code-availability.js";
import { requireShopKey, shopNow } from "../../lib/auth.js";
import type { AppRouter } from "../../lib/router.js";
import { toIso } from "../../lib/schemas.js";
import { usedUpWhileReserved } from "../../engine/reservations.js";
import { findVisibleCode, lookupCode } from "../../services/code-lookup.js";
import { requestReads } from "../../services/quote.js";
import { releaseExpiredInShop } from "../../store/redemptions.js";
import { serializeCoupon } from "../coupons/serialize.js";
import * as routes from "./promo-codes.routes.js";

export function registerPromoCodeRoutes(app: AppRouter) {
  app.openapi(routes.lookupPromoCode, async (c) => {
    const caller = requireShopKey(c);
    const { shop, kind } = caller;
    const now = shopNow(shop, c.get("config").now());
    let { code, found } = await lookupCode(c, shop, kind, c.req.valid("param").code, null, now, requestReads(c));
    // R27: a code that looks used up may get a unit back from a lapsed reservation; judge it after the release.
    if (found && usedUpWhileReserved(found.coupon) && (await releaseExpiredInShop(c.get("db"), shop.id, now)) > 0)
      found = await findVisibleCode(c.get("db"), requestReads(c), shop.id, kind, code, now);
    if (!found) return c.json({ valid: false, reason: "code_not_found" }, 200);
    const row = found.row;
    // The first reason the code cannot be used now, as the quote would tell it (the engine's one rule).
    const reason = promoCodeAvailability(found.coupon, now)[0]?.code;
    const view = serializeCoupon(row, now, shop.currency);
    return c.json(
      {
        valid: reason === undefined,
        ...(reason ? { reason } : {}),
        coupon: {
          name: view.name,
          discount: view.discount,
          min_spend_minor: view.min_spend_minor,
          active_ends_at: toIso(row.active_ends_at ?? 0),
          scope: view.scope,
        },
      },
      200,
    );
  });
}
