/**
 * What `/widget.js` carries: the two components widget/README.md promises (importing this defines `<promo-code-field>`
 * and `<coupon-list>`), their types, the shared base class, the strings table and the money helpers.
 * `<coupon-summary>` is served beside it as its own module; `index.ts` (for bundlers) adds it.
 */
export * from "./promo-code-field.js";
export * from "./coupon-list.js";
export { WidgetElement } from "./base.js";
export type * from "./api.js";
export { en, locales, resolveStrings, type ReasonCode, type StringsOverride, type WidgetStrings } from "./strings.js";
export { formatMoney } from "./money.js";
