import { requireAdmin, requireAdminOrSecret, requireSecret, withCaller } from "../../lib/auth.js";
import { requestDeps } from "../../lib/deps.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import * as shops from "../../services/shops.js";
import type * as routes from "./shops.routes.js";

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  requireAdmin(c);
  return c.json(await shops.createShop(requestDeps(c), c.req.valid("json")), 201);
};

export const read: AppRouteHandler<typeof routes.read> = keyCheckedInBatch(async (c) => {
  const id = c.req.valid("param").id;
  return c.json(await withCaller(c, requireAdminOrSecret, (manager, deps) => shops.readShop(deps, manager, id)), 200);
});

export const update: AppRouteHandler<typeof routes.update> = keyCheckedInBatch(async (c) => {
  const id = c.req.valid("param").id;
  const patch = c.req.valid("json");
  return c.json(await withCaller(c, requireAdminOrSecret, (manager, deps) => shops.updateShop(deps, manager, id, patch)), 200);
});

export const setTestClock: AppRouteHandler<typeof routes.setTestClock> = keyCheckedInBatch(async (c) => {
  const now = c.req.valid("json").now;
  return c.json(await withCaller(c, requireSecret, (seller, deps) => shops.setTestClock(deps, seller, now)), 200);
});
