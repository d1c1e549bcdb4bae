import { requireShopKey, resolveBuyer, withCaller } from "../../lib/auth.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { claimCoupon, storefrontCoupons, walletOf } from "../../services/claims.js";
import type * as routes from "./storefront.routes.js";

export const list: AppRouteHandler<typeof routes.list> = keyCheckedInBatch(async (c) => {
  const q = c.req.valid("query");
  const answer = await withCaller(c, requireShopKey, async (caller, deps) =>
    storefrontCoupons(deps, caller, await resolveBuyer(c, caller, q.buyer_id), q),
  );
  return c.json(answer, 200);
});

export const claim: AppRouteHandler<typeof routes.claim> = keyCheckedInBatch(async (c) => {
  const id = c.req.valid("param").id;
  const body = c.req.valid("json");
  const answer = await withCaller(c, requireShopKey, async (caller, deps) =>
    claimCoupon(deps, caller, id, await resolveBuyer(c, caller, body.buyer_id)),
  );
  return c.json(answer, 201);
});

export const wallet: AppRouteHandler<typeof routes.wallet> = keyCheckedInBatch(async (c) => {
  const q = c.req.valid("query");
  const answer = await withCaller(c, requireShopKey, async (caller, deps) =>
    walletOf(deps, caller, await resolveBuyer(c, caller, q.buyer_id)),
  );
  return c.json(answer, 200);
});
