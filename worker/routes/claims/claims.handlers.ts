import { ClaimSchema } from "../../contract/storefront.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { listClaims } from "../../services/seller-lists.js";
import { sellerList } from "../csv.js";
import type * as routes from "./claims.routes.js";

export const list: AppRouteHandler<typeof routes.list> = keyCheckedInBatch(async (c) => {
  const out = await sellerList(c, { name: "claims", item: ClaimSchema }, c.req.valid("query"), listClaims);
  return out.csv ?? c.json(out.json, 200);
});
