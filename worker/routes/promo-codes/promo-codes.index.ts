import { createRouter } from "../../lib/router.js";
import * as handlers from "./promo-codes.handlers.js";
import * as routes from "./promo-codes.routes.js";

export const promoCodes = createRouter().openapi(routes.lookup, handlers.lookup);
