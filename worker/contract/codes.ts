/**
 * Every `code` the API sends, in one place: the reason codes (why a coupon does not apply, in a quote's
 * `reasons[].code`, a refused claim's or redemption's 409, a storefront entry's `reason`), and the other
 * problem codes of 4xx/5xx answers. The engine's `ReasonCode`, `ApiError`'s `code` and the OpenAPI
 * document's enums (`ReasonCode`, `ProblemCode`) are all built from these lists, so a code cannot be sent
 * that the document does not name. Plain data (no zod), so the pure engine can use it too.
 */

/** Why a coupon does not apply (or cannot be claimed). Each has its words in worker/engine/reasons.ts and the widget's strings. */
export const REASON_CODES = [
  "code_not_found",
  "not_started",
  "expired",
  "deactivated",
  "min_spend_not_met",
  "audience_mismatch",
  "not_a_follower",
  "no_items_in_scope",
  "quantity_exhausted",
  "per_customer_limit_reached",
  "already_claimed",
  "not_claimed",
  "claim_expired",
  "not_sent_to_buyer",
  "currency_mismatch",
  "buyer_required",
  "one_seller_coupon_per_order",
  "budget_exhausted",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** The codes of problems that are not a coupon's reason. */
export const OTHER_PROBLEM_CODES = [
  // 401, 403: who is calling
  "unauthorized",
  "invalid_buyer_token",
  "forbidden",
  "session_expired",
  "cross_origin_refused",
  "live_shop",
  // 404
  "not_found",
  "route_not_found",
  // 409: rules of coupons, keys and redemptions
  "name_taken",
  "new_customer_coupon_overlap",
  "review_coupon_overlap",
  "promo_code_taken",
  "code_not_allowed",
  "edit_not_allowed",
  "concurrent_update",
  "not_a_chat_coupon",
  "last_secret_key",
  "no_applicable_coupon",
  "order_buyer_mismatch",
  "redemption_released",
  "redemption_committed",
  "not_a_campaign",
  "code_space_exhausted",
  "too_many_endpoints",
  // 412, 413, 415, 422: the request itself
  "version_mismatch",
  "body_too_large",
  "unsupported_media_type",
  "validation_failed",
  "malformed_json",
  "idempotency_key_reused",
  "occurred_in_future",
  "url_not_allowed",
  "http_error",
  // 429
  "rate_limited",
  // 500
  "internal_error",
  "misconfigured",
] as const;

export const PROBLEM_CODES = [...REASON_CODES, ...OTHER_PROBLEM_CODES] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
