import { ClaimSchema } from "../../contract/storefront.js";
import { requireSecret, withCaller } from "../../lib/auth.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { listClaims } from "../../services/seller-lists.js";
import { checkedCsvList, wantsCsv } from "../csv.js";
import type * as routes from "./claims.routes.js";

export const list: AppRouteHandler<typeof routes.list> = keyCheckedInBatch(async (c) => {
  const q = c.req.valid("query");
  if (wantsCsv(c.req.header("accept"))) return checkedCsvList(c, "claims", ClaimSchema, q, listClaims);
  return c.json(await withCaller(c, requireSecret, (seller, deps) => listClaims(deps, seller, q)), 200);
});
