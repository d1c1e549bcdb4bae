/** Routers share one validation hook, so every invalid input becomes the same 422 problem. */
import { OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import { ZodType, type ZodError } from "zod";
import type { AppEnv } from "./context.js";
import { ApiError, type FieldError } from "./problem.js";

export function zodFieldErrors(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.slice(0, 50).map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== undefined && p !== "").join(".");
    return { path: path || "(body)", code: issue.code, message: issue.message };
  });
}

export function createRouter() {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === "json" ? "body" : result.target;
        throw new ApiError(422, "validation_failed", `The request ${where} is invalid.`, zodFieldErrors(result.error));
      }
    },
  });
  const register = app.openapi;
  app.openapi = ((route: RouteConfig, handler: never, hook?: never) => {
    for (const schema of requestSchemas(route)) validateSynchronously(schema);
    return register(route, handler, hook);
  }) as typeof app.openapi;
  return app;
}

/** Every zod schema a route validates its request with: params, query, headers, cookies and body. */
function requestSchemas(route: RouteConfig): ZodType[] {
  const r = route.request;
  if (!r) return [];
  const found: unknown[] = [r.params, r.query, r.headers, r.cookies];
  for (const media of Object.values(r.body?.content ?? {})) if (media && "schema" in media) found.push(media.schema);
  return found.filter((s): s is ZodType => s instanceof ZodType);
}

/**
 * zod-openapi validates with `safeParseAsync`, and zod runs its compiled (JIT) object parser only on the
 * synchronous path: a 20-line cart took 40 µs async against 26 µs sync. None of our request schemas has an
 * async refinement, so the async parse can be the sync one (were one ever added, zod would throw on the
 * sync path and the route's tests would fail with a 500).
 */
function validateSynchronously(schema: ZodType): void {
  const sync = schema.safeParse.bind(schema);
  Object.defineProperty(schema, "safeParseAsync", { value: async (data: unknown) => sync(data), configurable: true });
}

export type AppRouter = ReturnType<typeof createRouter>;
