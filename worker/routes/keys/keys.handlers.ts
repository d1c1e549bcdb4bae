import { requireSecret } from "../../lib/auth.js";
import { decodeCursor, encodeCursor } from "../../lib/cursor.js";
import { ApiError, notFound } from "../../lib/problem.js";
import type { AppRouter } from "../../lib/router.js";
import { toIso } from "../../lib/schemas.js";
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyRow } from "../../store/api-keys.js";
import * as routes from "./keys.routes.js";

function serializeKey(k: ApiKeyRow) {
  return { id: k.id, kind: k.kind, hint: k.key_hint, created_at: toIso(k.created_at), revoked_at: toIso(k.revoked_at) };
}

export function registerKeyRoutes(app: AppRouter) {
  app.openapi(routes.createKey, async (c) => {
    const { shop, keyId } = requireSecret(c);
    const { kind } = c.req.valid("json");
    // Keys are credentials: real time, never the shop's test clock.
    const { row, secret } = await createApiKey(c.get("db"), shop, kind, keyId, c.get("config").now());
    return c.json({ key: serializeKey(row), secret }, 201);
  });

  app.openapi(routes.listKeys, async (c) => {
    const { shop } = requireSecret(c);
    const q = c.req.valid("query");
    const rows = await listApiKeys(c.get("db"), shop.id, q.limit + 1, decodeCursor(q.cursor));
    const page = rows.slice(0, q.limit);
    return c.json(
      {
        data: page.map(serializeKey),
        next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].pos) : null,
      },
      200,
    );
  });

  app.openapi(routes.revokeKey, async (c) => {
    const { shop, keyId } = requireSecret(c);
    const out = await revokeApiKey(c.get("db"), shop.id, c.req.valid("param").id, keyId, c.get("config").now());
    c.get("config").callerCache?.dropShop(shop.id); // the revoked key stops working in this process at once
    if (out.ok) return c.json({ key: serializeKey(out.row) }, 200);
    if (out.why === "already_revoked") return c.json({ key: serializeKey(out.row!) }, 200);
    if (out.why === "last_secret_key")
      throw new ApiError(409, "last_secret_key", "This is the shop's only active secret key; create another before revoking it.");
    throw notFound("key");
  });
}
