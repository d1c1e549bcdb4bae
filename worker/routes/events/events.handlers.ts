import { requireSecret, shopNow } from "../../lib/auth.js";
import type { AppRouter } from "../../lib/router.js";
import { processEvent } from "../../services/events.js";
import * as routes from "./events.routes.js";

export function registerEventRoutes(app: AppRouter) {
  app.openapi(routes.postEvent, async (c) => {
    const { shop } = requireSecret(c);
    const result = await processEvent({ db: c.get("db"), shop, now: shopNow(shop, c.get("config").now()), sha256: c.get("config").sha256Hex }, c.req.valid("json"));
    return c.json(result, 200);
  });
}
