import { createRouter } from "../../lib/router.js";
import * as handlers from "./redemptions.handlers.js";
import * as routes from "./redemptions.routes.js";

export const redemptions = createRouter()
  .openapi(routes.reserve, handlers.reserve)
  .openapi(routes.read, handlers.read)
  .openapi(routes.commit, handlers.commit)
  .openapi(routes.release, handlers.release)
  .openapi(routes.list, handlers.list);
