import { requireShopKey, resolveBuyer } from "../../lib/auth.js";
import { requestDeps } from "../../lib/deps.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { quoteCart } from "../../services/quote.js";
import type * as routes from "./checkout.routes.js";

export const quote: AppRouteHandler<typeof routes.quote> = async (c) => {
  const caller = requireShopKey(c);
  const body = c.req.valid("json");
  const buyerId = await resolveBuyer(c, caller, body.buyer_id);
  return c.json(await quoteCart(requestDeps(c), caller, { ...body, buyer_id: buyerId }), 200);
};
