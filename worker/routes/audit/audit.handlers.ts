import { ShopAuditEntrySchema } from "../../contract/audit.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { listShopLog } from "../../services/seller-lists.js";
import { sellerList } from "../csv.js";
import type * as routes from "./audit.routes.js";

export const list: AppRouteHandler<typeof routes.list> = keyCheckedInBatch(async (c) => {
  const out = await sellerList(c, { name: "audit", item: ShopAuditEntrySchema }, c.req.valid("query"), listShopLog);
  return out.csv ?? c.json(out.json, 200);
});
