/**
 * The coupon contract: one discriminated union on `type` for creation (a field not listed for a type is
 * 422), one shape for answers, and how a stored coupon is shown. Handlers' and services' types are
 * inferred from these schemas.
 */
import { z } from "@hono/zod-openapi";
import { estimatedSpend } from "../engine/coupon-rules.js";
import { couponStatus } from "../engine/status.js";
import type { Coupon } from "../engine/types.js";
import { rowToCoupon, type CouponRow } from "../store/coupons.js";
import { Cursor, ExternalId, KeyCursor, Limit, MinorAmount, orNull, page, Timestamp, toIso } from "./common.js";

export const DiscountSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("fixed"), amount_minor: z.int().min(1).max(1_000_000_000) }),
    z.strictObject({
      kind: z.literal("percent"),
      percent_off: z.int().min(1).max(99),
      max_discount_minor: z.int().min(1).max(1_000_000_000).nullable().optional(),
    }),
  ])
  .openapi("DiscountInput");

export const ScopeSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("shop") }),
    z.strictObject({
      kind: z.literal("products"),
      product_ids: z
        .array(ExternalId)
        .min(1)
        .max(2000)
        .refine((ids) => new Set(ids).size === ids.length, "product ids must not repeat"),
    }),
  ])
  .openapi("ScopeInput");

export const ValiditySchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("days_after_claim"), days: z.int().min(1).max(365) }),
    z.strictObject({ kind: z.literal("fixed"), starts_at: Timestamp, ends_at: Timestamp }),
  ])
  .openapi("ValidityInput");

/**
 * The discount, scope and validity as answers show them: the same shapes without the request's bounds,
 * since an answer shows what is stored as it is (saturated, README "Limits that keep every sum exact").
 * The request schemas above are written out in each request of the OpenAPI document; these are its
 * `Discount`, `Scope` and `Validity` components.
 */
export const DiscountAnswerSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("fixed"), amount_minor: z.int() }),
    z.object({ kind: z.literal("percent"), percent_off: z.int(), max_discount_minor: z.int().nullable() }),
  ])
  .openapi("Discount");
export const ScopeAnswerSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("shop") }),
    z.object({ kind: z.literal("products"), product_ids: z.array(z.string()) }),
  ])
  .openapi("Scope");
export const ValidityAnswerSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("days_after_claim"), days: z.int() }),
    z.object({ kind: z.literal("fixed"), starts_at: Timestamp, ends_at: Timestamp }),
  ])
  .openapi("Validity");

const DaysAfterClaim = z.strictObject({ kind: z.literal("days_after_claim"), days: z.int().min(1).max(365) });

const Name = z.string().trim().min(1).max(50);
const Quantity = z.int().min(1).max(1_000_000);
const Budget = z.int().min(1).max(1_000_000_000_000).openapi({
  description:
    "The most discount the coupon's reserved and committed uses may reach together (minor units); a use that would pass it is refused with `budget_exhausted`",
});
const RefundPolicy = z.enum(["keep_used", "return_unit"]).openapi({
  description:
    "What `order.refunded` after commit does: `keep_used` keeps the use; `return_unit` gives the unit, the buyer's use (claim or campaign code) and the budget back, once",
});
/** A campaign: single-use codes generated instead of one shared code. */
export const UniqueCodesSchema = z
  .strictObject({ count: z.int().min(1).max(100_000), length: z.int().min(4).max(8) })
  .openapi("UniqueCodes", {
    description:
      "Generate `count` single-use codes, each the shop prefix + `length` random characters without look-alikes (no 0/O, 1/I/L); `quantity` is the count",
  });
/** Suffix of a promo code: 2 to 8 letters or digits (R18). */
export const CodeSuffix = z.string().regex(/^[A-Za-z0-9]{2,8}$/, "2 to 8 letters or digits");

const common = {
  name: Name,
  discount: DiscountSchema,
  min_spend_minor: MinorAmount.default(0),
  scope: ScopeSchema.default({ kind: "shop" }),
  quantity: Quantity,
  budget_minor: Budget.optional(),
  refund_policy: RefundPolicy.default("keep_used"),
};
const claimWindow = { claim_starts_at: Timestamp, claim_ends_at: Timestamp };

export const CreateRegular = z
  .strictObject({
    type: z.literal("regular"),
    ...common,
    audience: z.enum(["all", "new", "existing", "repeat"]).default("all"),
    ...claimWindow,
    validity: ValiditySchema,
    per_customer_limit: z.int().min(1).max(100).default(1),
  })
  .openapi("CreateRegularCoupon");

export const CreateFollower = z
  .strictObject({
    type: z.literal("follower"),
    ...common,
    audience: z.enum(["all_followers", "new_followers"]).default("all_followers"),
    ...claimWindow,
    validity: DaysAfterClaim,
  })
  .openapi("CreateFollowerCoupon");

