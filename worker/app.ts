/**
 * The one Hono app, built the same way by the Node entry (`node.ts`) and the Workers entry (`index.ts`):
 * request id → CORS → body guard → caller → routes; one `onError` renders every failure as problem+json.
 */
import { HTTPException } from "hono/http-exception";
import type { AppDeps } from "./lib/config.js";
import { identifyCaller } from "./lib/auth.js";
import { bodyGuard, cors, requestId } from "./lib/middleware.js";
import { ApiError, problemResponse } from "./lib/problem.js";
import { createRouter } from "./lib/router.js";
import { registerCheckoutRoutes } from "./routes/checkout/checkout.handlers.js";
import { registerCouponRoutes } from "./routes/coupons/coupons.handlers.js";
import { registerPromoCodeRoutes } from "./routes/promo-codes/promo-codes.handlers.js";
import { registerShopRoutes } from "./routes/shops/shops.handlers.js";
import { registerFeatureRoutes } from "./routes/features.js";
import { registerSiteRoutes } from "./routes/site.js";
import { securityHeaders, siteRoutes } from "./site/index.js";

export function createApp({ db, config }: AppDeps) {
  const app = createRouter();

  app.use("*", requestId);
  app.use("*", securityHeaders);
  app.use("*", async (c, next) => {
    c.set("db", db);
    c.set("config", config);
    c.set("caller", null);
    await next();
  });
  app.use("*", cors);
  // The caller first: a 413/415 answer to a publishable-key call still carries its CORS header.
  app.use("/v1/*", identifyCaller);
  app.use("/v1/*", bodyGuard(config.maxBodyBytes));

  registerSiteRoutes(app);
  app.route("/", siteRoutes);
  registerShopRoutes(app);
  registerCouponRoutes(app);
  registerPromoCodeRoutes(app);
  registerCheckoutRoutes(app);
  registerFeatureRoutes(app);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "`sk_…` secret key, `pk_…` publishable key, or the platform admin token",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Edge Coupons API",
      version: "1.0.0",
      description: "Seller coupons: promo codes, claimable coupons, and an exact, explained checkout discount.",
    },
  });

  app.notFound((c) => problemResponse(c, new ApiError(404, "route_not_found", `No route for ${c.req.method} ${c.req.path}.`)));
  app.onError((err, c) => {
    if (err instanceof ApiError) return problemResponse(c, err);
    if (err instanceof HTTPException) {
      const status = err.status === 400 ? 422 : err.status;
      const code = err.status === 400 ? "malformed_json" : "http_error";
      return problemResponse(c, new ApiError(status as 422, code, err.message || "The request was refused."));
    }
    console.error(`[${c.get("requestId")}]`, err);
    return problemResponse(c, new ApiError(500, "internal_error", "Something went wrong on our side; the request id helps us find it."));
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
