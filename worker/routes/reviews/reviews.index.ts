import { createRouter } from "../../lib/router.js";
import * as handlers from "./reviews.handlers.js";
import * as routes from "./reviews.routes.js";

export const reviews = createRouter().openapi(routes.list, handlers.list);
