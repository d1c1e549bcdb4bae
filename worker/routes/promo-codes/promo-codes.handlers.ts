import { couponStatus } from "../../engine/status.js";
import { requireShopKey, shopNow } from "../../lib/auth.js";
import type { AppRouter } from "../../lib/router.js";
import { toIso } from "../../lib/schemas.js";
import { lookupCode } from "../../services/code-lookup.js";
import { rowToCoupon } from "../../store/coupons.js";
import { serializeCoupon } from "../coupons/serialize.js";
import * as routes from "./promo-codes.routes.js";

const STATUS_REASON = { upcoming: "not_started", ended: "expired", deactivated: "deactivated" } as const;

export function registerPromoCodeRoutes(app: AppRouter) {
  app.openapi(routes.lookupPromoCode, async (c) => {
    const { shop, kind } = requireShopKey(c);
    const now = shopNow(c, shop);
    const { row } = await lookupCode(c, shop, kind, c.req.valid("param").code, null, now);
    if (!row) return c.json({ valid: false, reason: "code_not_found" }, 200);
    const coupon = rowToCoupon(row);
    const status = couponStatus(coupon, now);
    const reason =
      status !== "ongoing"
        ? STATUS_REASON[status]
        : coupon.reserved_count + coupon.used_count >= coupon.quantity
          ? "quantity_exhausted"
          : undefined;
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
