/** The webhook tables (README "Webhooks"), exported with the rest by db/schema.ts. */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { shops } from "./schema.js";

/**
 * Webhooks (README "Webhooks"): a shop's endpoints, the event types each subscribes to, and one delivery
 * row per (event, subscribed endpoint), written in the same batch as the change the event reports.
 */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    shop_id: text("shop_id")
      .notNull()
      .references(() => shops.id),
    url: text("url").notNull(),
    events: text("events", { mode: "json" }).$type<string[]>().notNull(),
    /**
     * The HMAC-SHA256 key every delivery is signed with, so it must be readable here (as
     * `buyer_token_secret` is to verify buyer tokens); shown once at creation, never answered again.
     */
    secret: text("secret").notNull(),
    created_at: integer("created_at").notNull(),
    /**
     * After a failed attempt nothing more is sent to the endpoint until then (shop clock): a down receiver
     * costs one attempt per pause, not one per waiting event, and the failed one, due first, keeps its place.
     */
    paused_until: integer("paused_until"),
  },
  (t) => [index("webhook_endpoints_shop").on(t.shop_id)],
);

/** Which endpoints hear which event type: the change's batch finds its subscribers by this key alone. */
export const webhookSubscriptions = sqliteTable(
  "webhook_subscriptions",
  {
    shop_id: text("shop_id").notNull(),
    type: text("type").notNull(),
    endpoint_id: text("endpoint_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shop_id, t.type, t.endpoint_id] })],
);

export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    /** The rowid: the order the changes were committed in (one writer at a time), kept per endpoint. */
    seq: integer("seq").primaryKey(),
    id: text("id").notNull(),
    shop_id: text("shop_id").notNull(),
    endpoint_id: text("endpoint_id").notNull(),
    /** `evt_…`: the same for every endpoint the event goes to; receivers dedupe by it. */
    event_id: text("event_id").notNull(),
    type: text("type").notNull(),
    /** The event's `data.object`, as JSON text, as it was when the change was written. */
    object: text("object").notNull(),
    /** Shop clock, like `next_attempt_at` and `expires_at` (a test shop's retries follow its test clock). */
    created_at: integer("created_at").notNull(),
    /** Set for events that happen once per subject (`coupon.exhausted`): unique per endpoint. */
    dedupe_key: text("dedupe_key"),
    status: text("status", { enum: ["pending", "succeeded", "failed"] }).notNull(),
    attempts: integer("attempts").notNull(),
    last_status_code: integer("last_status_code"),
    last_error: text("last_error"),
    next_attempt_at: integer("next_attempt_at"),
    /** No automatic attempt after this (24 hours after the event); then `failed`. */
    expires_at: integer("expires_at").notNull(),
    /** Which process is sending it now, and until when (real time): a delivery is claimed by one process. */
    lease_owner: text("lease_owner"),
    lease_until: integer("lease_until"),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_id").on(t.id),
    index("webhook_deliveries_endpoint").on(t.endpoint_id, t.seq),
    uniqueIndex("webhook_deliveries_once").on(t.endpoint_id, t.dedupe_key).where(sql`dedupe_key IS NOT NULL`),
    index("webhook_deliveries_pending").on(t.next_attempt_at).where(sql`status = 'pending'`),
    // The idle poll asks endpoint by endpoint whether one has a delivery due (store/webhook-leases.ts).
    index("webhook_deliveries_endpoint_pending").on(t.endpoint_id, t.next_attempt_at).where(sql`status = 'pending'`),
    // Deliveries being sent now (few): the worker sends one endpoint's deliveries from one process at a time.
    index("webhook_deliveries_leased").on(t.endpoint_id).where(sql`lease_until IS NOT NULL`),
  ],
);
