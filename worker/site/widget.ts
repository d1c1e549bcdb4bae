/**
 * The widget as served: `/widget.js` and the modules beside it (`/widget/coupon-summary.js`,
 * `/widget/locales/<lang>.js`) under plain names (five minutes, then revalidated by ETag), and the same
 * files under content-hashed names (`/widget.<hash>.js`, `/widget/coupon-summary.<hash>.js`,
 * `/widget/locales/<lang>.<hash>.js`, cached for a year) for pages that can name the exact build.
 * A module beside the widget imports it relatively (Lit and the strings table come from it), plain from
 * plain and hashed from hashed, so a page never loads two copies of the widget (two module URLs would be
 * two modules, and two Lits).
 */
import type { Context } from "hono";
import type { AppConfig } from "../lib/config.js";
import { ApiError } from "../lib/problem.js";
import { IMMUTABLE, lazy, makeAsset, sendAsset, SHORT, type StaticAsset } from "./assets.js";

const JS = "text/javascript; charset=utf-8";
/** Storefronts load the widget from their own origin, as a module script (which needs CORS). */
const CROSS_ORIGIN = { "Access-Control-Allow-Origin": "*", "Cross-Origin-Resource-Policy": "cross-origin" };

/** A module beside the widget, under its plain and its content-hashed name. */
interface ModuleAssets {
  plain: StaticAsset;
  hashed: StaticAsset;
}

interface WidgetAssets {
  widget: () => Promise<StaticAsset>;
  /** By its path under `/widget/` without `.js`: `coupon-summary`, `locales/de`. */
  module: (name: string) => Promise<ModuleAssets | undefined>;
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
  const modules = new Map<string, () => Promise<ModuleAssets | undefined>>();
  made = {
    widget,
    module(name) {
      let entry = modules.get(name);
      if (!entry) {
        entry = lazy(async (): Promise<ModuleAssets | undefined> => {
          const source = await host.widgetModuleJs?.(name);
          if (source === undefined) return undefined;
          // `/widget/<name>.js` imports `../widget.js`, `/widget/locales/<lang>.js` imports `../../widget.js`.
          const up = "../".repeat(name.split("/").length);
          if (!source.includes(`"${up}widget.js"`)) throw new Error(`widget module ${name} does not import ${up}widget.js`);
          const w = await widget();
          const hashedSource = source.replaceAll(`"${up}widget.js"`, `"${up}widget.${w.hash}.js"`);
          return { plain: await makeAsset(source, JS), hashed: await makeAsset(hashedSource, JS) };
        });
        modules.set(name, entry);
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
  if (hash !== asset.hash)
    throw new ApiError(404, "route_not_found", `No widget build ${hash}: the current one is /widget.${asset.hash}.js.`);
  return sendAsset(c, asset, IMMUTABLE, CROSS_ORIGIN);
}

/**
 * `GET /widget/<dir><name>.js` and `GET /widget/<dir><name>.<hash>.js`: a component module (`dir` empty)
 * or a locale module (`dir` is `locales/`).
 */
export async function serveWidgetModule(c: Context, dir: "" | "locales/", file: string): Promise<Response> {
  const m = /^([a-z]+(?:-[a-z]+)*)(?:\.([0-9a-f]{10}))?\.js$/.exec(file);
  const assets = widgetAssets(c.get("config")) ?? noWidget();
  const found = m ? await assets.module(dir + m[1]) : undefined;
  if (!m || !found) throw new ApiError(404, "route_not_found", `No widget module /widget/${dir}${file}.`);
  if (m[2] === undefined) return sendAsset(c, found.plain, SHORT, CROSS_ORIGIN);
  if (m[2] !== found.hashed.hash) throw new ApiError(404, "route_not_found", `No build ${m[2]} of /widget/${dir}${m[1]}.js.`);
  return sendAsset(c, found.hashed, IMMUTABLE, CROSS_ORIGIN);
}

/** The hashed path of a module beside the widget (`coupon-summary`, `locales/de`), for pages that reference it. */
export async function hashedModulePath(config: AppConfig, name: string): Promise<string | undefined> {
  const found = await widgetAssets(config)?.module(name);
  return found && `/widget/${name}.${found.hashed.hash}.js`;
}

/**
 * `GET /widget/manifest.json`: the current content-hashed names,
 * `{widget, components: {<tag>: path}, locales: {<lang>: path}}`, for a page that wants the year-long
 * cache and must import the modules of the very same build (a plain `/widget/locales/de.js` imports the
 * plain `/widget.js`, which beside `/widget.<hash>.js` would be a second copy of the widget).
 */
export async function serveWidgetManifest(c: Context): Promise<Response> {
  const config = c.get("config");
  const widget = (await hashedWidgetPath(config)) ?? noWidget();
  const components: Record<string, string> = {};
  const locales: Record<string, string> = {};
  for (const name of config.assets?.widgetModules ?? []) {
    const path = await hashedModulePath(config, name);
    if (!path) continue;
    if (name.startsWith("locales/")) locales[name.slice("locales/".length)] = path;
    else components[name] = path;
  }
  return c.json({ widget, components, locales }, 200, { "Cache-Control": SHORT, ...CROSS_ORIGIN });
}
