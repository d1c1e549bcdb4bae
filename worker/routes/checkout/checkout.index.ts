import { createRouter } from "../../lib/router.js";
import * as handlers from "./checkout.handlers.js";
import * as routes from "./checkout.routes.js";

export const checkout = createRouter().openapi(routes.quote, handlers.quote);
