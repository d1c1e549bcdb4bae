import { requireSecret, withCaller } from "../../lib/auth.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { processEvent } from "../../services/events.js";
import type * as routes from "./events.routes.js";

export const post: AppRouteHandler<typeof routes.post> = keyCheckedInBatch(async (c) => {
  const body = c.req.valid("json");
  return c.json(await withCaller(c, requireSecret, (seller, deps) => processEvent(deps, seller, body)), 200);
});
