import { createRouter } from "../../lib/router.js";
import * as handlers from "./events.handlers.js";
import * as routes from "./events.routes.js";

export const events = createRouter().openapi(routes.post, handlers.post);
