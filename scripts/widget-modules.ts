/**
 * The modules served beside `/widget.js`, by their path under `/widget/` without `.js` (and under
 * `widget/src/` without `.ts`): `<coupon-summary>`, which widget/README.md does not promise inside the widget's
 * 12 KB, and each language but English. Its own file, free of esbuild, so the Node entry can list them
 * without loading the builder (`scripts/build-widget.ts`) before the first request for one.
 */
export const WIDGET_MODULES = ["coupon-summary", "locales/de"];
