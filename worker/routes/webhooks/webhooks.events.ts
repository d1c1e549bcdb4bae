/**
 * The calls this API makes (the document's `webhooks` section): one POST per event type to each
 * subscribed endpoint, with the event as its body and `Coupon-Signature`. Any 2xx within 10 s
 * acknowledges it; anything else is retried with backoff for 24 hours.
 */
import type { RouteConfig } from "@hono/zod-openapi";
import { webhookEventSchema, WebhookHeaders, WEBHOOK_EVENTS } from "../../contract/webhook-events.js";
import { WEBHOOK_EVENT_TYPES } from "../../contract/webhooks.js";

export const eventWebhooks: RouteConfig[] = WEBHOOK_EVENT_TYPES.map((type) => ({
  method: "post",
  path: type,
  tags: ["Webhooks"],
  summary: WEBHOOK_EVENTS[type].about,
  description:
    "Sent at least once to each endpoint subscribed to this type (dedupe by `id`); verify `Coupon-Signature` on the raw body before parsing it.",
  security: [{ webhookSignature: [] }],
  request: {
    headers: WebhookHeaders,
    body: { required: true, content: { "application/json": { schema: webhookEventSchema(type) } } },
  },
  responses: {
    200: { description: "Any 2xx within 10 s acknowledges the delivery (its body is ignored)" },
    default: { description: "Anything else, or no answer within 10 s: the delivery is retried" },
  },
}));
