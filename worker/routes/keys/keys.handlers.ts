import { requireSecret, withCaller } from "../../lib/auth.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { createKey, listKeys, revokeKey } from "../../services/keys.js";
import type * as routes from "./keys.routes.js";

export const create: AppRouteHandler<typeof routes.create> = keyCheckedInBatch(async (c) => {
  const input = c.req.valid("json");
  return c.json(await withCaller(c, requireSecret, (seller, deps) => createKey(deps, seller, input)), 201);
});

export const list: AppRouteHandler<typeof routes.list> = keyCheckedInBatch(async (c) => {
  const query = c.req.valid("query");
  return c.json(await withCaller(c, requireSecret, (seller, deps) => listKeys(deps, seller, query)), 200);
});

export const revoke: AppRouteHandler<typeof routes.revoke> = keyCheckedInBatch(async (c) => {
  const id = c.req.valid("param").id;
  return c.json(await withCaller(c, requireSecret, (seller, deps) => revokeKey(deps, seller, id)), 200);
});
