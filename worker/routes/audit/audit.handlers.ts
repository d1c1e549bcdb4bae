import { ShopAuditEntrySchema, type AuditListInput } from "../../contract/audit.js";
import { requireSecret } from "../../lib/auth.js";
import { requestDeps } from "../../lib/deps.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { listShopLog } from "../../services/seller-lists.js";
import { csvList, wantsCsv } from "../csv.js";
import type * as routes from "./audit.routes.js";

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const seller = requireSecret(c);
  const deps = requestDeps(c);
  const page = (q: AuditListInput) => listShopLog(deps, seller, q);
  if (wantsCsv(c.req.header("accept"))) return csvList("audit", ShopAuditEntrySchema, c.req.valid("query"), page);
  return c.json(await page(c.req.valid("query")), 200);
};
