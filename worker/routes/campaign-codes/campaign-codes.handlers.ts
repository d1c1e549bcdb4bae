import { CampaignCodeSchema, type CampaignCodesInput } from "../../contract/campaign-codes.js";
import { requireSecret, withCaller } from "../../lib/auth.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { importCampaignCodes, listCampaignCodes } from "../../services/campaign-codes.js";
import { sellerList } from "../csv.js";
import type * as routes from "./campaign-codes.routes.js";

export const list: AppRouteHandler<typeof routes.list> = keyCheckedInBatch(async (c) => {
  const id = c.req.valid("param").id;
  const csv = { name: `codes-${id}`, item: CampaignCodeSchema };
  const out = await sellerList(c, csv, c.req.valid("query"), (deps, seller, q: CampaignCodesInput) =>
    listCampaignCodes(deps, seller, id, q),
  );
  return out.csv ?? c.json(out.json, 200);
});

export const add: AppRouteHandler<typeof routes.add> = keyCheckedInBatch(async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  return c.json(await withCaller(c, requireSecret, (seller, deps) => importCampaignCodes(deps, seller, id, body)), 200);
});
