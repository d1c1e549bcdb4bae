/**
 * What the Node entry serves itself: the widget and the modules beside it, and the seller console, built
 * from widget/src and console/src on first request (esbuild, in-process), and the docs viewer's files
 * read from node_modules/swagger-ui-dist.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { WIDGET_MODULES } from "../../scripts/widget-modules.js";
import type { AppConfig } from "../lib/config.js";
import { DOCS_FILES } from "./docs.js";

type HostAssets = NonNullable<AppConfig["assets"]>;

export function nodeSiteAssets(demoHtml: () => Promise<string>): HostAssets {
  const builder = () => import("../../scripts/build-widget.js");
  let widget: Promise<string> | undefined;
  const docsDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  return {
    widgetJs: () =>
      (widget ??= builder()
        .then((m) => m.buildWidget())
        .then((b) => b.js)),
    widgetModuleJs: async (name) => (await builder()).buildWidgetModule(name),
    widgetModules: WIDGET_MODULES,
    docsFile: async (name) => (name in DOCS_FILES ? new Uint8Array(await readFile(join(docsDir, name))) : undefined),
    console: () => import("../../scripts/build-console.js").then((m) => m.buildConsole()),
    demoHtml,
  };
}
