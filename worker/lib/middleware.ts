/** Cross-cutting middleware: the frame of every answer (request id, CORS per shop), and the body guard (size and media type). */
import type { MiddlewareHandler } from "hono";
import type { AppDeps } from "./config.js";
import type { AppEnv } from "./context.js";
import { randomString } from "./ids.js";
import { ApiError } from "./problem.js";

const decoder = new TextDecoder();

const ALLOWED_HEADERS = "authorization, content-type, x-buyer-token, idempotency-key, if-match, x-request-id";

/**
 * The frame of every answer, as one middleware: the app's dependencies and the request id on the
 * context, a CORS preflight answered, and the headers every answer carries (`X-Request-Id`,
 * `X-Content-Type-Options: nosniff`, `Vary: Origin`). Those are prepared before the route runs, so every
 * answer made through the context (errors included) is built with them; an answer a route built as a bare
 * `Response` gets them after. CORS's allow headers come after the route, as they depend on the caller.
 * One layer instead of four: each layer and each header written after the answer was made is work on
 * every request (bench/notes.md).
 *
 * Preflights are answered for any origin (the browser then sends the real request, whose answer carries
 * `Access-Control-Allow-Origin` only when the publishable key's shop allows that origin).
 */
export function requestFrame({ db, config }: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const id = incoming && /^[A-Za-z0-9._:-]{1,128}$/.test(incoming) ? incoming : `req_${randomString(16)}`;
    c.set("requestId", id);
    c.set("db", db);
    c.set("config", config);
    c.set("caller", null);
    c.header("X-Request-Id", id);
    c.header("X-Content-Type-Options", "nosniff");
    // Every answer may differ by origin, also one to a request that sent none: say so to caches always.
    c.header("Vary", "Origin");
    const origin = c.req.header("origin");
    if (c.req.method === "OPTIONS" && origin && c.req.header("access-control-request-method")) {
      return c.body(null, 204, {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": "GET, POST, PATCH, OPTIONS",
        "Access-Control-Allow-Headers": ALLOWED_HEADERS,
        "Access-Control-Max-Age": "600",
      });
    }
    await next();
    const headers = c.res.headers;
    if (!headers.has("x-request-id")) {
      headers.set("X-Request-Id", id);
      headers.set("X-Content-Type-Options", "nosniff");
      headers.append("Vary", "Origin");
    }
    if (!origin) return;
    const caller = c.get("caller");
    if (caller && caller.kind === "publishable" && caller.shop.allowed_origins.includes(origin)) {
      headers.set("Access-Control-Allow-Origin", origin);
      headers.set("Access-Control-Expose-Headers", "X-Request-Id, Retry-After");
    }
  };
}

/** `application/json`, or a `+json` type, with or without parameters. */
export const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Bodies are JSON only (415) and bounded (413), before any parser reads them. */
export function bodyGuard(maxBytes: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method !== "POST" && method !== "PATCH" && method !== "PUT") return next();
    const declared = c.req.header("content-length");
    if (declared !== undefined && Number(declared) > maxBytes)
      throw new ApiError(413, "body_too_large", `Request bodies are limited to ${maxBytes} bytes.`);
    // A body with a declared length (checked above) is exactly that long (HTTP framing), so it is read
    // whole: on Node that is @hono/node-server's direct read, without the web-stream Request it otherwise
    // builds (bench/notes.md). A chunked body (no content-length) is read as a stream that we stop
    // past the limit, so it is never buffered whole before it is measured.
    const raw =
      declared !== undefined && /^\d+$/.test(declared) ? await c.req.raw.arrayBuffer() : await readBounded(c.req.raw.body, maxBytes);
    if (raw === null || raw.byteLength > maxBytes)
      throw new ApiError(413, "body_too_large", `Request bodies are limited to ${maxBytes} bytes.`);
    if (raw.byteLength > 0) {
      if (!JSON_MEDIA_TYPE.test(c.req.header("content-type") ?? ""))
        throw new ApiError(415, "unsupported_media_type", "Send the body as `Content-Type: application/json`.");
      try {
        // Parsed once, here: the route's validator (lib/router.ts) reads it from `c.var.body`. zod builds
        // new objects from it, never changing it.
        c.set("body", JSON.parse(decoder.decode(raw)));
      } catch {
        throw new ApiError(422, "malformed_json", "The request body is not valid JSON.");
      }
    }
    return next();
  };
}

/** The whole body, or null as soon as it grows past `maxBytes` (the rest is never read). */
async function readBounded(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<ArrayBuffer | null> {
  if (!body) return new ArrayBuffer(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out.buffer;
}
