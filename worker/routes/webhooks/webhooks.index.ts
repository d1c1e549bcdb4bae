import { createRouter } from "../../lib/router.js";
import { eventWebhooks } from "./webhooks.events.js";
import * as handlers from "./webhooks.handlers.js";
import * as routes from "./webhooks.routes.js";

export const webhooks = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.remove, handlers.remove)
  .openapi(routes.deliveries, handlers.deliveries)
  .openapi(routes.retry, handlers.retry);

// The calls the API makes to endpoints, described in the document's `webhooks` (no route serves them).
for (const webhook of eventWebhooks) webhooks.openAPIRegistry.registerWebhook(webhook);
