/** Pieces every route contract (`*.routes.ts`) uses: answers, bodies, problems, and the bearer scheme. */
import type { z } from "@hono/zod-openapi";
import { ProblemSchema } from "../contract/common.js";

export const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

export const problemResponses = {
  401: problem("Missing, unknown or revoked key"),
  403: problem("A key of the wrong kind"),
  422: problem("Invalid input"),
};

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** A JSON body the route also takes absent (then it is `{}`). */
export const optionalJsonBody = <T extends z.ZodType>(schema: T) => ({
  required: false,
  content: { "application/json": { schema } },
});

export const BearerSecurity = [{ bearer: [] }];
