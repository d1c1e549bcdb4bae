import { createRouter } from "../../lib/router.js";
import * as handlers from "./coupons.handlers.js";
import * as routes from "./coupons.routes.js";

export const coupons = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.preview, handlers.preview)
  .openapi(routes.list, handlers.list)
  .openapi(routes.read, handlers.read)
  .openapi(routes.update, handlers.update)
  .openapi(routes.deactivate, handlers.deactivate)
  .openapi(routes.duplicate, handlers.duplicate)
  .openapi(routes.history, handlers.history)
  .openapi(routes.performance, handlers.performance)
  .openapi(routes.recipients, handlers.recipients)
  .openapi(routes.send, handlers.send);
