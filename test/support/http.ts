/**
 * Raw calls to a really started server over HTTP, for what the typed `serverCalls` (support/api.ts)
 * cannot express: paths outside the API contract, and answers read through `problemOf`.
 */
export interface HttpRes {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * One request, with a bearer key when given; a non-JSON answer (the widget bundle, an error page) is kept
 * as text for the assertion or the failure message.
 */
export async function httpCall(
  base: string,
  key: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpRes> {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed };
}
