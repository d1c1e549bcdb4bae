/** Routes without auth: health, the widget bundle, and the demo storefront page. */
import { ApiError } from "../lib/problem.js";
import type { AppRouter } from "../lib/router.js";

export function registerSiteRoutes(app: AppRouter) {
  app.get("/health", (c) => c.json({ ok: true }, 200));

  app.get("/widget.js", async (c) => {
    const load = c.get("config").assets?.widgetJs;
    if (!load) throw new ApiError(404, "route_not_found", "This deployment serves no widget bundle.");
    return c.body(await load(), 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    });
  });

  app.get("/demo", async (c) => {
    const load = c.get("config").assets?.demoHtml;
    if (!load) throw new ApiError(404, "route_not_found", "This deployment serves no demo page.");
    return c.html(await load());
  });
}
