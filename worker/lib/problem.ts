import type { ProblemCode } from "../contract/codes.js";

/**
 * Errors as RFC 9457 problem+json. Expected failures are thrown as `ApiError` with a stable `code`
 * (the reason codes of the OpenAPI document among them); one `onError` renders every error the same way.
 */

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail: string;
  errors?: FieldError[];
  request_id?: string;
}

const TITLES = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  428: "Precondition Required",
  429: "Too Many Requests",
  500: "Internal Server Error",
} as const;

/** The statuses a problem is answered with. */
export type ProblemStatus = keyof typeof TITLES;

export class ApiError extends Error {
  constructor(
    readonly status: ProblemStatus,
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }
}

export const notFound = (what = "resource") => new ApiError(404, "not_found", `No such ${what}.`);
export const unprocessable = (detail: string, errors?: FieldError[], code: ProblemCode = "validation_failed") =>
  new ApiError(422, code, detail, errors);

export function problemBody(status: number, code: ProblemCode, detail: string, errors?: FieldError[]): Problem {
  const body: Problem = {
    type: `https://docs.edge-coupons.dev/errors/${code}`,
    title: TITLES[status as ProblemStatus] ?? "Error",
    status,
    code,
    detail,
  };
  if (errors?.length) body.errors = errors;
  return body;
}
