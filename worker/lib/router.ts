/** Routers share one validation hook, so every invalid input becomes the same 422 problem. */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import type { AppEnv } from "./context.js";
import { ApiError, type FieldError } from "./problem.js";

export function zodFieldErrors(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.slice(0, 50).map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== undefined && p !== "").join(".");
    return { path: path || "(body)", code: issue.code, message: issue.message };
  });
}

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === "json" ? "body" : result.target;
        throw new ApiError(422, "validation_failed", `The request ${where} is invalid.`, zodFieldErrors(result.error));
      }
    },
  });
}

export type AppRouter = ReturnType<typeof createRouter>;
