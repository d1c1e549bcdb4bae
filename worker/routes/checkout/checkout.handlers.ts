import { requireShopKey, resolveBuyer, withCaller } from "../../lib/auth.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { quoteCart } from "../../services/quote.js";
import type * as routes from "./checkout.routes.js";

export const quote: AppRouteHandler<typeof routes.quote> = keyCheckedInBatch(async (c) => {
  const body = c.req.valid("json");
  const answer = await withCaller(c, requireShopKey, async (caller, deps) =>
    quoteCart(deps, caller, { ...body, buyer_id: await resolveBuyer(c, caller, body.buyer_id) }),
  );
  return c.json(answer, 200);
});
