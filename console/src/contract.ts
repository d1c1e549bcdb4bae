/**
 * The API's own types for the console, imported from the zod contract (type-only: erased from the
 * bundle); the calls themselves are typed by `hc<AppType>` (api.ts).
 */
import type { z } from "@hono/zod-openapi";
import type {
  AuditEntrySchema,
  CouponSchema,
  CreateCouponBody,
  DuplicateCouponBody,
  RecipientSchema,
  UpdateCouponBody,
} from "../../worker/contract/coupons.js";
import type { PerformanceDaySchema, PerformanceSchema } from "../../worker/contract/performance.js";
import type { ShopAuditEntrySchema } from "../../worker/contract/audit.js";
import type { RedemptionListQuery, RedemptionSchema } from "../../worker/contract/redemptions.js";
import type { ClaimListQuery } from "../../worker/contract/claims.js";
import type { ClaimSchema } from "../../worker/contract/storefront.js";
import type { QuoteBody, QuoteSchema } from "../../worker/contract/checkout.js";
import type { RefusalReason } from "../../worker/contract/campaign-codes.js";
import type { ShopSchema, UpdateShopBody } from "../../worker/contract/shops.js";
import type { ReviewSchema } from "../../worker/contract/reviews.js";
import type { ApiKeySchema } from "../../worker/contract/keys.js";
import type { WebhookDeliverySchema, WebhookEndpointSchema, WebhookEventType } from "../../worker/contract/webhooks.js";
import type { Problem, FieldError } from "../../worker/lib/problem.js";
import type { ReasonCode } from "../../worker/engine/types.js";

export type Coupon = z.infer<typeof CouponSchema>;
export type CouponType = Coupon["type"];
export type CouponStatus = Coupon["status"];
export type Discount = Coupon["discount"];
export type CreateBody = z.input<typeof CreateCouponBody>;
export type UpdateBody = z.input<typeof UpdateCouponBody>;
export type DuplicateBody = z.input<typeof DuplicateCouponBody>;
/** A coupon's history entry, or an entry of the shop's operation log (which names its coupon). */
export type AuditEntry = z.infer<typeof AuditEntrySchema> | ShopAuditEntry;
export type ShopAuditEntry = z.infer<typeof ShopAuditEntrySchema>;
export type AuditAction = ShopAuditEntry["action"];
export type QuoteRequest = z.input<typeof QuoteBody>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Shop = z.infer<typeof ShopSchema>;
/** Why one code of an import was not added. */
export type CodeRefusalReason = z.infer<typeof RefusalReason>;
/**
 * What the console changes of its shop: origins added and removed (two tabs' changes never undo each
 * other), and the minimum fixed discounts.
 */
export type ShopUpdate = Pick<z.input<typeof UpdateShopBody>, "allowed_origins_add" | "allowed_origins_remove" | "min_fixed_minor">;
export type ApiKey = z.infer<typeof ApiKeySchema>;
export type Review = z.infer<typeof ReviewSchema>;
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
export type { WebhookEventType };
export type Performance = z.infer<typeof PerformanceSchema>;
export type SeriesDay = z.infer<typeof PerformanceDaySchema>;
export type Recipient = z.infer<typeof RecipientSchema>;
export type RedemptionRow = z.infer<typeof RedemptionSchema>;
export type ClaimRow = z.infer<typeof ClaimSchema>;
/** The list filters as the console holds them (text, as a query string carries them). */
export type RedemptionQuery = { [K in keyof z.input<typeof RedemptionListQuery>]?: string };
export type ClaimQuery = { [K in keyof z.input<typeof ClaimListQuery>]?: string };
export type { Problem, FieldError, ReasonCode };

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}
