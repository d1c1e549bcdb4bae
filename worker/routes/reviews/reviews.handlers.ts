import { ReviewSchema, type ReviewListInput } from "../../contract/reviews.js";
import { requireSecret } from "../../lib/auth.js";
import { requestDeps } from "../../lib/deps.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { listReviews } from "../../services/reviews.js";
import { csvList, wantsCsv } from "../csv.js";
import type * as routes from "./reviews.routes.js";

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const seller = requireSecret(c);
  const deps = requestDeps(c);
  const page = (q: ReviewListInput) => listReviews(deps, seller, q);
  if (wantsCsv(c.req.header("accept"))) return csvList("reviews", ReviewSchema, c.req.valid("query"), page);
  return c.json(await page(c.req.valid("query")), 200);
};
