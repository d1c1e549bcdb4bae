/**
 * The OpenAPI document (`GET /openapi.json`): generated from the route contracts, then finished here
 * with what holds for every route alike, so no route repeats it and a new route gets it too:
 * - `operationId`s (lib/operation-ids.ts), the security schemes, `servers`;
 * - response headers: `X-Request-Id` on every answer, `Retry-After` on every 429, `Content-Disposition`
 *   on every CSV answer, an optional `Set-Cookie` (the console session sliding) on every success of a route
 *   a key may call (ETag and the sign-in's Set-Cookie are declared by the routes that send them);
 * - 413 and 415 on every POST, PATCH and PUT (the body guard answers them before any route runs), 500
 *   on every operation;
 * - request schemas in their input form, written out in the operation: a field with a `default` is
 *   optional. Generators treat a `default` in a shared component as "always present" (openapi-typescript
 *   makes it a required property), which is true of answers and false of requests, so request bodies and
 *   parameters carry their own copy and components are what answers use;
 * - a nullable `enum` lists `null` among its values (zod-to-openapi writes `type: [x, "null"]` with an
 *   enum of x's values only, which a validator then refuses `null` by);
 * - `webhooks` (the events the API POSTs, routes/webhooks/webhooks.events.ts) keyed by event type.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { operationIdFor } from "./operation-ids.js";

// The document is plain JSON; its parts are read and rewritten as such.
// biome-ignore lint/suspicious/noExplicitAny: a JSON document of any shape, walked and rewritten by key
type Json = Record<string, any>;
export type OpenApiDocument = Json;

/** The committed, linted and packaged copy names this server (`npm start`'s default address). */
export const PLACEHOLDER_SERVER = {
  url: "http://127.0.0.1:8787",
  description: "`npm start` on this machine (the served document names the origin it was read from)",
};

export const DOCUMENT_CONFIG = {
  openapi: "3.1.0" as const,
  info: {
    title: "Edge Coupons API",
    version: "1.0.0",
    description: "Seller coupons: promo codes, claimable coupons, and an exact, explained checkout discount.",
    license: { name: "MIT", identifier: "MIT" },
  },
};

const SECURITY_SCHEMES = {
  bearer: {
    type: "http",
    scheme: "bearer",
    description: "`sk_…` secret key, `pk_…` publishable key, or the platform admin token",
  },
  buyerToken: {
    type: "apiKey",
    in: "header",
    name: "X-Buyer-Token",
    description:
      "The buyer, for a publishable-key call: an HS256 JWT signed by the storefront's own server with the shop's `buyer_token_secret` (`sub` = buyer id, `exp` required). A secret-key call names the buyer by `buyer_id` instead.",
  },
  consoleSession: {
    type: "apiKey",
    in: "cookie",
    name: "ec_console",
    description:
      "The seller console's session (HttpOnly, SameSite=Strict), set by signing in with a secret key: from a page of the API's own origin it acts as that key on `/v1` routes; from any other origin it is refused (403 `cross_origin_refused`).",
  },
  webhookSignature: {
    type: "apiKey",
    in: "header",
    name: "Coupon-Signature",
    description:
      "On the API's webhook deliveries: `t=<unix seconds>,v1=<hex HMAC-SHA256(endpoint secret, \"<t>.<raw body>\")>`, the endpoint's secret shown once at its creation. `verifySignature` of `edge-coupons/client/webhooks` checks it.",
  },
};

const HEADERS = {
  "X-Request-Id": {
    description: "The request's id (the `X-Request-Id` sent, if well formed, else a new one); problems repeat it as `request_id`.",
    required: true,
    schema: { type: "string", minLength: 1, maxLength: 128 },
  },
  ETag: {
    description: "The coupon's `version`, quoted; send it back as `If-Match` to change exactly this version.",
    required: true,
    schema: { type: "string", pattern: '^"[0-9]+"$' },
  },
  "Retry-After": {
    description: "Seconds to wait before the next look-up can succeed.",
    required: true,
    schema: { type: "string", pattern: "^[0-9]+$" },
  },
  // Not required: a list answers JSON or CSV under one status, and only the CSV form is an attachment.
  "Content-Disposition": {
    description: "With a `text/csv` answer: `attachment`, with a file name.",
    required: false,
    schema: { type: "string", pattern: "^attachment" },
  },
  "Set-Cookie": {
    description: "The console session cookie (HttpOnly, SameSite=Strict).",
    required: true,
    schema: { type: "string" },
  },
  // Declared as a response's `Set-Cookie`: a request carrying a console session slides its expiry.
  SessionRefresh: {
    description:
      "Only to a request made with the console's session cookie: the same cookie with its idle expiry moved on (at most once a minute).",
    required: false,
    schema: { type: "string" },
  },
};

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });
const METHODS = ["get", "put", "post", "delete", "patch"] as const;
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("schemas", "Problem") } },
});

/** The app's document as served, but with the placeholder server (scripts, tests, the package). */
export function buildDocument(app: Pick<OpenAPIHono, "getOpenAPI31Document">): OpenApiDocument {
  return finishDocument(app.getOpenAPI31Document(DOCUMENT_CONFIG) as Json);
}

/** The document as a client reads it from `origin`: that origin is its server. */
export function servedDocument(doc: OpenApiDocument, origin: string): OpenApiDocument {
  return { ...doc, servers: [{ url: origin }] };
}

