import { requireShopKey, withCaller } from "../../lib/auth.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { lookupPromoCode } from "../../services/promo-code-lookup.js";
import type * as routes from "./promo-codes.routes.js";

export const lookup: AppRouteHandler<typeof routes.lookup> = keyCheckedInBatch(async (c) => {
  const code = c.req.valid("param").code;
  return c.json(await withCaller(c, requireShopKey, (caller, deps) => lookupPromoCode(deps, caller, code)), 200);
});
