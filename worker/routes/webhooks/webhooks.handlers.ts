import { requireSecret } from "../../lib/auth.js";
import { requestDeps } from "../../lib/deps.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { createEndpoint, listDeliveries, listEndpoints, removeEndpoint, retryDelivery } from "../../services/webhook-endpoints.js";
import type * as routes from "./webhooks.routes.js";

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await createEndpoint(requestDeps(c), seller, c.req.valid("json")), 201);
};

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await listEndpoints(requestDeps(c), seller, c.req.valid("query")), 200);
};

export const remove: AppRouteHandler<typeof routes.remove> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await removeEndpoint(requestDeps(c), seller, c.req.valid("param").id), 200);
};

export const deliveries: AppRouteHandler<typeof routes.deliveries> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await listDeliveries(requestDeps(c), seller, c.req.valid("param").id, c.req.valid("query")), 200);
};

export const retry: AppRouteHandler<typeof routes.retry> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await retryDelivery(requestDeps(c), seller, c.req.valid("param").id), 200);
};
