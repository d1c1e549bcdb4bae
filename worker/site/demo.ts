/**
 * `/demo`: the demo storefront page the host provides (Node fills in the demo shop's keys), with every
 * reference to `/widget.js` turned into the content-hashed name, so the browser keeps the widget for a
 * year and asks again only after a new build. The page carries a buyer token: it is never stored.
 */
import type { Context } from "hono";
import { ApiError } from "../lib/problem.js";
import { hashedWidgetPath } from "./widget.js";

export async function serveDemo(c: Context): Promise<Response> {
  const config = c.get("config");
  const load = config.assets?.demoHtml;
  if (!load) throw new ApiError(404, "route_not_found", "This deployment serves no demo page.");
  const html = await load();
  const widget = await hashedWidgetPath(config);
  const page = widget ? html.replaceAll('"/widget.js"', `"${widget}"`) : html;
  return c.html(page, 200, { "Cache-Control": "no-store" });
}
