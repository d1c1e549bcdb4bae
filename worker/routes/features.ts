/**
 * Feature routers beyond the promo-code path: each feature registers itself here, so adding one touches
 * this list and its own folder only.
 */
import type { AppRouter } from "../lib/router.js";
import { registerEventRoutes } from "./events/events.handlers.js";
import { registerStorefrontRoutes } from "./storefront/storefront.handlers.js";
import { registerCheckoutRedemptionRoutes } from "./checkout/redemptions.handlers.js";
import { registerRedemptionRoutes } from "./redemptions/redemptions.handlers.js";

export function registerFeatureRoutes(app: AppRouter) {
  void app;
  registerEventRoutes(app);
  registerStorefrontRoutes(app);
  registerCheckoutRedemptionRoutes(app);
  registerRedemptionRoutes(app);
}
