/** Routes outside the API contract, without auth: health, the widget bundle, and the demo storefront page. */
import { ApiError } from "../../lib/problem.js";
import { createRouter } from "../../lib/router.js";

export const site = createRouter()
  .get("/health", (c) => c.json({ ok: true }, 200))
  .get("/widget.js", async (c) => {
    const load = c.var.config.assets?.widgetJs;
    if (!load) throw new ApiError(404, "route_not_found", "This deployment serves no widget bundle.");
    return c.body(await load(), 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    });
  })
  .get("/demo", async (c) => {
    const load = c.var.config.assets?.demoHtml;
    if (!load) throw new ApiError(404, "route_not_found", "This deployment serves no demo page.");
    return c.html(await load());
  });
