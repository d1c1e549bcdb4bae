/** JSON calls to a really started server over HTTP, for the end-to-end suites. */
export interface HttpRes {
  status: number;
  body: any;
}

/** One request with a bearer key; a non-JSON answer is kept as text for the failure message. */
export async function httpCall(base: string, key: string, method: string, path: string, body?: unknown): Promise<HttpRes> {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body: parsed };
}
