/** Public API of the pure discount engine (no IO, no clock reads: `now` is always passed in). */
export * from "./types";
export { spreadDiscount, formatMoney, currencyExponent, mulDivFloor, assertMinor } from "./money";
export { reason, type ReasonParams } from "./reasons";
export {
  computeDiscount,
  computeDiscountCore,
  cartSubtotal,
  lineValue,
  lineValues,
  type DiscountResult,
  type DiscountTerms,
} from "./discount";
export { couponStatus, couponWindow, windowStatus } from "./status";
export { activitySpan, utcDay } from "./activity";
export {
  isNewCustomer,
  isExistingCustomer,
  isRepeatCustomer,
  isFollower,
  isNewFollower,
  matchesAudience,
  isCustomerAudience,
  matchesCustomerAudience,
  REPEAT_WINDOW_MS,
  type CustomerAudience,
} from "./segments";
export { evaluateClaim, claimValidity, claimDisplayState, DAY_MS, type ClaimInput } from "./claim-eligibility";
export {
  codePrefix,
  normalizeCode,
  validateSuffix,
  fullCode,
  splitCode,
  generateSuffix,
  generateAllowedSuffix,
  SUFFIX_ALPHABET,
  PREFIX_LENGTH,
} from "./promo-code";
export {
  codeBlockedWord,
  containsBlockedWord,
  findBlockedWord,
  parseBlockedWord,
  parseBlockedWords,
  DEFAULT_BLOCKED_WORDS,
  BLOCKED_WORD_PATTERN,
  type BlockedPattern,
} from "./text-safety";
export {
  validateCouponRules,
  estimatedSpend,
  checkEdit,
  couponToDraft,
  thresholdsFor,
  DEFAULT_THRESHOLDS,
  type RuleContext,
  CLAIM_WINDOW_MIN_MS,
  CLAIM_WINDOW_MAX_MS,
  PROMO_WINDOW_MIN_MS,
  PROMO_WINDOW_MAX_MS,
  MAX_QUANTITY,
  MAX_SCOPE_PRODUCTS,
  MAX_ORDER_MINOR,
} from "./coupon-rules";
export { windowsOverlap } from "./overlap";
export { promoCodeAvailability } from "./promo-code-availability";
export { countedUses, reservationLapsed, usedUpWhileReserved, type CodeUse } from "./reservations";
export { evaluateQuote } from "./quote";
export {
  reviewVerdict,
  INCENTIVIZED_REVIEW_LABEL,
  REVIEW_MIN_WORDS,
  REVIEW_MIN_MEDIA,
  type ApprovedReview,
  type ReviewVerdict,
} from "./review-qualification";
