import { eq } from "drizzle-orm";
import { shops } from "../../../db/schema.js";
import { requireAdmin, requireSecret, shopNow } from "../../lib/auth.js";
import type { ShopRow } from "../../lib/context.js";
import { ApiError, notFound } from "../../lib/problem.js";
import type { AppRouter } from "../../lib/router.js";
import { toIso, toMillis } from "../../lib/schemas.js";
import { thresholdsFor } from "../../engine/coupon-rules.js";
import { getShop as loadShop, insertShop, shopThresholds } from "../../store/shops.js";
import * as routes from "./shops.routes.js";

export function serializeShop(shop: ShopRow) {
  return {
    id: shop.id,
    name: shop.name,
    code_prefix: shop.code_prefix,
    region: shop.region,
    currency: shop.currency,
    mode: shop.mode,
    allowed_origins: shop.allowed_origins,
    addon_coupons: shop.addon_coupons,
    min_fixed_minor: thresholdsFor(shop.currency, shopThresholds(shop)).min_fixed_minor,
    test_clock: toIso(shop.test_clock_now),
    created_at: toIso(shop.created_at),
    updated_at: toIso(shop.updated_at),
  };
}

export function registerShopRoutes(app: AppRouter) {
  app.openapi(routes.createShop, async (c) => {
    requireAdmin(c);
    const created = await insertShop(c.get("db"), c.req.valid("json"), c.get("config").now());
    return c.json({ ...created, shop: serializeShop(created.shop) }, 201);
  });

  app.openapi(routes.getShop, async (c) => {
    requireAdmin(c);
    const shop = await loadShop(c.get("db"), c.req.valid("param").id);
    if (!shop) throw notFound("shop");
    return c.json({ shop: serializeShop(shop) }, 200);
  });

  app.openapi(routes.updateShop, async (c) => {
    requireAdmin(c);
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    const rows = await c.get("db")
      .update(shops)
      .set({ ...patch, updated_at: c.get("config").now() })
      .where(eq(shops.id, id))
      .returning();
    c.get("config").callerCache?.dropShop(id); // keys resolved before carry the old settings
    if (!rows[0]) throw notFound("shop");
    return c.json({ shop: serializeShop(rows[0]) }, 200);
  });

  app.openapi(routes.setTestClock, async (c) => {
    const { shop } = requireSecret(c);
    if (shop.mode !== "test") throw new ApiError(403, "live_shop", "Only test shops have a test clock.");
    const { now } = c.req.valid("json");
    const frozen = now === null ? null : toMillis(now);
    const rows = await c.get("db")
      .update(shops)
      .set({ test_clock_now: frozen })
      .where(eq(shops.id, shop.id))
      .returning();
    c.get("config").callerCache?.dropShop(shop.id); // the next call must see the new clock
    return c.json({ now: toIso(shopNow(rows[0], c.get("config").now())), frozen: frozen !== null }, 200);
  });
}
