/**
 * The widget for bundlers: the components (importing this defines `<promo-code-field>`, `<coupon-list>`
 * and `<coupon-summary>`), their types, the strings table and the money helpers.
 */
export * from "./promo-code-field.js";
export * from "./coupon-list.js";
export * from "./coupon-summary.js";
export { WidgetElement } from "./base.js";
export type * from "./api.js";
export { en, locales, resolveStrings, type ReasonCode, type StringsOverride, type WidgetStrings } from "./strings.js";
export { formatMoney } from "./money.js";
