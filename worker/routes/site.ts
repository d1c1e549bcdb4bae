/** Routes without auth: health. The pages, the widget files and the demo are in worker/site/. */
import type { AppRouter } from "../lib/router.js";

export function registerSiteRoutes(app: AppRouter) {
  app.get("/health", (c) => c.json({ ok: true }, 200));
}
