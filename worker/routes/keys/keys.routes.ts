/** The contract of a shop's API keys (secret key): create (secret shown once), list, revoke. */
import { createRoute, z } from "@hono/zod-openapi";
import { BearerSecurity, Cursor, json, jsonBody, Limit, problem, problemResponses, Timestamp } from "../../lib/schemas.js";

export const ApiKeySchema = z
  .object({
    id: z.string(),
    kind: z.enum(["secret", "publishable"]),
    /** The key's first characters, to recognise it; never the whole key. */
    hint: z.string(),
    created_at: Timestamp,
    revoked_at: Timestamp.nullable(),
  })
  .openapi("ApiKey");

export const CreateKeyBody = z.strictObject({ kind: z.enum(["secret", "publishable"]) }).openapi("CreateApiKey");

const KeyParams = z.strictObject({ id: z.string().min(1).max(64) });

export const createKey = createRoute({
  method: "post",
  path: "/v1/keys",
  tags: ["Keys"],
  summary: "Create an API key for this shop; the secret is shown this once",
  security: BearerSecurity,
  request: { body: jsonBody(CreateKeyBody) },
  responses: {
    201: json(z.object({ key: ApiKeySchema, secret: z.string() }), "The key, and its secret shown this once"),
    ...problemResponses,
  },
});

export const listKeys = createRoute({
  method: "get",
  path: "/v1/keys",
  tags: ["Keys"],
  summary: "List this shop's API keys, newest first (never their secrets)",
  security: BearerSecurity,
  request: { query: z.strictObject({ limit: Limit, cursor: Cursor }) },
  responses: {
    200: json(z.object({ data: z.array(ApiKeySchema), next_cursor: z.string().nullable() }), "A page of keys"),
    ...problemResponses,
  },
});

export const revokeKey = createRoute({
  method: "post",
  path: "/v1/keys/{id}/revoke",
  tags: ["Keys"],
  summary: "Revoke a key: it answers 401 from the next request on",
  description:
    "Revoking an already revoked key answers 200 with it unchanged. A shop keeps at least one active secret key: revoking the last one is 409 `last_secret_key`.",
  security: BearerSecurity,
  request: { params: KeyParams },
  responses: {
    200: json(z.object({ key: ApiKeySchema }), "The revoked key"),
    404: problem("No such key in this shop"),
    409: problem("last_secret_key: the shop's only active secret key"),
    ...problemResponses,
  },
});
