import { createRouter } from "../../lib/router.js";
import * as handlers from "./storefront.handlers.js";
import * as routes from "./storefront.routes.js";

export const storefront = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.claim, handlers.claim)
  .openapi(routes.wallet, handlers.wallet);
