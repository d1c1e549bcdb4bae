/**
 * Checks real traffic against the OpenAPI document with Ajv (JSON Schema 2020-12, strict mode): every
 * request the API accepted (a 2xx or 3xx answer) must be one the document allows — path, query and header
 * parameters, the body — and every answer must be one the document declares for that operation: the
 * status, the media type, the body, and the headers (declared required ones present; `ETag`,
 * `Retry-After`, `Content-Disposition`, `Set-Cookie` and `X-Request-Id` sent only where declared).
 * `makeTestApp` runs every exchange of every suite through it; test/contract/traffic.test.ts also
 * walks each operation on purpose.
 */
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";

type Json = Record<string, any>;

export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Headers;
  /** The request body as sent (read only for accepted requests). */
  requestBody: string | null;
  status: number;
  responseHeaders: Headers;
  responseBody: string;
}

export interface CheckedOperation {
  method: string;
  path: string;
  operationId: string;
}

/** Headers whose presence the document must declare. */
const WATCHED_HEADERS = ["etag", "retry-after", "content-disposition", "set-cookie", "x-request-id"];
const METHODS = ["get", "put", "post", "delete", "patch"];

interface Route {
  method: string;
  path: string;
  op: Json;
  pattern: RegExp;
  params: string[];
}

export class ContractChecker {
  private readonly ajv: InstanceType<typeof Ajv2020>;
  private readonly routes: Route[] = [];
  private readonly compiled = new Map<object, ValidateFunction>();
  /** Each operation seen, with the statuses it answered (for coverage checks). */
  readonly seen = new Map<string, Set<number>>();

