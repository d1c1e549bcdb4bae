import { requireShopKey, resolveBuyer } from "../../lib/auth.js";
import { requestDeps } from "../../lib/deps.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { claimCoupon, storefrontCoupons, walletOf } from "../../services/claims.js";
import type * as routes from "./storefront.routes.js";

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const caller = requireShopKey(c);
  const q = c.req.valid("query");
  const buyerId = await resolveBuyer(c, caller, q.buyer_id);
  return c.json(await storefrontCoupons(requestDeps(c), caller, buyerId, q), 200);
};

export const claim: AppRouteHandler<typeof routes.claim> = async (c) => {
  const caller = requireShopKey(c);
  const buyerId = await resolveBuyer(c, caller, c.req.valid("json").buyer_id);
  return c.json(await claimCoupon(requestDeps(c), caller, c.req.valid("param").id, buyerId), 201);
};

export const wallet: AppRouteHandler<typeof routes.wallet> = async (c) => {
  const caller = requireShopKey(c);
  const buyerId = await resolveBuyer(c, caller, c.req.valid("query").buyer_id);
  return c.json(await walletOf(requestDeps(c), caller, buyerId), 200);
};
