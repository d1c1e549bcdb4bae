import { requireSecret } from "../../lib/auth.js";
import { requestDeps } from "../../lib/deps.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { listReviews } from "../../services/reviews.js";
import type * as routes from "./reviews.routes.js";

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await listReviews(requestDeps(c), seller, c.req.valid("query")), 200);
};
