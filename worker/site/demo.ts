/**
 * `/demo`: the demo storefront page the host provides (Node fills in the demo shop's keys), with every
 * reference to `/widget.js` and to `/widget/coupon-summary.js` turned into the content-hashed name, so
 * the browser keeps them for a year and asks again only after a new build (and the hashed summary module
 * imports the very widget the page loads). The page carries a buyer token: it is never stored.
 */
import type { Context } from "hono";
import { ApiError } from "../lib/problem.js";
import { hashedModulePath, hashedWidgetPath } from "./widget.js";

export async function serveDemo(c: Context): Promise<Response> {
  const config = c.get("config");
  const load = config.assets?.demoHtml;
  if (!load) throw new ApiError(404, "route_not_found", "This deployment serves no demo page.");
  let page = await load();
  const widget = await hashedWidgetPath(config);
  const summary = await hashedModulePath(config, "coupon-summary");
  if (widget) page = page.replaceAll('"/widget.js"', `"${widget}"`);
  if (summary) page = page.replaceAll('"/widget/coupon-summary.js"', `"${summary}"`);
  return c.html(page, 200, { "Cache-Control": "no-store" });
}
