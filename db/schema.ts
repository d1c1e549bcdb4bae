/**
 * The database schema (libSQL / SQLite through Drizzle).
 *
 * Times are epoch milliseconds (integer). Money is integer minor units. Every "only once" or "at most N"
 * rule is carried by a constraint or by a conditional write against these tables, never by a prior read,
 * so it holds across processes and edge isolates.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const shops = sqliteTable("shops", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  code_prefix: text("code_prefix").notNull(),
  region: text("region").notNull(),
  currency: text("currency").notNull(),
  mode: text("mode", { enum: ["test", "live"] }).notNull(),
  allowed_origins: text("allowed_origins", { mode: "json" }).$type<string[]>().notNull(),
  addon_coupons: integer("addon_coupons", { mode: "boolean" }).notNull(),
  /** Needed in clear to verify HS256 buyer tokens; never returned after creation. */
  buyer_token_secret: text("buyer_token_secret").notNull(),
  /**
   * R3 minimum fixed discounts per coupon type in the shop's currency, when the shop sets its own
   * (R3: other currencies use the shop's thresholds); null = the engine's table for the currency.
   */
  min_fixed_minor: text("min_fixed_minor", { mode: "json" }).$type<Record<
    "regular" | "follower" | "review" | "chat" | "promo_code",
    number
  > | null>(),
  /**
   * R20: the shop's own blocked words, added to the platform's list (entries as README "Text safety"
   * describes: letters, with `*` at either end to match inside longer words).
   */
  blocked_words: text("blocked_words", { mode: "json" }).$type<string[]>().notNull().default([]),
  /** Frozen shop clock for test shops (R: `POST /v1/test-clock`); null = real time. */
  test_clock_now: integer("test_clock_now"),
  created_at: integer("created_at").notNull(),
  updated_at: integer("updated_at").notNull(),
});

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    shop_id: text("shop_id")
      .notNull()
      .references(() => shops.id),
    kind: text("kind", { enum: ["secret", "publishable"] }).notNull(),
    /** SHA-256 of the whole key; the key itself is shown once. */
    key_hash: text("key_hash").notNull(),
    /** First characters, to recognise a key in lists without revealing it. */
    key_hint: text("key_hint").notNull(),
    created_at: integer("created_at").notNull(),
    revoked_at: integer("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_hash").on(t.key_hash), index("api_keys_shop").on(t.shop_id)],
);

export const coupons = sqliteTable(
  "coupons",
  {
    id: text("id").primaryKey(),
    shop_id: text("shop_id")
      .notNull()
      .references(() => shops.id),
    type: text("type", { enum: ["regular", "follower", "review", "chat", "promo_code"] }).notNull(),
    name: text("name").notNull(),
    discount_kind: text("discount_kind", { enum: ["fixed", "percent"] }).notNull(),
    amount_minor: integer("amount_minor"),
    percent_off: integer("percent_off"),
    max_discount_minor: integer("max_discount_minor"),
    min_spend_minor: integer("min_spend_minor").notNull(),
    scope_kind: text("scope_kind", { enum: ["shop", "products"] }).notNull(),
    /** Product ids for a product scope (1..2,000), as JSON: read whole with the coupon. */
    product_ids: text("product_ids", { mode: "json" }).$type<string[] | null>(),
    audience: text("audience"),
    claim_starts_at: integer("claim_starts_at"),
    claim_ends_at: integer("claim_ends_at"),
    validity_kind: text("validity_kind", { enum: ["days_after_claim", "fixed"] }),
    validity_days: integer("validity_days"),
    validity_starts_at: integer("validity_starts_at"),
    validity_ends_at: integer("validity_ends_at"),
    /** Full promo code (prefix + suffix), upper case. */
    code: text("code"),
    active_starts_at: integer("active_starts_at"),
    active_ends_at: integer("active_ends_at"),
    quantity: integer("quantity").notNull(),
    per_customer_limit: integer("per_customer_limit"),
    /**
     * Campaign codes: the suffix length of the generated single-use codes (rows of `campaign_codes`);
     * null for a shared code or a claim-based coupon.
     */
    unique_code_length: integer("unique_code_length"),
    /** The most discount reserved and committed together may reach; null = no budget. */
    budget_minor: integer("budget_minor"),
    /** What `order.refunded` after commit gives back: nothing (`keep_used`) or the unit, use and budget. */
    refund_policy: text("refund_policy", { enum: ["keep_used", "return_unit"] })
      .notNull()
      .default("keep_used"),
    deactivated_at: integer("deactivated_at"),
    origin: text("origin", { enum: ["manual", "addon", "duplicate"] }).notNull(),
    parent_id: text("parent_id"),
    version: integer("version").notNull().default(1),
    /** Counters kept beside the rows they count, changed in the same statement or batch. */
    claimed_count: integer("claimed_count").notNull().default(0),
    reserved_count: integer("reserved_count").notNull().default(0),
    used_count: integer("used_count").notNull().default(0),
    discount_total_minor: integer("discount_total_minor").notNull().default(0),
    gmv_minor: integer("gmv_minor").notNull().default(0),
    /**
     * Discount reserved plus committed and not given back by a refund: what the budget guard compares
     * with `budget_minor`, changed in the same batch as the redemption rows it sums.
     */
    budget_spent_minor: integer("budget_spent_minor").notNull().default(0),
    /** Monotonic per shop, so "newest first" pages are stable even within one millisecond. */
    seq: integer("seq").notNull(),
    created_at: integer("created_at").notNull(),
    updated_at: integer("updated_at").notNull(),
  },
  (t) => [
    index("coupons_shop_seq").on(t.shop_id, t.seq),
    index("coupons_shop_code").on(t.shop_id, t.code),
    index("coupons_shop_type").on(t.shop_id, t.type),
  ],
);

