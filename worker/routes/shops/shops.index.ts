import { createRouter } from "../../lib/router.js";
import * as handlers from "./shops.handlers.js";
import * as routes from "./shops.routes.js";

export const shops = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.read, handlers.read)
  .openapi(routes.update, handlers.update)
  .openapi(routes.setTestClock, handlers.setTestClock);
