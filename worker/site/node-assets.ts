/**
 * What the Node entry serves itself: the widget and its locale modules, built from widget/src on first
 * request (esbuild, in-process), and the docs viewer's files read from node_modules/swagger-ui-dist.
 */
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AppConfig } from "../lib/config.js";
import { DOCS_FILES } from "./docs.js";

type HostAssets = NonNullable<AppConfig["assets"]>;

export function nodeSiteAssets(demoHtml: () => Promise<string>): HostAssets {
  const builder = () => import("../../scripts/build-widget.js");
  let widget: Promise<string> | undefined;
  const docsDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const localesDir = fileURLToPath(new URL("../../widget/src/locales/", import.meta.url));
  return {
    widgetJs: () => (widget ??= builder().then((m) => m.buildWidget()).then((b) => b.js)),
    widgetLocaleJs: async (lang) => (await builder()).buildWidgetLocale(lang),
    widgetLocales: readdirSync(localesDir).filter((f) => /^[a-z]{2,3}\.ts$/.test(f)).map((f) => f.slice(0, -3)),
    docsFile: async (name) => (name in DOCS_FILES ? new Uint8Array(await readFile(join(docsDir, name))) : undefined),
    demoHtml,
  };
}
