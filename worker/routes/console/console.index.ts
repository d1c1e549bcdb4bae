import { createRouter } from "../../lib/router.js";
import * as handlers from "./console.handlers.js";
import * as routes from "./console.routes.js";

/** Console sessions (the console's page and scripts are site files: worker/site/console.ts). */
export const sellerConsole = createRouter()
  .openapi(routes.signIn, handlers.signIn)
  .openapi(routes.current, handlers.current)
  .openapi(routes.signOut, handlers.signOut);
