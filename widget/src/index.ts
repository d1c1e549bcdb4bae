/**
 * The widget for bundlers: both components (importing this defines `<promo-code-field>` and
 * `<coupon-list>`), their types, the strings table and the money helpers.
 */
export * from "./promo-code-field.js";
export * from "./coupon-list.js";
export { WidgetElement } from "./base.js";
export type * from "./api.js";
export { en, locales, resolveStrings, type ReasonCode, type StringsOverride, type WidgetStrings } from "./strings.js";
export { formatMoney } from "./money.js";
