/** Public API of the pure discount engine (no IO, no clock reads: `now` is always passed in). */
export * from "./types";
export { spreadDiscount, formatMoney, currencyExponent, mulDivFloor, assertMinor } from "./money";
export { reason, type ReasonParams } from "./reasons";
export { computeDiscount, computeDiscountCore, cartSubtotal, lineValue, type DiscountResult, type DiscountTerms } from "./discount";
export { couponStatus, couponWindow, windowStatus } from "./status";
export { evaluateQuote } from "./quote";
