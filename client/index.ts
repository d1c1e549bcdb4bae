/**
 * `edge-coupons/client`: a typed client for the API, for a storefront's server, a seller's tools or a
 * script. Its types are generated from the OpenAPI document (`client/openapi.ts`, `npm run client:types`),
 * so every route is typed (paths, parameters, bodies, every declared answer) and none by hand; the calls
 * are openapi-fetch's (`client.GET(path, init)`, `client.POST(…)`, …, each answering `{ data, error,
 * response }`). Runs wherever `fetch` and WebCrypto do: Node 20+, Cloudflare Workers, browsers, Deno.
 *
 * ```ts
 * import { createClient } from "edge-coupons/client";
 * const api = createClient({ baseUrl: "https://coupons.example", key: process.env.COUPONS_SECRET_KEY });
 * const { data, error } = await api.POST("/v1/checkout/quote", { body: { buyer_id: "b-42", cart } });
 * ```
 */
import createFetchClient, { type Client } from "openapi-fetch";
import type { components, operations, paths, webhooks } from "./openapi.js";

export type { components, operations, paths, webhooks };
/** The answers' named shapes: `Schemas["Coupon"]`, `Schemas["Quote"]`, `Schemas["Problem"]`, … */
export type Schemas = components["schemas"];
/** Every `code` a problem or a reason may carry. */
export type ProblemCode = Schemas["ProblemCode"];
export type ReasonCode = Schemas["ReasonCode"];

/** The JSON body an operation takes: `RequestBody<"quoteCheckout">` (fields with a default are optional). */
export type RequestBody<Id extends keyof operations> = operations[Id] extends { requestBody?: { content: { "application/json": infer B } } }
  ? B
  : never;
/** The JSON answer of an operation for one status: `Answer<"quoteCheckout">` (200), `Answer<"createCoupon", 201>`. */
export type Answer<Id extends keyof operations, Status extends number = 200> =
  operations[Id]["responses"] extends Record<Status, { content: { "application/json": infer A } }> ? A : never;

/**
 * The body of a webhook event, for a receiver: `WebhookEvent<"redemption.committed">` (its
 * `data.object` is a Redemption); `WebhookEvent` alone is any of them, told apart by `type`.
 */
export type WebhookEventType = keyof webhooks;
export type WebhookEvent<T extends WebhookEventType = WebhookEventType> = T extends WebhookEventType
  ? webhooks[T]["post"]["requestBody"]["content"]["application/json"]
  : never;

export interface ClientOptions {
  /** The API's origin, e.g. `https://coupons.example` (no trailing `/v1`). */
  baseUrl: string;
  /** `sk_…` (server side), `pk_…` (storefront) or the platform admin token; sent as `Authorization: Bearer`. */
  key?: string;
  /** A buyer token (`signBuyerToken`), sent as `X-Buyer-Token` with every call; or pass it per call. */
  buyerToken?: string;
  /** Other headers for every call. */
  headers?: Record<string, string>;
  /** A `fetch` of your own (tests, instrumentation); default `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
}

/**
 * Answers are `application/json`, refusals `application/problem+json` (`error`); `data` is typed as the
 * JSON answer. A list also answers `text/csv` when asked (`headers: { accept: "text/csv" }, parseAs:
 * "text"`): that `data` is the CSV text, whatever its type says.
 */
export type JsonMedia = `${string}/json` | `${string}/${string}+json`;
export type EdgeCouponsClient = Client<paths, JsonMedia>;

export function createClient(options: ClientOptions): EdgeCouponsClient {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.buyerToken) headers["x-buyer-token"] = options.buyerToken;
  return createFetchClient<paths, JsonMedia>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/**
 * Signs a buyer token, on the storefront's server (never in the browser: the secret is the shop's
 * `buyer_token_secret`). An HS256 JWT with `sub` = the buyer id and `exp` in seconds since the epoch;
 * WebCrypto only, so it runs on Node and on Workers alike.
 *
 * ```ts
 * const token = await signBuyerToken(process.env.BUYER_TOKEN_SECRET!, "buyer-42", Math.floor(Date.now() / 1000) + 3600);
 * ```
 */
export { signBuyerToken } from "../worker/lib/jwt.js";

/**
 * A webhook receiver's check of `Coupon-Signature` (also alone as `edge-coupons/client/webhooks`):
 * `await verifySignature(secret, header, rawBody, 300)`.
 */
export { verifySignature } from "../worker/client/webhooks.js";
