/**
 * Pieces every route contract (`*.routes.ts`) uses: answers, bodies, problems, the security schemes and
 * the response headers a route sends itself. What holds for every route alike (operation ids,
 * `X-Request-Id`, `Retry-After` on 429, 413/415 on writes) is added to the document once, by
 * worker/lib/openapi-document.ts.
 */
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

/** A response header a route sets itself: a component of the document (worker/lib/openapi-document.ts). */
export type ResponseHeader = "ETag" | "Set-Cookie";
const headerRefs = (names: readonly ResponseHeader[]): Record<string, { $ref: string }> =>
  Object.fromEntries(names.map((n) => [n, { $ref: `#/components/headers/${n}` }]));

export const json = <T extends z.ZodType>(schema: T, description: string, headers: readonly ResponseHeader[] = []) => ({
  description,
  headers: headerRefs(headers),
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

/**
 * Routes that name the buyer: the key, and with a publishable key the buyer's `X-Buyer-Token` (either
 * alternative may be sent: a call without a buyer is answered as such, a secret key may use `buyer_id`).
 */
export const BuyerSecurity: Record<string, string[]>[] = [{ bearer: [], buyerToken: [] }, { bearer: [] }];
