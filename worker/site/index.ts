/**
 * The site around the API, without auth: `/`, `/docs`, the favicon, the widget files, `/demo` and the
 * seller console's page and scripts.
 * Mounted by `createApp` with `app.route("/", siteRoutes)`; `pageSecurity` runs on its `HTML_PAGES`.
 */
import { Hono } from "hono";
import type { AppEnv } from "../lib/context.js";
import { DOCS_ASSETS, serveDocsFile, serveDocsPage } from "./docs.js";
import { serveConsolePage, serveConsoleScript } from "./console.js";
import { serveDemo } from "./demo.js";
import { serveFavicon, serveIndex } from "./pages.js";
import { serveWidget, serveWidgetManifest, serveWidgetModule } from "./widget.js";

export { HTML_PAGES, pageSecurity } from "./security-headers.js";

export const siteRoutes = new Hono<AppEnv>()
  .get("/", serveIndex)
  .get("/favicon.svg", serveFavicon)
  .get("/favicon.ico", serveFavicon)
  .get("/docs", serveDocsPage)
  .get(`${DOCS_ASSETS}/:name`, (c) => serveDocsFile(c, c.req.param("name")))
  .get("/widget.js", (c) => serveWidget(c))
  .get("/:file{widget\\.[0-9a-f]{10}\\.js}", (c) => serveWidget(c, c.req.param("file").slice(7, 17)))
  .get("/widget/manifest.json", serveWidgetManifest)
  .get("/widget/locales/:file", (c) => serveWidgetModule(c, "locales/", c.req.param("file")))
  .get("/widget/:file{[a-z][a-z0-9.-]*\\.js}", (c) => serveWidgetModule(c, "", c.req.param("file")))
  .get("/demo", serveDemo)
  .get("/console", serveConsolePage)
  .get("/console/", (c) => c.redirect("/console", 301))
  .get("/console/assets/:name", (c) => serveConsoleScript(c, c.req.param("name")));