export const CreateReview = z
  .strictObject({ type: z.literal("review"), ...common, ...claimWindow, validity: DaysAfterClaim })
  .openapi("CreateReviewCoupon");

export const CreateChat = z
  .strictObject({
    type: z.literal("chat"),
    ...common,
    ...claimWindow,
    validity: ValiditySchema,
    per_customer_limit: z.int().min(1).max(100).default(1),
  })
  .openapi("CreateChatCoupon");

export const CreatePromoCode = z
  .strictObject({
    type: z.literal("promo_code"),
    ...common,
    quantity: Quantity.optional().openapi({ description: "Total uses; required unless `unique_codes` (then it is their count)" }),
    code: CodeSuffix.optional(),
    unique_codes: UniqueCodesSchema.optional(),
    active_starts_at: Timestamp,
    active_ends_at: Timestamp,
    per_customer_limit: z
      .literal(1)
      .nullable()
      .optional()
      .openapi({ description: "1 (default) or null (unlimited); a campaign (`unique_codes`) takes none: each code is used once" }),
  })
  .openapi("CreatePromoCode");

export const CreateCouponBody = z
  .discriminatedUnion("type", [CreateRegular, CreateFollower, CreateReview, CreateChat, CreatePromoCode])
  .openapi("CreateCoupon");
export type CreateCouponInput = z.infer<typeof CreateCouponBody>;

export const CouponSchema = z
  .object({
    id: z.string(),
    type: z.enum(["regular", "follower", "review", "chat", "promo_code"]),
    name: z.string(),
    status: z.enum(["upcoming", "ongoing", "ended", "deactivated"]),
    discount: DiscountAnswerSchema,
    min_spend_minor: z.int(),
    scope: ScopeAnswerSchema,
    currency: z.string(),
    audience: z.string().nullable(),
    claim_starts_at: Timestamp.nullable(),
    claim_ends_at: Timestamp.nullable(),
    validity: orNull(ValidityAnswerSchema),
    code: z.string().nullable(),
    active_starts_at: Timestamp.nullable(),
    active_ends_at: Timestamp.nullable(),
    quantity: z.int(),
    per_customer_limit: z.int().nullable(),
    /** A campaign's codes: how many, and the length generated ones have. */
    unique_codes: z.object({ count: z.int(), length: z.int() }).nullable(),
    budget_minor: z.int().nullable(),
    refund_policy: RefundPolicy,
    estimated_spend_minor: z.int().nullable(),
    origin: z.enum(["manual", "addon", "duplicate"]),
    parent_id: z.string().nullable(),
    version: z.int(),
    deactivated_at: Timestamp.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi("Coupon");
export type CouponOut = z.infer<typeof CouponSchema>;

export const CouponParams = z.object({ id: z.string().min(1).max(64) });
export const CouponAnswer = z.object({ coupon: CouponSchema });
export const CreatedCouponSchema = z.object({ coupon: CouponSchema, addons: z.array(CouponSchema) });
export const CouponPageSchema = page(CouponSchema);
export const CouponListQuery = z.strictObject({
  type: z.enum(["regular", "follower", "review", "chat", "promo_code"]).optional(),
  status: z.enum(["upcoming", "ongoing", "ended", "deactivated"]).optional(),
  limit: Limit,
  cursor: Cursor,
});
export type CouponListInput = z.infer<typeof CouponListQuery>;

/**
 * `PATCH /v1/coupons/{id}`: any settings field, all optional; the type never changes. Which fields apply
 * to the coupon's type, and which may change while it is ongoing, is judged against the stored coupon.
 */
export const UpdateCouponBody = z
  .strictObject({
    name: Name.optional(),
    discount: DiscountSchema.optional(),
    min_spend_minor: MinorAmount.optional(),
    scope: ScopeSchema.optional(),
    audience: z.enum(["all", "new", "existing", "repeat", "all_followers", "new_followers"]).optional(),
    claim_starts_at: Timestamp.optional(),
    claim_ends_at: Timestamp.optional(),
    validity: ValiditySchema.optional(),
    code: CodeSuffix.optional(),
    active_starts_at: Timestamp.optional(),
    active_ends_at: Timestamp.optional(),
    quantity: Quantity.optional(),
    per_customer_limit: z.int().min(1).max(100).nullable().optional(),
    budget_minor: Budget.nullable().optional(),
    refund_policy: RefundPolicy.optional(),
  })
  .openapi("UpdateCoupon");
export type UpdateCouponInput = z.infer<typeof UpdateCouponBody>;

/** `POST /v1/coupons/{id}/duplicate`: what the copy changes; everything else is the source's. */
export const DuplicateCouponBody = z
  .strictObject({
    name: Name.optional(),
    claim_starts_at: Timestamp.optional(),
    claim_ends_at: Timestamp.optional(),
    validity: ValiditySchema.optional(),
    active_starts_at: Timestamp.optional(),
    active_ends_at: Timestamp.optional(),
    code: CodeSuffix.optional(),
  })
  .openapi("DuplicateCoupon");
export type DuplicateCouponInput = z.infer<typeof DuplicateCouponBody>;

/** A stored coupon as the API shows it, its status at the shop clock `now`. */
/** A coupon's discount as answers show it (a percent one always names its cap, null for none). */
export function discountOut(d: Coupon["discount"]): CouponOut["discount"] {
  return d.kind === "fixed" ? d : { kind: "percent", percent_off: d.percent_off, max_discount_minor: d.max_discount_minor ?? null };
}

export function serializeCoupon(row: CouponRow, now: number, currency: string): CouponOut {
  const c = rowToCoupon(row);
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    status: couponStatus(c, now),
    discount: discountOut(c.discount),
    min_spend_minor: row.min_spend_minor,
    scope: c.scope,
    currency,
    audience: row.audience,
    claim_starts_at: toIso(row.claim_starts_at),
    claim_ends_at: toIso(row.claim_ends_at),
    validity:
      c.validity?.kind === "fixed"
        ? { kind: "fixed", starts_at: toIso(c.validity.starts_at), ends_at: toIso(c.validity.ends_at) }
        : c.validity,
    code: row.code,
    active_starts_at: toIso(row.active_starts_at),
    active_ends_at: toIso(row.active_ends_at),
    quantity: row.quantity,
    per_customer_limit: row.per_customer_limit,
    unique_codes: row.unique_code_length == null ? null : { count: row.quantity, length: row.unique_code_length },
    budget_minor: row.budget_minor,
    refund_policy: row.refund_policy,
    estimated_spend_minor: estimatedSpend(c.discount, row.quantity, row.budget_minor),
    origin: row.origin,
    parent_id: row.parent_id,
    version: row.version,
    deactivated_at: toIso(row.deactivated_at),
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  };
}

/** `If-Match` on a coupon write: the version the seller read. */
export const IfMatchHeader = z.object({
  "if-match": z
    .string()
    .max(40)
    .optional()
    .openapi({
      description:
        'The coupon `version` you read (`3`, `"3"` or `W/"3"`, as in the `ETag`). On a mismatch the answer is 412 ' +
        "`version_mismatch`. Optional: without it the change applies to the current version (still as one conditional write).",
    }),
});

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    action: z.enum(["created", "updated", "deactivated", "duplicated", "addon_created"]),
    actor: z.string().openapi({ description: "The id of the API key that made the change, or `system`" }),
    at: Timestamp,
    changes: z.record(z.string(), z.unknown()).openapi({ description: "For edits `{before, after}` of the fields that changed" }),
  })
  .openapi("AuditEntry");
