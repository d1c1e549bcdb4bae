import { RedemptionSchema, type RedemptionOut } from "../../contract/redemptions.js";
import { requireSecret, resolveBuyer, withCaller } from "../../lib/auth.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { commitRedemption, getRedemption, releaseRedemption, reserveForOrder } from "../../services/redemptions.js";
import { listRedemptions } from "../../services/seller-lists.js";
import { sellerList } from "../csv.js";
import type * as routes from "./redemptions.routes.js";

export const reserve: AppRouteHandler<typeof routes.reserve> = keyCheckedInBatch(async (c) => {
  const body = c.req.valid("json");
  const key = c.req.valid("header")["idempotency-key"];
  const answer = await withCaller(c, requireSecret, async (seller, deps) =>
    reserveForOrder(deps, seller, body, await resolveBuyer(c, seller, body.buyer_id), key),
  );
  // Refusals (stored or fresh) are thrown as problems; what comes back is the 201. A fresh one is sent
  // as the very text that was stored for its key, written once.
  const created = (b: unknown) => c.json(b as { redemption: RedemptionOut }, 201);
  if (answer.json !== undefined)
    return c.body(answer.json, 201, { "Content-Type": "application/json" }) as unknown as ReturnType<typeof created>;
  return created(answer.body);
});

export const read: AppRouteHandler<typeof routes.read> = keyCheckedInBatch(async (c) => {
  const id = c.req.valid("param").id;
  return c.json(await withCaller(c, requireSecret, (seller, deps) => getRedemption(deps, seller, id)), 200);
});

export const commit: AppRouteHandler<typeof routes.commit> = keyCheckedInBatch(async (c) => {
  const id = c.req.valid("param").id;
  return c.json(await withCaller(c, requireSecret, (seller, deps) => commitRedemption(deps, seller, id)), 200);
});

export const release: AppRouteHandler<typeof routes.release> = keyCheckedInBatch(async (c) => {
  const id = c.req.valid("param").id;
  return c.json(await withCaller(c, requireSecret, (seller, deps) => releaseRedemption(deps, seller, id)), 200);
});

export const list: AppRouteHandler<typeof routes.list> = keyCheckedInBatch(async (c) => {
  const out = await sellerList(c, { name: "redemptions", item: RedemptionSchema }, c.req.valid("query"), listRedemptions);
  return out.csv ?? c.json(out.json, 200);
});
