/** The contract of a shop's API keys (secret key): create (secret shown once), list, revoke. */
import { createRoute } from "@hono/zod-openapi";
import { CreatedKeySchema, CreateKeyBody, KeyAnswer, KeyListQuery, KeyPageSchema, KeyParams } from "../../contract/keys.js";
import { BearerSecurity, json, jsonBody, problem, problemResponses } from "../openapi.js";

export const create = createRoute({
  method: "post",
  path: "/v1/keys",
  tags: ["Keys"],
  summary: "Create an API key for this shop; the secret is shown this once",
  security: BearerSecurity,
  request: { body: jsonBody(CreateKeyBody) },
  responses: {
    201: json(CreatedKeySchema, "The key, and its secret shown this once"),
    ...problemResponses,
  },
});

export const list = createRoute({
  method: "get",
  path: "/v1/keys",
  tags: ["Keys"],
  summary: "List this shop's API keys, newest first (never their secrets)",
  security: BearerSecurity,
  request: { query: KeyListQuery },
  responses: {
    200: json(KeyPageSchema, "A page of keys"),
    ...problemResponses,
  },
});

export const revoke = createRoute({
  method: "post",
  path: "/v1/keys/{id}/revoke",
  tags: ["Keys"],
  summary: "Revoke a key: it answers 401 from the next request on",
  description:
    "Revoking an already revoked key answers 200 with it unchanged. A shop keeps at least one active secret key: revoking the last one is 409 `last_secret_key`.",
  security: BearerSecurity,
  request: { params: KeyParams },
  responses: {
    200: json(KeyAnswer, "The revoked key"),
    404: problem("No such key in this shop"),
    409: problem("last_secret_key: the shop's only active secret key"),
    ...problemResponses,
  },
});
