/**
 * The widget for bundlers: the components (importing this defines `<promo-code-field>`, `<coupon-list>`
 * and `<coupon-summary>`), their types, the strings table and the money helpers.
 */
export * from "./core.js";
export * from "./coupon-summary.js";
