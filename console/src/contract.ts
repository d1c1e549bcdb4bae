/**
 * The API's own types for the console, imported from the zod contract (type-only: erased from the
 * bundle); the calls themselves are typed by `hc<AppType>` (api.ts). Routes of "Seller tools" that are
 * not in the contract yet are typed in the `pending` part below, each to be replaced by an import once
 * its route lands.
 */
import type { z } from "@hono/zod-openapi";
import type { AuditEntrySchema, CouponSchema, CreateCouponBody, DuplicateCouponBody, UpdateCouponBody } from "../../worker/contract/coupons.js";
import type { PerformanceSchema } from "../../worker/contract/performance.js";
import type { QuoteBody, QuoteSchema } from "../../worker/contract/checkout.js";
import type { ShopSchema } from "../../worker/contract/shops.js";
import type { ReviewSchema } from "../../worker/contract/reviews.js";
import type { ApiKeySchema } from "../../worker/contract/keys.js";
import type { Problem, FieldError } from "../../worker/lib/problem.js";
import type { ReasonCode } from "../../worker/engine/types.js";

export type Coupon = z.infer<typeof CouponSchema>;
export type CouponType = Coupon["type"];
export type CouponStatus = Coupon["status"];
export type Discount = Coupon["discount"];
export type CreateBody = z.input<typeof CreateCouponBody>;
export type UpdateBody = z.input<typeof UpdateCouponBody>;
export type DuplicateBody = z.input<typeof DuplicateCouponBody>;
export type AuditEntry = z.infer<typeof AuditEntrySchema> & { coupon_id?: string | null };
export type QuoteRequest = z.input<typeof QuoteBody>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Shop = z.infer<typeof ShopSchema>;
export type ApiKey = z.infer<typeof ApiKeySchema>;
export type Review = z.infer<typeof ReviewSchema>;
export type { Problem, FieldError, ReasonCode };

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

/** The performance answer, and (pending) its daily `series`. */
export type Performance = z.infer<typeof PerformanceSchema> & { series?: SeriesDay[] };

// ---- pending: "Seller tools (v1.1)" routes not yet in the contract (API.md) ----
export interface SeriesDay {
  date: string;
  claims: number;
  redemptions: number;
  buyers: number;
  discount_minor: number;
  gmv_minor: number;
}
export interface Preview {
  coupon: Coupon;
  addons: Coupon[];
  estimated_spend_minor: number | null;
}
export interface Availability {
  code: string;
  available: boolean;
  reason?: "promo_code_taken" | "code_not_allowed" | string;
}
export interface RedemptionRow {
  id: string;
  coupon_id: string;
  state: string;
  order_id: string;
  buyer_id?: string | null;
  code?: string | null;
  discount_minor: number;
  [field: string]: unknown;
}
export interface ClaimRow {
  id: string;
  coupon_id: string;
  buyer_id: string;
  state: string;
  valid_from: string;
  valid_until: string;
  [field: string]: unknown;
}
export interface Recipient {
  buyer_id: string;
  sent_at: string;
  claimed: boolean;
}
