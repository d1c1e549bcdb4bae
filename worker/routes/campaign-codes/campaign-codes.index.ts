import { createRouter } from "../../lib/router.js";
import * as handlers from "./campaign-codes.handlers.js";
import * as routes from "./campaign-codes.routes.js";

export const campaignCodes = createRouter().openapi(routes.list, handlers.list).openapi(routes.add, handlers.add);
