/** A shop's API keys: the request and answer shapes, and how a stored key is shown (never its secret). */
import { z } from "@hono/zod-openapi";
import type { ApiKeyRow } from "../store/api-keys.js";
import { Cursor, Limit, page, Timestamp, toIso } from "./common.js";

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
export type ApiKey = z.infer<typeof ApiKeySchema>;

export const CreateKeyBody = z.strictObject({ kind: z.enum(["secret", "publishable"]) }).openapi("CreateApiKey");
export type CreateKeyInput = z.infer<typeof CreateKeyBody>;

export const KeyParams = z.strictObject({ id: z.string().min(1).max(64) });
export const KeyListQuery = z.strictObject({ limit: Limit, cursor: Cursor });
export type KeyListInput = z.infer<typeof KeyListQuery>;

export const CreatedKeySchema = z.object({ key: ApiKeySchema, secret: z.string() });
export const KeyPageSchema = page(ApiKeySchema);
export const KeyAnswer = z.object({ key: ApiKeySchema });

export function serializeKey(k: ApiKeyRow): ApiKey {
  return { id: k.id, kind: k.kind, hint: k.key_hint, created_at: toIso(k.created_at), revoked_at: toIso(k.revoked_at) };
}
