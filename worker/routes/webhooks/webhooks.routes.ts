/** The contract of webhooks (secret key): endpoints (the secret shown once), their deliveries, a manual retry. */
import { createRoute } from "@hono/zod-openapi";
import {
  CreatedEndpointSchema,
  CreateEndpointBody,
  DeletedEndpointSchema,
  DeliveryAnswer,
  DeliveryPageSchema,
  EndpointPageSchema,
  EndpointParams,
  ListQuery,
} from "../../contract/webhooks.js";
import { BearerSecurity, json, jsonBody, problem, problemResponses } from "../openapi.js";

export const create = createRoute({
  method: "post",
  path: "/v1/webhook-endpoints",
  tags: ["Webhooks"],
  summary: "Subscribe a URL to event types; the signing secret is shown this once",
  description:
    'Live shops may only name `https` URLs whose host resolves to public addresses (422 `url_not_allowed`); test shops may also name `http` and loopback URLs. Each event is POSTed as JSON `{id, type, created_at, shop_id, data: {object}}` with `Coupon-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, at least once (dedupe by `id`), retried with exponential backoff for 24 hours until a 2xx answer within 10 s. At most 16 endpoints per shop (409 `too_many_endpoints`).',
  security: BearerSecurity,
  request: { body: jsonBody(CreateEndpointBody) },
  responses: {
    201: json(CreatedEndpointSchema, "The endpoint, with its secret shown this once"),
    409: problem("too_many_endpoints"),
    ...problemResponses,
  },
});

export const list = createRoute({
  method: "get",
  path: "/v1/webhook-endpoints",
  tags: ["Webhooks"],
  summary: "List this shop's webhook endpoints, newest first (never their secrets)",
  security: BearerSecurity,
  request: { query: ListQuery },
  responses: { 200: json(EndpointPageSchema, "A page of endpoints"), ...problemResponses },
});

export const remove = createRoute({
  method: "delete",
  path: "/v1/webhook-endpoints/{id}",
  tags: ["Webhooks"],
  summary: "Delete an endpoint: nothing more is sent to it, pending deliveries included",
  security: BearerSecurity,
  request: { params: EndpointParams },
  responses: {
    200: json(DeletedEndpointSchema, "The deleted endpoint"),
    404: problem("No such endpoint in this shop"),
    ...problemResponses,
  },
});

export const deliveries = createRoute({
  method: "get",
  path: "/v1/webhook-endpoints/{id}/deliveries",
  tags: ["Webhooks"],
  summary: "An endpoint's deliveries, newest first, with their attempts and next attempt",
  security: BearerSecurity,
  request: { params: EndpointParams, query: ListQuery },
  responses: {
    200: json(DeliveryPageSchema, "A page of deliveries"),
    404: problem("No such endpoint in this shop"),
    ...problemResponses,
  },
});

export const retry = createRoute({
  method: "post",
  path: "/v1/webhook-deliveries/{id}/retry",
  tags: ["Webhooks"],
  summary: "Send a delivery again now, whatever its status",
  description:
    "The delivery becomes `pending`, due at once. Within its 24-hour window a failure is retried as usual; past it, one failed attempt makes it `failed` again.",
  security: BearerSecurity,
  request: { params: EndpointParams },
  responses: {
    200: json(DeliveryAnswer, "The delivery, due now"),
    404: problem("No such delivery in this shop"),
    ...problemResponses,
  },
});
