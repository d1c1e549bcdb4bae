import { requireSecret, withCaller } from "../../lib/auth.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { createEndpoint, listDeliveries, listEndpoints, removeEndpoint, retryDelivery } from "../../services/webhook-endpoints.js";
import type * as routes from "./webhooks.routes.js";

export const create: AppRouteHandler<typeof routes.create> = keyCheckedInBatch(async (c) => {
  const input = c.req.valid("json");
  return c.json(await withCaller(c, requireSecret, (seller, deps) => createEndpoint(deps, seller, input)), 201);
});

export const list: AppRouteHandler<typeof routes.list> = keyCheckedInBatch(async (c) => {
  const query = c.req.valid("query");
  return c.json(await withCaller(c, requireSecret, (seller, deps) => listEndpoints(deps, seller, query)), 200);
});

export const remove: AppRouteHandler<typeof routes.remove> = keyCheckedInBatch(async (c) => {
  const id = c.req.valid("param").id;
  return c.json(await withCaller(c, requireSecret, (seller, deps) => removeEndpoint(deps, seller, id)), 200);
});

export const deliveries: AppRouteHandler<typeof routes.deliveries> = keyCheckedInBatch(async (c) => {
  const id = c.req.valid("param").id;
  const query = c.req.valid("query");
  return c.json(await withCaller(c, requireSecret, (seller, deps) => listDeliveries(deps, seller, id, query)), 200);
});

export const retry: AppRouteHandler<typeof routes.retry> = keyCheckedInBatch(async (c) => {
  const id = c.req.valid("param").id;
  return c.json(await withCaller(c, requireSecret, (seller, deps) => retryDelivery(deps, seller, id)), 200);
});
