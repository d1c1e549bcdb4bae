/**
 * `dist/widget.js` is imported by the Workers entry as a Text module (wrangler.toml `[[rules]]`): its default
 * export is the bundle's source. Declared here so type checking passes whether or not it has been built.
 */
declare module "*/dist/widget.js" {
  const source: string;
  export default source;
}

/** The modules beside the widget (`dist/widget-<module>.js`), imported as text the same way. */
declare module "*/dist/widget-coupon-summary.js" {
  const source: string;
  export default source;
}
declare module "*/dist/widget-locales-de.js" {
  const source: string;
  export default source;
}

/** The seller console's page (`dist/console.html`), imported as text the same way. */
declare module "*/dist/console.html" {
  const html: string;
  export default html;
}
