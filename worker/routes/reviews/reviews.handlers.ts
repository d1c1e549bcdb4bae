import { ReviewSchema } from "../../contract/reviews.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { listReviews } from "../../services/reviews.js";
import { sellerList } from "../csv.js";
import type * as routes from "./reviews.routes.js";

export const list: AppRouteHandler<typeof routes.list> = keyCheckedInBatch(async (c) => {
  const out = await sellerList(c, { name: "reviews", item: ReviewSchema }, c.req.valid("query"), listReviews);
  return out.csv ?? c.json(out.json, 200);
});
