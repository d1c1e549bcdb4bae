import { requireSecret, requireShopKey, withCaller } from "../../lib/auth.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { codeAvailability } from "../../services/promo-code-availability.js";
import { lookupPromoCode } from "../../services/promo-code-lookup.js";
import type * as routes from "./promo-codes.routes.js";

export const lookup: AppRouteHandler<typeof routes.lookup> = keyCheckedInBatch(async (c) => {
  const code = c.req.valid("param").code;
  return c.json(await withCaller(c, requireShopKey, (caller, deps) => lookupPromoCode(deps, caller, code)), 200);
});

export const availability: AppRouteHandler<typeof routes.availability> = keyCheckedInBatch(async (c) => {
  const suffix = c.req.valid("query").code;
  return c.json(await withCaller(c, requireSecret, (seller, deps) => codeAvailability(deps, seller, suffix)), 200);
});
