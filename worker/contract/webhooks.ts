/** Webhooks: endpoints (the secret shown once), their deliveries, and the events they carry. */
import { z } from "@hono/zod-openapi";
import type { DeliveryRow, EndpointRow } from "../store/webhooks.js";
import { Cursor, Limit, page, Timestamp, toIso } from "./common.js";

export const WEBHOOK_EVENT_TYPES = [
  "coupon.created",
  "coupon.updated",
  "coupon.deactivated",
  "coupon.exhausted",
  "claim.created",
  "redemption.reserved",
  "redemption.committed",
  "redemption.released",
  "review_coupon.issued",
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES).openapi("WebhookEventType");
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** A shop may keep this many endpoints (each event is one delivery row per subscribed endpoint). */
export const MAX_ENDPOINTS_PER_SHOP = 16;

export const CreateEndpointBody = z
  .strictObject({
    /** `https` (live shops); test shops may also name `http` and loopback addresses. */
    url: z.string().min(1).max(2048),
    events: z
      .array(WebhookEventType)
      .min(1)
      .max(WEBHOOK_EVENT_TYPES.length)
      .refine((a) => new Set(a).size === a.length, "each event type once"),
  })
  .openapi("CreateWebhookEndpoint");
export type CreateEndpointInput = z.infer<typeof CreateEndpointBody>;

export const WebhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(WebhookEventType),
    created_at: Timestamp,
  })
  .openapi("WebhookEndpoint");
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export const CreatedEndpointSchema = z.object({
  /** With `secret` (`whsec_…`), the key of `Coupon-Signature`: shown this once. */
  webhook_endpoint: WebhookEndpointSchema.extend({ secret: z.string() }),
});
export const DeletedEndpointSchema = z.object({ webhook_endpoint: WebhookEndpointSchema, deleted: z.literal(true) });
export const EndpointPageSchema = page(WebhookEndpointSchema);
export const EndpointParams = z.strictObject({ id: z.string().min(1).max(64) });
export const ListQuery = z.strictObject({ limit: Limit, cursor: Cursor });
export type ListInput = z.infer<typeof ListQuery>;

export const WebhookDeliverySchema = z
  .object({
    id: z.string(),
    endpoint_id: z.string(),
    event_id: z.string(),
    type: WebhookEventType,
    status: z.enum(["pending", "succeeded", "failed"]),
    /** Attempts made so far (an attempt is one POST with its answer, or none within 10 s). */
    attempts: z.int(),
    /** The HTTP status of the last attempt; null before the first or when none came back. */
    last_status_code: z.int().nullable(),
    /** Why the last attempt failed without a status (`timeout`, `connection_refused`, `url_refused`, …). */
    last_error: z.string().nullable(),
    /** When the next attempt is due (the shop clock); null once succeeded or failed. */
    next_attempt_at: Timestamp.nullable(),
    created_at: Timestamp,
  })
  .openapi("WebhookDelivery");
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
export const DeliveryPageSchema = page(WebhookDeliverySchema);
export const DeliveryAnswer = z.object({ webhook_delivery: WebhookDeliverySchema });

export function serializeEndpoint(e: EndpointRow): WebhookEndpoint {
  return { id: e.id, url: e.url, events: e.events as WebhookEventType[], created_at: toIso(e.created_at) };
}

export function serializeDelivery(d: DeliveryRow): WebhookDelivery {
  return {
    id: d.id,
    endpoint_id: d.endpoint_id,
    event_id: d.event_id,
    type: d.type as WebhookEventType,
    status: d.status,
    attempts: d.attempts,
    last_status_code: d.last_status_code,
    last_error: d.last_error,
    next_attempt_at: toIso(d.next_attempt_at),
    created_at: toIso(d.created_at),
  };
}
