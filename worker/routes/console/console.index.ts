import { createRouter } from "../../lib/router.js";
import * as handlers from "./console.handlers.js";
import * as routes from "./console.routes.js";
import { consolePage } from "./console-page.js";

/** Console sessions, and the console's page and scripts. */
export const sellerConsole = createRouter()
  .openapi(routes.signIn, handlers.signIn)
  .openapi(routes.current, handlers.current)
  .openapi(routes.signOut, handlers.signOut)
  .route("/", consolePage);
