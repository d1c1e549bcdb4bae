/** The app's last word: every failure, and every request no route takes, answered as problem+json. */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./context.js";
import { checkPendingKey, refusedCredential } from "./planned-caller.js";
import { ApiError, problemBody } from "./problem.js";

export function problemResponse(c: Context, err: ApiError): Response {
  const body = problemBody(err.status, err.code, err.detail, err.errors);
  const id = c.get("requestId" as never) as string | undefined;
  if (id) body.request_id = id;
  return c.body(JSON.stringify(body), err.status, {
    "Content-Type": "application/problem+json",
    ...(err.headers ?? {}),
  });
}

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  problemResponse(c, new ApiError(404, "route_not_found", `No route for ${c.req.method} ${c.req.path}.`));

export const onError: ErrorHandler<AppEnv> = async (err, c) => {
  // A key planned with but not checked yet is checked before any other problem is told (lib/planned-caller.ts).
  const pending = c.get("pendingKey");
  if (pending && !pending.confirmed && !(err instanceof ApiError && err.status === 401)) {
    const active = await checkPendingKey(c).catch(() => true);
    if (!active) return problemResponse(c, refusedCredential(pending));
  }
  if (err instanceof ApiError) return problemResponse(c, err);
  if (err instanceof HTTPException) {
    const status = err.status === 400 ? 422 : err.status;
    const code = err.status === 400 ? "malformed_json" : "http_error";
    return problemResponse(c, new ApiError(status as 422, code, err.message || "The request was refused."));
  }
  console.error(`[${c.get("requestId")}]`, err);
  return problemResponse(c, new ApiError(500, "internal_error", "Something went wrong on our side; the request id helps us find it."));
};
