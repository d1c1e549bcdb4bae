/**
 * `dist/widget.js` is imported by the Workers entry as a Text module (wrangler.toml `[[rules]]`): its default
 * export is the bundle's source. Declared here so type checking passes whether or not it has been built.
 */
declare module "*/dist/widget.js" {
  const source: string;
  export default source;
}

/** A locale module of the widget (`dist/widget-locale-<lang>.js`), imported as text the same way. */
declare module "*/dist/widget-locale-de.js" {
  const source: string;
  export default source;
}
