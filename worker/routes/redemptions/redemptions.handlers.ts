import { requireSecret, shopNow } from "../../lib/auth.js";
import type { AppRouter } from "../../lib/router.js";
import { commitRedemption, getRedemption, releaseRedemption, serializeRedemption } from "../../services/redemptions.js";
import * as routes from "./redemptions.routes.js";

export function registerRedemptionRoutes(app: AppRouter) {
  app.openapi(routes.getRedemption, async (c) => {
    const { shop } = requireSecret(c);
    const row = await getRedemption(c.get("db"), shop.id, c.req.valid("param").id, shopNow(shop, c.get("config").now()));
    return c.json({ redemption: serializeRedemption(row) }, 200);
  });

  app.openapi(routes.commitRedemption, async (c) => {
    const { shop } = requireSecret(c);
    const row = await commitRedemption(c.get("db"), shop.id, c.req.valid("param").id, shopNow(shop, c.get("config").now()));
    return c.json({ redemption: serializeRedemption(row) }, 200);
  });

  app.openapi(routes.releaseRedemption, async (c) => {
    const { shop } = requireSecret(c);
    const row = await releaseRedemption(c.get("db"), shop.id, c.req.valid("param").id, shopNow(shop, c.get("config").now()));
    return c.json({ redemption: serializeRedemption(row) }, 200);
  });
}
