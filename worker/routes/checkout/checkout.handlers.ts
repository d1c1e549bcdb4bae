import { requireShopKey, resolveBuyer, shopNow } from "../../lib/auth.js";
import type { AppRouter } from "../../lib/router.js";
import { runQuote } from "../../services/quote.js";
import * as routes from "./checkout.routes.js";

export function registerCheckoutRoutes(app: AppRouter) {
  app.openapi(routes.quote, async (c) => {
    const caller = requireShopKey(c);
    const { shop, kind } = caller;
    const body = c.req.valid("json");
    const buyerId = await resolveBuyer(c, caller, body.buyer_id);
    const { result } = await runQuote(c, shop, kind, { ...body, buyer_id: buyerId }, shopNow(shop, c.get("config").now()));
    const { subtotal_minor, applied, best, candidates, total_minor, trace } = result;
    // The wire shape names no internal claim ids; redemptions resolve the claim again themselves.
    // Fields in the order a reader follows the computation: subtotal, coupon, alternatives, total.
    return c.json(
      {
        subtotal_minor,
        applied: applied && {
          coupon_id: applied.coupon_id,
          ...(applied.code !== undefined ? { code: applied.code } : {}),
          discount_minor: applied.discount_minor,
          allocations: applied.allocations,
        },
        best,
        candidates: candidates.map(({ claim_id: _claim, ...cand }) => cand),
        total_minor,
        ...(trace ? { trace } : {}),
      },
      200,
    );
  });
}
