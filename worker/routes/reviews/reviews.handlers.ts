import { ReviewSchema } from "../../contract/reviews.js";
import { requireSecret, withCaller } from "../../lib/auth.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { listReviews } from "../../services/reviews.js";
import { checkedCsvList, wantsCsv } from "../csv.js";
import type * as routes from "./reviews.routes.js";

export const list: AppRouteHandler<typeof routes.list> = keyCheckedInBatch(async (c) => {
  const q = c.req.valid("query");
  if (wantsCsv(c.req.header("accept"))) return checkedCsvList(c, "reviews", ReviewSchema, q, listReviews);
  return c.json(await withCaller(c, requireSecret, (seller, deps) => listReviews(deps, seller, q)), 200);
});
