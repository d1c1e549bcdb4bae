/**
 * The widget as served: `/widget.js` and `/widget/locales/<lang>.js` under plain names (five minutes, then
 * revalidated by ETag), and the same files under content-hashed names (`/widget.<hash>.js`,
 * `/widget/locales/<lang>.<hash>.js`, cached for a year) for pages that can name the exact build.
 * A locale module imports the widget relatively, plain from plain and hashed from hashed, so a page never
 * loads two copies of the widget (two module URLs would be two modules).
 */
import type { Context } from "hono";
import type { AppConfig } from "../lib/config.js";
import { ApiError } from "../lib/problem.js";
import { IMMUTABLE, lazy, makeAsset, sendAsset, SHORT, type StaticAsset } from "./assets.js";

const JS = "text/javascript; charset=utf-8";
/** Storefronts load the widget from their own origin, as a module script (which needs CORS). */
const CROSS_ORIGIN = { "Access-Control-Allow-Origin": "*", "Cross-Origin-Resource-Policy": "cross-origin" };
const PLAIN_IMPORT = "../../widget.js";

interface LocaleAssets {
  plain: StaticAsset;
  hashed: StaticAsset;
}

interface WidgetAssets {
  widget: () => Promise<StaticAsset>;
  locale: (lang: string) => Promise<LocaleAssets | undefined>;
}

// Per host assets object (one per app), so tests building several apps never share a build.
const byHost = new WeakMap<object, WidgetAssets>();

function widgetAssets(config: AppConfig): WidgetAssets | undefined {
  const host = config.assets;
  const load = host?.widgetJs;
  if (!host || !load) return undefined;
  let made = byHost.get(host);
  if (made) return made;
  const widget = lazy(async () => makeAsset(await load(), JS));
  const locales = new Map<string, () => Promise<LocaleAssets | undefined>>();
  made = {
    widget,
    locale(lang) {
      let entry = locales.get(lang);
      if (!entry) {
        entry = lazy(async (): Promise<LocaleAssets | undefined> => {
          const source = await host.widgetLocaleJs?.(lang);
          if (source === undefined) return undefined;
          if (!source.includes(`"${PLAIN_IMPORT}"`)) throw new Error(`locale module ${lang} does not import ${PLAIN_IMPORT}`);
          const w = await widget();
          const hashedSource = source.replaceAll(`"${PLAIN_IMPORT}"`, `"../../widget.${w.hash}.js"`);
          return { plain: await makeAsset(source, JS), hashed: await makeAsset(hashedSource, JS) };
        });
        locales.set(lang, entry);
      }
      return entry();
    },
  };
  byHost.set(host, made);
  return made;
}

function noWidget(): never {
  throw new ApiError(404, "route_not_found", "This deployment serves no widget bundle.");
}

/** The widget's content-hashed URL path (e.g. `/widget.3f2a9c01de.js`), for pages that reference it. */
export async function hashedWidgetPath(config: AppConfig): Promise<string | undefined> {
  const assets = widgetAssets(config);
  return assets && `/widget.${(await assets.widget()).hash}.js`;
}

/** `GET /widget.js` and `GET /widget.<hash>.js`. */
export async function serveWidget(c: Context, hash?: string): Promise<Response> {
  const assets = widgetAssets(c.get("config")) ?? noWidget();
  const asset = await assets.widget();
  if (hash === undefined) return sendAsset(c, asset, SHORT, CROSS_ORIGIN);
  if (hash !== asset.hash) throw new ApiError(404, "route_not_found", `No widget build ${hash}: the current one is /widget.${asset.hash}.js.`);
  return sendAsset(c, asset, IMMUTABLE, CROSS_ORIGIN);
}

/** `GET /widget/locales/<lang>.js` and `GET /widget/locales/<lang>.<hash>.js`. */
export async function serveWidgetLocale(c: Context, file: string): Promise<Response> {
  const m = /^([a-z]{2,3})(?:\.([0-9a-f]{10}))?\.js$/.exec(file);
  const assets = widgetAssets(c.get("config")) ?? noWidget();
  const found = m ? await assets.locale(m[1]) : undefined;
  if (!m || !found) throw new ApiError(404, "route_not_found", `No widget locale module ${file}.`);
  if (m[2] === undefined) return sendAsset(c, found.plain, SHORT, CROSS_ORIGIN);
  if (m[2] !== found.hashed.hash) throw new ApiError(404, "route_not_found", `No build ${m[2]} of the ${m[1]} locale module.`);
  return sendAsset(c, found.hashed, IMMUTABLE, CROSS_ORIGIN);
}

/** The hashed path of a locale module, for pages that reference it. */
export async function hashedLocalePath(config: AppConfig, lang: string): Promise<string | undefined> {
  const found = await widgetAssets(config)?.locale(lang);
  return found && `/widget/locales/${lang}.${found.hashed.hash}.js`;
}

/**
 * `GET /widget/manifest.json`: the current content-hashed names, `{widget, locales: {<lang>: path}}`, for a
 * page that wants the year-long cache and must import a locale module of the very same build (a plain
 * `/widget/locales/de.js` imports the plain `/widget.js`, which would be a second copy of the widget).
 */
export async function serveWidgetManifest(c: Context): Promise<Response> {
  const config = c.get("config");
  const widget = (await hashedWidgetPath(config)) ?? noWidget();
  const locales: Record<string, string> = {};
  for (const lang of config.assets?.widgetLocales ?? []) {
    const path = await hashedLocalePath(config, lang);
    if (path) locales[lang] = path;
  }
  return c.json({ widget, locales }, 200, { "Cache-Control": SHORT, ...CROSS_ORIGIN });
}
