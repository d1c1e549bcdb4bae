/**
 * `createRouter()`: every feature's router, and the app itself. A route is registered with
 * `.openapi(route, handler)`, as with @hono/zod-openapi: the contract goes into the OpenAPI document as
 * written, and the handler sees `c.req.valid(…)` typed from it. What differs is who validates: the
 * request parts are checked here, synchronously (`safeParse`), and every invalid input becomes the same
 * 422 problem.
 *
 * Why our own validators: @hono/zod-openapi validates with `safeParseAsync`, and zod runs its compiled
 * object parser only on the synchronous path (bench/notes.md). Invariant: no
 * request schema has an async refinement (were one added, zod would throw on the synchronous parse and
 * the route's tests would fail with a 500). The JSON body is the one `bodyGuard` read and parsed
 * (`c.var.body`), so it is never read or parsed twice.
 */
import { OpenAPIHono, type RouteConfig, type RouteHandler } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler, Next } from "hono";
import { validator } from "hono/validator";
import type { ZodError, ZodType } from "zod";
import type { AppEnv } from "./context.js";
import { JSON_MEDIA_TYPE } from "./middleware.js";
import { ApiError, type FieldError } from "./problem.js";

/** A handler typed by its route contract: `c.req.valid(…)` in, the declared answers out. */
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

export function zodFieldErrors(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.slice(0, 50).map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== undefined && p !== "").join(".");
    return { path: path || "(body)", code: issue.code, message: issue.message };
  });
}

type Target = "query" | "param" | "header" | "json";

/**
 * Compiles `schema`'s success path (Node: adapters/node/compiled-parse.ts): a function giving exactly
 * zod's `data` for an input, or `unsure` when anything is not plainly valid; null when not compiled.
 */
export type ParseCompiler = (schema: ZodType, unsure: symbol) => ((input: unknown) => unknown) | null;
const UNSURE = Symbol("unsure");

/**
 * A request part's parser: its compiled success path first where the host has one (`AppConfig.compileParse`),
 * zod's own parse when that is unsure or absent, so that zod alone words every 422. Compiled on first use
 * (routers are made when their modules load, before any app's config exists).
 */
// biome-ignore lint/complexity/noBannedTypes: `{}` is what Hono's validator hands on as the parsed target
function parserOf(schema: ZodType, target: Target): (value: unknown, c: Context<AppEnv>) => {} {
  let compiler: ParseCompiler | undefined;
  let compiled: ((input: unknown) => unknown) | null = null;
  return (value, c) => {
    const wanted = c.get("config").compileParse;
    if (wanted !== compiler) {
      compiler = wanted;
      compiled = wanted ? wanted(schema, UNSURE) : null;
    }
    const data = compiled ? compiled(value) : UNSURE;
    // biome-ignore lint/complexity/noBannedTypes: as above
    return data !== UNSURE ? (data as {}) : parseOrRefuse(schema, value, target);
  };
}

// biome-ignore lint/complexity/noBannedTypes: as above
function parseOrRefuse(schema: ZodType, value: unknown, target: Target): {} {
  const result = schema.safeParse(value);
  // biome-ignore lint/complexity/noBannedTypes: as above
  if (result.success) return result.data as {};
  const where = target === "json" ? "body" : target;
  throw new ApiError(422, "validation_failed", `The request ${where} is invalid.`, zodFieldErrors(result.error));
}

/** The JSON body of a route: present, or absent and then `{}` (validated when the body is required). */
function jsonBody(schema: ZodType, required: boolean): MiddlewareHandler<AppEnv> {
  const parse = parserOf(schema, "json");
  return async (c: Context<AppEnv>, next: Next) => {
    const type = c.req.header("content-type");
    if (type !== undefined && !JSON_MEDIA_TYPE.test(type))
      throw new ApiError(415, "unsupported_media_type", "Send the body as `Content-Type: application/json`.");
    const body = c.get("body");
    if (body === undefined && type !== undefined) throw new ApiError(422, "malformed_json", "The request body is not valid JSON.");
    if (body === undefined && !required) c.req.addValidatedData("json", {});
    else c.req.addValidatedData("json", parse(body ?? {}, c));
    await next();
  };
}

/** The validators of a route's request parts, in the order @hono/zod-openapi runs them. */
function requestValidators(request: RouteConfig["request"]): MiddlewareHandler<AppEnv>[] {
  if (!request) return [];
  if (request.cookies) throw new Error("route contracts here take no cookies");
  const out: MiddlewareHandler<AppEnv>[] = [];
  const parts = [
    ["query", request.query],
    ["param", request.params],
    ["header", request.headers],
  ] as const;
  for (const [target, schema] of parts) {
    if (!schema) continue;
    if (Array.isArray(schema)) throw new Error("route contracts here describe each request part as one zod object");
    out.push(validator(target, parserOf(schema as ZodType, target)));
  }
  const content = request.body?.content ?? {};
  for (const [media, spec] of Object.entries(content)) {
    const schema = spec && "schema" in spec ? spec.schema : undefined;
    if (media !== "application/json" || !schema) throw new Error(`unsupported request body ${media}: bodies are JSON`);
    out.push(jsonBody(schema as ZodType, request.body?.required === true));
  }
  return out;
}

// biome-ignore lint/complexity/noBannedTypes: the schema parameter as OpenAPIHono declares it
class Router<S extends {} = {}, B extends string = "/"> extends OpenAPIHono<AppEnv, S, B> {
  /** As @hono/zod-openapi's: the contract into the document, then the route, its validators being ours. */
  override openapi = ((route: RouteConfig, handler: MiddlewareHandler<AppEnv>) => {
    const { middleware, hide, ...contract } = route;
    if (!hide) this.openAPIRegistry.registerPath(contract);
    const before = middleware === undefined ? [] : Array.isArray(middleware) ? middleware : [middleware];
    const path = route.path.replaceAll(/\/{(.+?)}/g, "/:$1");
    this.on([route.method], [path], ...(before as MiddlewareHandler<AppEnv>[]), ...requestValidators(contract.request), handler);
    return this;
  }) as unknown as OpenAPIHono<AppEnv, S, B>["openapi"];
}

export function createRouter() {
  return new Router();
}
