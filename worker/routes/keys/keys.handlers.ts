import { requireSecret } from "../../lib/auth.js";
import { requestDeps } from "../../lib/deps.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { createKey, listKeys, revokeKey } from "../../services/keys.js";
import type * as routes from "./keys.routes.js";

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await createKey(requestDeps(c), seller, c.req.valid("json")), 201);
};

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await listKeys(requestDeps(c), seller, c.req.valid("query")), 200);
};

export const revoke: AppRouteHandler<typeof routes.revoke> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await revokeKey(requestDeps(c), seller, c.req.valid("param").id), 200);
};
