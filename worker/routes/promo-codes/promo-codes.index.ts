import { createRouter } from "../../lib/router.js";
import * as handlers from "./promo-codes.handlers.js";
import * as routes from "./promo-codes.routes.js";

// `availability` first: Hono matches in registration order, and `/v1/promo-codes/{code}` would otherwise
// take `availability` for a code. (A full code is 6 to 12 characters, so a shop with the prefix AVAI and
// the suffix LABILITY exists in principle: its code is still looked up in any case but all lower case.)
export const promoCodes = createRouter().openapi(routes.availability, handlers.availability).openapi(routes.lookup, handlers.lookup);
