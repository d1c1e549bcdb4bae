import { requireAdmin, requireAdminOrSecret, requireSecret } from "../../lib/auth.js";
import { requestDeps } from "../../lib/deps.js";
import type { AppRouteHandler } from "../../lib/router.js";
import * as shops from "../../services/shops.js";
import type * as routes from "./shops.routes.js";

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  requireAdmin(c);
  return c.json(await shops.createShop(requestDeps(c), c.req.valid("json")), 201);
};

export const read: AppRouteHandler<typeof routes.read> = async (c) => {
  const manager = requireAdminOrSecret(c);
  return c.json(await shops.readShop(requestDeps(c), manager, c.req.valid("param").id), 200);
};

export const update: AppRouteHandler<typeof routes.update> = async (c) => {
  const manager = requireAdminOrSecret(c);
  return c.json(await shops.updateShop(requestDeps(c), manager, c.req.valid("param").id, c.req.valid("json")), 200);
};

export const setTestClock: AppRouteHandler<typeof routes.setTestClock> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await shops.setTestClock(requestDeps(c), seller, c.req.valid("json").now), 200);
};