export type AuditEntryOut = z.infer<typeof AuditEntrySchema>;
export const AuditPageSchema = page(AuditEntrySchema);
export const HistoryQuery = z.strictObject({ limit: Limit, cursor: Cursor });
export type HistoryInput = z.infer<typeof HistoryQuery>;

/** R17: a buyer a chat coupon was sent to. */
export const RecipientSchema = z
  .object({ buyer_id: z.string(), sent_at: Timestamp, claimed: z.boolean().openapi({ description: "Whether the buyer has claimed it" }) })
  .openapi("ChatRecipient");
export type RecipientOut = z.infer<typeof RecipientSchema>;
export const RecipientPageSchema = page(RecipientSchema);
export const RecipientsQuery = z.strictObject({ limit: Limit, cursor: KeyCursor });
export type RecipientsInput = z.infer<typeof RecipientsQuery>;

/**
 * What `POST /v1/coupons` would make of a body: the coupons not yet written, so without ids. Written out
 * from Coupon's fields, not `.extend`ed: the document would say `allOf: [Coupon, {id: null}]`, which no
 * answer can satisfy (Coupon's `id` is a string).
 */
export const CouponDraftSchema = z.object({ ...CouponSchema.shape, id: z.null() }).openapi("CouponDraft");
export type CouponDraftOut = z.infer<typeof CouponDraftSchema>;
export const CouponPreviewSchema = z
  .object({
    coupon: CouponDraftSchema,
    addons: z.array(CouponDraftSchema),
    estimated_spend_minor: z.int().nullable().openapi({
      description: "What creating commits the seller to: the coupon's estimated spend plus its addons' (null when one is unbounded)",
    }),
  })
  .openapi("CouponPreview");
export type CouponPreview = z.infer<typeof CouponPreviewSchema>;

export const SendCouponBody = z.strictObject({ buyer_id: ExternalId }).openapi("SendCoupon");
export const SentCouponSchema = z.object({ coupon: CouponSchema, sent: z.object({ buyer_id: z.string(), sent_at: Timestamp }) });
