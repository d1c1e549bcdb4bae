import { requireSecret, requireShopKey } from "../../lib/auth.js";
import { requestDeps } from "../../lib/deps.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { codeAvailability } from "../../services/promo-code-availability.js";
import { lookupPromoCode } from "../../services/promo-code-lookup.js";
import type * as routes from "./promo-codes.routes.js";

export const lookup: AppRouteHandler<typeof routes.lookup> = async (c) => {
  const caller = requireShopKey(c);
  return c.json(await lookupPromoCode(requestDeps(c), caller, c.req.valid("param").code), 200);
};

export const availability: AppRouteHandler<typeof routes.availability> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await codeAvailability(requestDeps(c), seller, c.req.valid("query").code), 200);
};
