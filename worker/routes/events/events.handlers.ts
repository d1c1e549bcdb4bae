import { requireSecret } from "../../lib/auth.js";
import { requestDeps } from "../../lib/deps.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { processEvent } from "../../services/events.js";
import type * as routes from "./events.routes.js";

export const post: AppRouteHandler<typeof routes.post> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await processEvent(requestDeps(c), seller, c.req.valid("json")), 200);
};
