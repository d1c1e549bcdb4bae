import { createRouter } from "../../lib/router.js";
import * as handlers from "./claims.handlers.js";
import * as routes from "./claims.routes.js";

export const claims = createRouter().openapi(routes.list, handlers.list);