  constructor(readonly doc: Json) {
    // Strict mode, with OpenAPI's own annotation keywords and type unions (`["string", "null"]`) allowed.
    this.ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addKeyword("example");
    this.ajv.addKeyword("discriminator");
    this.ajv.addSchema({ $id: "openapi", $defs: rewriteRefs(doc.components?.schemas ?? {}) });
    for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
      for (const method of METHODS) {
        if (!item[method]) continue;
        const params: string[] = [];
        const source = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?{([^}]+)\\?}/g, (_, name) => {
          params.push(name);
          return "([^/]+)";
        });
        this.routes.push({ method: method.toUpperCase(), path, op: item[method], pattern: new RegExp(`^${source}$`), params });
      }
    }
    // A path without parameters wins over a template (`/v1/promo-codes/availability` over `{code}`).
    this.routes.sort((a, b) => a.params.length - b.params.length);
  }

  operations(): CheckedOperation[] {
    return this.routes.map((r) => ({ method: r.method, path: r.path, operationId: r.op.operationId }));
  }

  /** What is wrong with this exchange, as sentences (empty when it keeps the contract). */
  check(x: Exchange): string[] {
    const url = new URL(x.url);
    if (x.method === "OPTIONS" || x.method === "HEAD") return [];
    const route = this.routes.find((r) => r.method === x.method && r.pattern.test(url.pathname));
    const label = `${x.method} ${url.pathname} → ${x.status}`;
    if (!route) {
      // No operation: only /v1 answers are the API's (pages, assets and the document are not in it).
      if (!url.pathname.startsWith("/v1/")) return [];
      return this.checkBody(label, this.doc.components.schemas.Problem ? { $ref: "#/components/schemas/Problem" } : {}, x.responseBody);
    }
    const key = `${route.method} ${route.path}`;
    if (!this.seen.has(key)) this.seen.set(key, new Set());
    this.seen.get(key)!.add(x.status);
    const problems = [...this.checkResponse(label, route, x)];
    if (x.status < 400) problems.push(...this.checkRequest(label, route, url, x));
    return problems;
  }

  /**
   * What is wrong with a webhook delivery the API sent: its body against the document's `webhooks` entry
   * for the event's type, and the headers that entry requires.
   */
  checkWebhook(headers: Record<string, string | string[] | undefined>, rawBody: string): string[] {
    let type: unknown;
    try {
      type = JSON.parse(rawBody).type;
    } catch {
      return [`a webhook body that is not JSON: ${rawBody.slice(0, 100)}`];
    }
    const op = this.doc.webhooks?.[String(type)]?.post;
    if (!op) return [`a webhook of type ${String(type)}, which the document's webhooks do not describe`];
    const label = `webhook ${String(type)}`;
    const out = (op.parameters ?? [])
      .filter((p: Json) => p.in === "header" && p.required && headers[p.name.toLowerCase()] === undefined)
      .map((p: Json) => `${label}: the required header ${p.name} is missing`);
    return [...out, ...this.checkBody(`${label}: body`, op.requestBody.content["application/json"].schema, rawBody)];
  }

  private checkRequest(label: string, route: Route, url: URL, x: Exchange): string[] {
    const out: string[] = [];
    const match = route.pattern.exec(url.pathname)!;
    const pathValues = Object.fromEntries(route.params.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
    for (const p of route.op.parameters ?? []) {
      const raw =
        p.in === "path"
          ? pathValues[p.name]
          : p.in === "query"
            ? (url.searchParams.get(p.name) ?? undefined)
            : p.in === "header"
              ? (x.requestHeaders.get(p.name) ?? undefined)
              : undefined;
      if (raw === undefined) {
        if (p.required) out.push(`${label}: the accepted request lacks the required ${p.in} parameter ${p.name}`);
        continue;
      }
      out.push(...this.checkValue(`${label}: ${p.in} parameter ${p.name}`, p.schema, coerce(raw, p.schema)));
    }
    const body = route.op.requestBody;
    const sent = x.requestBody !== null && x.requestBody !== "";
    if (body?.required && !sent) out.push(`${label}: the accepted request has no body, which the document requires`);
    if (sent) {
      const media = (x.requestHeaders.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
      const schema = body?.content?.[media]?.schema;
      if (!body) out.push(`${label}: the accepted request has a body, and the document declares none`);
      else if (!schema) out.push(`${label}: the accepted request's media type ${media} is not declared`);
      else out.push(...this.checkBody(`${label}: request body`, schema, x.requestBody!));
    }
    return out;
  }

  private checkResponse(label: string, route: Route, x: Exchange): string[] {
    const response = route.op.responses?.[String(x.status)] ?? route.op.responses?.default;
    if (!response) return [`${label}: status ${x.status} is not declared for ${route.op.operationId} (${x.responseBody.slice(0, 200)})`];
    const out: string[] = [];
    const declaredHeaders: Json = response.headers ?? {};
    const declaredNames = new Set(Object.keys(declaredHeaders).map((h) => h.toLowerCase()));
    for (const [name, h] of Object.entries<Json>(declaredHeaders)) {
      const header = h.$ref ? this.doc.components.headers[h.$ref.split("/").pop()] : h;
      const value = x.responseHeaders.get(name);
      if (value === null) {
        if (header.required) out.push(`${label}: the declared header ${name} is missing`);
      } else if (header.schema) out.push(...this.checkValue(`${label}: header ${name}`, header.schema, value));
    }
    for (const name of WATCHED_HEADERS)
      if (x.responseHeaders.has(name) && !declaredNames.has(name))
        out.push(`${label}: sends the header ${name}, which the document does not declare`);
    const content: Json | undefined = response.content;
    if (!content) return x.responseBody ? [...out, `${label}: has a body, and the document declares none`] : out;
    const media = (x.responseHeaders.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    const schema = content[media]?.schema;
    if (!content[media]) return [...out, `${label}: media type ${media || "(none)"} is not declared (${Object.keys(content).join(", ")})`];
    if (media.endsWith("json") && schema) out.push(...this.checkBody(`${label}: answer`, schema, x.responseBody));
    if (media === "text/csv" && !/^attachment/.test(x.responseHeaders.get("content-disposition") ?? ""))
      out.push(`${label}: a CSV answer without Content-Disposition: attachment`);
    if (
      x.status === 401 &&
      route.op.security &&
      !JSON.stringify(route.op.security).includes("buyerToken") &&
      x.responseBody.includes('"invalid_buyer_token"')
    )
      out.push(`${label}: refuses an X-Buyer-Token, and the operation does not declare the buyerToken scheme`);
    return out;
  }

  private checkBody(label: string, schema: Json, text: string): string[] {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return [`${label}: not JSON (${text.slice(0, 100)})`];
    }
    return this.checkValue(label, schema, value);
  }

  private checkValue(label: string, schema: Json, value: unknown): string[] {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(rewriteRefs(schema));
      this.compiled.set(schema, validate);
    }
    if (validate(value)) return [];
    const errors = (validate.errors ?? []).slice(0, 5).map((e) =>
      // An enum's whole list would drown the message: name the value and say where the list is.
      e.keyword === "enum"
        ? `${e.instancePath || "(root)"} is not one of the ${e.params.allowedValues.length} values the document lists (${e.schemaPath})`
        : `${e.instancePath || "(root)"} ${e.message} ${JSON.stringify(e.params)}`,
    );
    return [`${label} does not match the document: ${errors.join("; ")} — value ${JSON.stringify(value)?.slice(0, 400)}`];
  }
}