export function finishDocument(generated: Json): OpenApiDocument {
  const doc = structuredClone(generated);
  doc.servers = [PLACEHOLDER_SERVER];
  doc.components ??= {};
  const schemas: Json = doc.components.schemas ?? {};
  walkSchemas(doc, addNullToNullableEnum);
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      op.operationId ??= operationIdFor(method, path);
      for (const param of op.parameters ?? []) if (param.schema) param.schema = inline(param.schema, schemas);
      for (const media of Object.values<Json>(op.requestBody?.content ?? {}))
        if (media.schema) media.schema = inline(media.schema, schemas);
      if (method === "post" || method === "patch" || method === "put") {
        op.responses["413"] ??= problem("body_too_large: the body is larger than the server takes");
        op.responses["415"] ??= problem("unsupported_media_type: bodies are `application/json`");
      }
      op.responses["500"] ??= problem("internal_error: an unexpected fault; the answer's request id finds it in the server's log");
      for (const [status, response] of Object.entries<Json>(op.responses ?? {})) {
        const headers: Json = { "X-Request-Id": ref("headers", "X-Request-Id") };
        if (status === "429") headers["Retry-After"] = ref("headers", "Retry-After");
        if (response.content?.["text/csv"]) headers["Content-Disposition"] = ref("headers", "Content-Disposition");
        if (status.startsWith("2") && takesSecretKey(op)) headers["Set-Cookie"] = ref("headers", "SessionRefresh");
        response.headers = { ...headers, ...response.headers };
      }
    }
  }
  // Webhooks: named by their event type (mounting a router prefixes a `/`), each with an operationId.
  if (doc.webhooks) {
    doc.webhooks = Object.fromEntries(
      Object.entries<Json>(doc.webhooks).map(([name, item]) => {
        const type = name.replace(/^\/+/, "");
        for (const method of METHODS)
          if (item[method]) item[method].operationId ??= `${type.replace(/[._](\w)/g, (_, c: string) => c.toUpperCase())}Event`;
        return [type, item];
      }),
    );
  }
  doc.components.schemas = usedSchemas(doc, schemas);
  // Only the schemes and headers some operation uses (an unused component is a lint warning).
  const text = JSON.stringify(doc.paths);
  const schemes = new Set(
    [...Object.values<Json>(doc.paths), ...Object.values<Json>(doc.webhooks ?? {})].flatMap((item) =>
      METHODS.flatMap((m) => (item[m]?.security ?? []).flatMap(Object.keys)),
    ),
  );
  doc.components.securitySchemes = { ...pick(SECURITY_SCHEMES, (name) => schemes.has(name)), ...doc.components.securitySchemes };
  doc.components.headers = { ...pick(HEADERS, (name) => text.includes(`"#/components/headers/${name}"`)), ...doc.components.headers };
  return doc;
}

/** A console session acts as a secret key, so every operation a bearer key may call can slide it. */
const takesSecretKey = (op: Json) => (op.security ?? []).some((alt: Json) => "bearer" in alt);

const pick = (all: Json, keep: (name: string) => boolean) => Object.fromEntries(Object.entries(all).filter(([name]) => keep(name)));

/**
 * A copy of `schema` with every component it refers to written out in place. A `discriminator` is left out of the
 * copy: its `mapping` names components, and each member of the `oneOf` still says its tag (a `const`).
 */
function inline(schema: Json, schemas: Json, depth = 0): Json {
  if (depth > 32) throw new Error("a request schema refers to itself: it cannot be written out");
  if (Array.isArray(schema)) return schema.map((s) => inline(s, schemas, depth));
  if (!schema || typeof schema !== "object") return schema;
  if (typeof schema.$ref === "string" && schema.$ref.startsWith("#/components/schemas/")) {
    const { $ref, ...siblings } = schema;
    const target = schemas[$ref.slice("#/components/schemas/".length)];
    if (!target) throw new Error(`no component ${$ref}`);
    return { ...inline(target, schemas, depth + 1), ...siblings };
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(schema))
    if (k !== "discriminator") out[k] = k === "example" || k === "default" || k === "enum" || k === "const" ? v : inline(v, schemas, depth);
  return out;
}

function addNullToNullableEnum(schema: Json): void {
  if (Array.isArray(schema.enum) && Array.isArray(schema.type) && schema.type.includes("null") && !schema.enum.includes(null))
    schema.enum = [...schema.enum, null];
}

/** Calls `visit` on every schema object of the document (components and operations, nested ones too). */
function walkSchemas(doc: Json, visit: (schema: Json) => void): void {
  const seen = new Set<Json>();
  const walk = (node: unknown, isSchema: boolean): void => {
    if (!node || typeof node !== "object" || seen.has(node as Json)) return;
    seen.add(node as Json);
    if (Array.isArray(node)) {
      for (const n of node) walk(n, isSchema);
      return;
    }
    const obj = node as Json;
    if (isSchema) visit(obj);
    for (const [k, v] of Object.entries(obj)) {
      if (k === "example" || k === "default" || k === "enum" || k === "const") continue;
      walk(v, isSchema || k === "schema" || k === "schemas");
    }
  };
  walk(doc.paths, false);
  walk(doc.webhooks, false);
  walk(doc.components?.schemas, true);
}

/** The components still referred to (from the operations and webhooks, or from those components), in their order. */
function usedSchemas(doc: Json, schemas: Json): Json {
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === "$ref" && typeof v === "string" && v.startsWith("#/components/schemas/")) {
        const name = v.slice("#/components/schemas/".length);
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(v);
    }
  };
  visit(doc.paths);
  visit(doc.webhooks);
  return Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
}
