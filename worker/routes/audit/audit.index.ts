import { createRouter } from "../../lib/router.js";
import * as handlers from "./audit.handlers.js";
import * as routes from "./audit.routes.js";

export const audit = createRouter().openapi(routes.list, handlers.list);
