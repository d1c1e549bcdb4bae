import { CampaignCodeSchema, type CampaignCodesInput } from "../../contract/campaign-codes.js";
import { requireSecret } from "../../lib/auth.js";
import { requestDeps } from "../../lib/deps.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { importCampaignCodes, listCampaignCodes } from "../../services/campaign-codes.js";
import { csvList, wantsCsv } from "../csv.js";
import type * as routes from "./campaign-codes.routes.js";

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const seller = requireSecret(c);
  const deps = requestDeps(c);
  const id = c.req.valid("param").id;
  const page = (q: CampaignCodesInput) => listCampaignCodes(deps, seller, id, q);
  if (wantsCsv(c.req.header("accept"))) return csvList(`codes-${id}`, CampaignCodeSchema, c.req.valid("query"), page);
  return c.json(await page(c.req.valid("query")), 200);
};

export const add: AppRouteHandler<typeof routes.add> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await importCampaignCodes(requestDeps(c), seller, c.req.valid("param").id, c.req.valid("json")), 200);
};