/** `#/components/schemas/X` → the shared schema's `$defs/X`, so each schema compiles on its own. */
function rewriteRefs(node: any): any {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node))
    out[k] =
      k === "$ref" && typeof v === "string"
        ? v.replace("#/components/schemas/", "openapi#/$defs/")
        : k === "enum" || k === "const" || k === "default" || k === "example"
          ? v
          : rewriteRefs(v);
  return out;
}

/** A query, path or header value (a string) as the parameter's schema types it. */
function coerce(raw: string, schema: Json): unknown {
  const types: string[] = Array.isArray(schema?.type) ? schema.type : [schema?.type];
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (types.includes("boolean") && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

export class ContractError extends Error {
  constructor(readonly problems: string[]) {
    super(`The exchange breaks the OpenAPI document:\n- ${problems.join("\n- ")}`);
  }
}

type Fetcher = { fetch: (request: Request, ...rest: any[]) => Response | Promise<Response> };

/**
 * Runs every exchange through `app.fetch` past the checker: an exchange that breaks the document
 * fails the call that made it (a `ContractError`). Hono's `app.request` (and so `testClient`) goes
 * through `app.fetch`.
 */
export function checkEveryExchange(app: Fetcher, checker: () => ContractChecker): void {
  const inner = app.fetch;
  app.fetch = async (original: Request, ...rest: any[]) => {
    // The body is recorded as the server reads it (a tap, not a copy: a body the server stops reading,
    // or never reads, is not read here either, and cancelling it still reaches its source).
    const chunks: Uint8Array[] = [];
    let request = original;
    if (original.body) {
      const tap = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          chunks.push(chunk);
          controller.enqueue(chunk);
        },
      });
      const init = {
        method: original.method,
        headers: original.headers,
        body: original.body.pipeThrough(tap),
        duplex: "half",
        signal: original.signal,
      };
      request = new Request(original.url, init as RequestInit);
    }
    const res = await inner.call(app, request, ...rest);
    // A CSV answer is a pull stream read from the database page by page as the client takes it: reading
    // it here would read it all at once, before the client has asked. Its headers are checked; its body
    // is not JSON and the document types it only as a string.
    const streamed = (res.headers.get("content-type") ?? "").toLowerCase().startsWith("text/csv");
    const requestBody = chunks.length ? Buffer.concat(chunks).toString("utf8") : null;
    const problems = checker().check({
      method: request.method,
      url: request.url,
      requestHeaders: request.headers,
      requestBody,
      status: res.status,
      responseHeaders: res.headers,
      responseBody: streamed ? "" : await res.clone().text(),
    });
    if (problems.length) throw new ContractError(problems);
    return res;
  };
}
