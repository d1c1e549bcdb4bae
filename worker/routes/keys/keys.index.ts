import { createRouter } from "../../lib/router.js";
import * as handlers from "./keys.handlers.js";
import * as routes from "./keys.routes.js";

export const keys = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.revoke, handlers.revoke);
