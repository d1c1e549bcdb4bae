/**
 * The one Hono app, built the same way by the Node entry (`node.ts`) and the Workers entry (`index.ts`):
 * the request frame (request id, common headers, CORS) → the caller (key or console session) → body guard → the
 * features' routers, and the HTML pages' security headers; one `onError` renders every failure as problem+json. `AppType` types the API for `hc` and `testClient`.
 */
import type { AppDeps } from "./lib/config.js";
import { identifyCaller } from "./lib/auth.js";
import { bodyGuard, requestFrame } from "./lib/middleware.js";
import { notFound, onError } from "./lib/on-error.js";
import { buildDocument, servedDocument, type OpenApiDocument } from "./lib/openapi-document.js";
import { createRouter } from "./lib/router.js";
import { audit } from "./routes/audit/audit.index.js";
import { campaignCodes } from "./routes/campaign-codes/campaign-codes.index.js";
import { checkout } from "./routes/checkout/checkout.index.js";
import { claims } from "./routes/claims/claims.index.js";
import { coupons } from "./routes/coupons/coupons.index.js";
import { events } from "./routes/events/events.index.js";
import { keys } from "./routes/keys/keys.index.js";
import { sellerConsole } from "./routes/console/console.index.js";
import { promoCodes } from "./routes/promo-codes/promo-codes.index.js";
import { redemptions } from "./routes/redemptions/redemptions.index.js";
import { reviews } from "./routes/reviews/reviews.index.js";
import { shops } from "./routes/shops/shops.index.js";
import { site } from "./routes/site/site.index.js";
import { HTML_PAGES, pageSecurity, siteRoutes } from "./site/index.js";
import { storefront } from "./routes/storefront/storefront.index.js";
import { webhooks } from "./routes/webhooks/webhooks.index.js";

export function createApp({ db, config }: AppDeps) {
  const app = createRouter();

  app.use("*", requestFrame({ db, config }));
  for (const page of HTML_PAGES) app.use(page, pageSecurity);
  // The caller first: a 413/415 answer to a publishable-key call still carries its CORS header.
  app.use("/v1/*", identifyCaller);
  app.use("/v1/*", bodyGuard(config.maxBodyBytes));

  // Every feature, mounted once. `api` is the same app, typed with every route of these routers.
  const api = app
    .route("/", site)
    .route("/", siteRoutes)
    .route("/", shops)
    .route("/", coupons)
    .route("/", promoCodes)
    .route("/", checkout)
    .route("/", keys)
    .route("/", events)
    .route("/", storefront)
    .route("/", redemptions)
    .route("/", reviews)
    .route("/", claims)
    .route("/", audit)
    .route("/", webhooks)
    .route("/", campaignCodes)
    .route("/", sellerConsole);

  // Built once, on first read (every route is registered by then); each answer names its own origin.
  let document: OpenApiDocument | undefined;
  app.get("/openapi.json", (c) => {
    document ??= buildDocument(app);
    return c.body(JSON.stringify(servedDocument(document, new URL(c.req.url).origin)), 200, { "content-type": "application/json" });
  });

  app.notFound(notFound);
  app.onError(onError);
  return api;
}

/** The API's type: its routes, request and answer shapes, for `hc<AppType>` and `testClient`. */
export type AppType = ReturnType<typeof createApp>;