/**
 * R19: one row per upcoming or ongoing promo code; the primary key makes a full code unique per region
 * under any concurrency. Rows of ended codes are replaced lazily; deactivation deletes the row.
 */
export const liveCodes = sqliteTable(
  "live_codes",
  {
    region: text("region").notNull(),
    code: text("code").notNull(),
    coupon_id: text("coupon_id").notNull(),
    shop_id: text("shop_id").notNull(),
    active_ends_at: integer("active_ends_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.region, t.code] })],
);

export const claims = sqliteTable(
  "claims",
  {
    id: text("id").primaryKey(),
    shop_id: text("shop_id").notNull(),
    coupon_id: text("coupon_id").notNull(),
    buyer_id: text("buyer_id").notNull(),
    state: text("state", { enum: ["available", "reserved", "used", "void"] }).notNull(),
    valid_from: integer("valid_from").notNull(),
    valid_until: integer("valid_until").notNull(),
    /** Review coupons: the order whose review earned this claim (R14: one per order). */
    source_order_id: text("source_order_id"),
    created_at: integer("created_at").notNull(),
    updated_at: integer("updated_at").notNull(),
  },
  (t) => [
    index("claims_coupon_buyer").on(t.coupon_id, t.buyer_id),
    index("claims_shop_buyer").on(t.shop_id, t.buyer_id),
    uniqueIndex("claims_review_order").on(t.coupon_id, t.source_order_id),
    // The seller's lists, newest first (GET /v1/claims, CSV downloads, the daily series).
    index("claims_shop_time").on(t.shop_id, t.created_at, t.id),
    index("claims_coupon_time").on(t.coupon_id, t.created_at, t.id),
  ],
);

/**
 * Campaign codes: one single-use code each (the coupon's `quantity` is their count). Each also holds its
 * `live_codes (region, code)` row while the coupon is upcoming or ongoing, so R19 is one primary key for
 * shared and campaign codes alike. `state` moves with the redemption that uses the code, in its batch.
 */
export const campaignCodes = sqliteTable(
  "campaign_codes",
  {
    coupon_id: text("coupon_id").notNull(),
    /** Full code (prefix + suffix), upper case. */
    code: text("code").notNull(),
    state: text("state", { enum: ["available", "reserved", "redeemed"] })
      .notNull()
      .default("available"),
    /** The order that reserved or redeemed it. */
    order_id: text("order_id"),
    redeemed_at: integer("redeemed_at"),
  },
  // Listed per coupon in code order; looked up by code (then its coupon's shop).
  (t) => [primaryKey({ columns: [t.coupon_id, t.code] }), index("campaign_codes_code").on(t.code)],
);

/** R11: one follower coupon per buyer per shop for life. */
export const followerGrants = sqliteTable(
  "follower_grants",
  {
    shop_id: text("shop_id").notNull(),
    buyer_id: text("buyer_id").notNull(),
    claim_id: text("claim_id").notNull(),
    created_at: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shop_id, t.buyer_id] })],
);

/** R17: buyers a chat coupon was sent to. */
export const chatSends = sqliteTable(
  "chat_sends",
  {
    coupon_id: text("coupon_id").notNull(),
    buyer_id: text("buyer_id").notNull(),
    shop_id: text("shop_id").notNull(),
    sent_at: integer("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.coupon_id, t.buyer_id] }), index("chat_sends_coupon_time").on(t.coupon_id, t.sent_at, t.buyer_id)],
);

export const redemptions = sqliteTable(
  "redemptions",
  {
    id: text("id").primaryKey(),
    shop_id: text("shop_id").notNull(),
    coupon_id: text("coupon_id").notNull(),
    claim_id: text("claim_id"),
    buyer_id: text("buyer_id"),
    order_id: text("order_id").notNull(),
    code: text("code"),
    state: text("state", { enum: ["reserved", "committed", "released"] }).notNull(),
    discount_minor: integer("discount_minor").notNull(),
    subtotal_minor: integer("subtotal_minor").notNull(),
    allocations: text("allocations", { mode: "json" }).$type<{ line_id: string; discount_minor: number }[]>().notNull(),
    reserved_at: integer("reserved_at").notNull(),
    expires_at: integer("expires_at").notNull(),
    committed_at: integer("committed_at"),
    released_at: integer("released_at"),
    release_reason: text("release_reason"),
    /** `order.refunded` after commit: when the refund was recorded, and when it gave the unit back (`return_unit`). */
    refunded_at: integer("refunded_at"),
    returned_at: integer("returned_at"),
  },
  (t) => [
    // R23: one seller coupon per order — at most one non-released redemption per order.
    uniqueIndex("redemptions_live_order").on(t.shop_id, t.order_id).where(sql`state <> 'released'`),
    index("redemptions_coupon_buyer").on(t.coupon_id, t.buyer_id),
    index("redemptions_expiry").on(t.state, t.expires_at),
    // The seller's lists, newest first (GET /v1/redemptions, CSV downloads).
    index("redemptions_shop_time").on(t.shop_id, t.reserved_at, t.id),
    index("redemptions_coupon_time").on(t.coupon_id, t.reserved_at, t.id),
  ],
);

/** R30: insert-only audit trail; no route updates or deletes a row. */
export const auditEntries = sqliteTable(
  "audit_entries",
  {
    id: text("id").primaryKey(),
    shop_id: text("shop_id").notNull(),
    coupon_id: text("coupon_id"),
    action: text("action").notNull(),
    actor: text("actor").notNull(),
    at: integer("at").notNull(),
    changes: text("changes", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    seq: integer("seq").notNull(),
  },
  (t) => [index("audit_coupon").on(t.coupon_id, t.seq), index("audit_shop").on(t.shop_id, t.seq)],
);

/** Buyer facts: orders as rows, segments derived (R6, R7). */
export const orders = sqliteTable(
  "orders",
  {
    shop_id: text("shop_id").notNull(),
    order_id: text("order_id").notNull(),
    buyer_id: text("buyer_id").notNull(),
    total_minor: integer("total_minor"),
    paid_at: integer("paid_at"),
    refunded_at: integer("refunded_at"),
    cancelled_at: integer("cancelled_at"),
  },
  (t) => [primaryKey({ columns: [t.shop_id, t.order_id] }), index("orders_buyer").on(t.shop_id, t.buyer_id)],
);

export const follows = sqliteTable(
  "follows",
  {
    shop_id: text("shop_id").notNull(),
    buyer_id: text("buyer_id").notNull(),
    target: text("target", { enum: ["shop", "live"] }).notNull(),
    followed_at: integer("followed_at").notNull(),
    deleted_at: integer("deleted_at"),
  },
  (t) => [primaryKey({ columns: [t.shop_id, t.buyer_id, t.target] })],
);

/** Events are idempotent by id per shop: the first result is stored and replayed. */
export const events = sqliteTable(
  "events",
  {
    shop_id: text("shop_id").notNull(),
    id: text("id").notNull(),
    type: text("type").notNull(),
    body_hash: text("body_hash").notNull(),
    result: text("result", { mode: "json" }).$type<unknown>(),
    created_at: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shop_id, t.id] })],
);

export const reviews = sqliteTable(
  "reviews",
  {
    shop_id: text("shop_id").notNull(),
    order_id: text("order_id").notNull(),
    product_id: text("product_id").notNull(),
    buyer_id: text("buyer_id").notNull(),
    label: text("label"),
    claim_id: text("claim_id"),
    approved_at: integer("approved_at").notNull(),
  },
  // R16: the shop's incentivized reviews are listed newest recorded first (GET /v1/reviews), by rowid,
  // which this index carries after shop_id.
  (t) => [primaryKey({ columns: [t.shop_id, t.order_id, t.product_id] }), index("reviews_shop").on(t.shop_id)],
);

/** `Idempotency-Key` replays: the first answer is kept with a hash of the body it answered. */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    shop_id: text("shop_id").notNull(),
    key: text("key").notNull(),
    route: text("route").notNull(),
    body_hash: text("body_hash").notNull(),
    status: integer("status"),
    response: text("response", { mode: "json" }).$type<unknown>(),
    created_at: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shop_id, t.key] })],
);

// Webhook endpoints, subscriptions and deliveries (README "Webhooks") live in their own file.
export * from "./schema-webhooks.js";
// Seller console sessions (README "Seller console") live in their own file too.
export * from "./schema-console.js";
