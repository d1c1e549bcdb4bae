/**
 * Every call the console makes, typed by the app itself: `hc<AppType>` (hono/client) turns the routes'
 * zod contracts into typed requests and answers, so nothing here restates the contract. Calls ride the
 * console session's HttpOnly cookie (same origin): no key is ever held in JavaScript. A 401 means the
 * session ended; it is announced on `window` as `ec-session-ended`.
 */
import { hc, type ClientResponse } from "hono/client";
import type { AppType } from "../../worker/app.js";
import type {
  ClaimQuery,
  CreateBody,
  DuplicateBody,
  FieldError,
  QuoteRequest,
  RedemptionQuery,
  ShopUpdate,
  UpdateBody,
  WebhookEventType,
} from "./contract.js";

/** A refused or failed call: `status` 0 is a network failure; `errors` name the fields at fault. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail = "",
    readonly errors: FieldError[] = [],
    readonly retryAfter = 0,
  ) {
    super(detail || code);
  }
}

export const SESSION_ENDED = "ec-session-ended";

type Query = Record<string, string | number | boolean | null | undefined>;
/** The JSON body of a call's successful answer, as its route's contract types it (not a list's CSV form). */
type Ok<R> =
  R extends ClientResponse<infer T, infer S, infer F> ? (S extends 200 | 201 ? (F extends "json" ? NotRaw<T> : never) : never) : never;
/** A handler that may also answer a raw `Response` (a streamed CSV) types its body with it: not JSON. */
type NotRaw<T> = T extends { arrayBuffer(): unknown } ? never : T;
type AnyResponse = ClientResponse<unknown, number, string>;

async function refusal(res: Response, signedOut: boolean): Promise<ApiProblem> {
  const p = (await res.json().catch(() => ({}))) as { code?: string; detail?: string; errors?: FieldError[] };
  if (res.status === 401 && signedOut) window.dispatchEvent(new CustomEvent(SESSION_ENDED));
  return new ApiProblem(res.status, p.code ?? `http_${res.status}`, p.detail, p.errors ?? [], Number(res.headers.get("retry-after")) || 0);
}

/** Awaits a call: its answer's body when it succeeded, else an `ApiProblem` (0 when nothing came back). */
async function ok<R extends AnyResponse>(call: Promise<R>, signal?: AbortSignal, signedOut = true): Promise<Ok<R>> {
  let res: R;
  try {
    res = await call;
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiProblem(0, "network_error");
  }
  if (!res.ok) throw await refusal(res as unknown as Response, signedOut);
  return (res.status === 204 ? undefined : await res.json()) as Ok<R>;
}

/** Drops empty values and stringifies the rest (query strings are text). */
function query(q: Query): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== "") out[k] = String(v);
  return out;
}

export function createApi(base = "") {
  const root = base.replace(/\/+$/, "") || location.origin;
  const v1 = hc<AppType>(root, { init: { credentials: "same-origin" } }).v1;
  const coupon = (id: string) => ({ param: { id } });
  const aborting = (signal?: AbortSignal) => (signal ? { init: { signal } } : undefined);
  /** A list route's CSV form: the same query with `Accept: text/csv` (the server streams the whole list). */
  const asCsv = { headers: { accept: "text/csv" } };

  return {
    signIn: (secret_key: string) => ok(v1.console.sessions.$post({ json: { secret_key } }), undefined, false),
    currentShop: () => ok(v1.console.sessions.current.$get(), undefined, false),
    signOut: () => ok(v1.console.sessions.current.$delete(), undefined, false),

    listCoupons: (q: { type?: string; status?: string; limit?: number; cursor?: string | null }, signal?: AbortSignal) =>
      ok(v1.coupons.$get({ query: query(q) }, aborting(signal)), signal),
    getCoupon: (id: string) => ok(v1.coupons[":id"].$get(coupon(id))),
    createCoupon: (body: CreateBody) => ok(v1.coupons.$post({ json: body })),
    previewCoupon: (body: CreateBody, signal?: AbortSignal) => ok(v1.coupons.preview.$post({ json: body }, aborting(signal)), signal),
    availability: (code: string, signal?: AbortSignal) =>
      ok(v1["promo-codes"].availability.$get({ query: { code } }, aborting(signal)), signal),
    updateCoupon: (id: string, body: UpdateBody, version: number) =>
      ok(v1.coupons[":id"].$patch({ ...coupon(id), json: body, header: { "if-match": String(version) } })),
    deactivateCoupon: (id: string) => ok(v1.coupons[":id"].deactivate.$post({ ...coupon(id), header: {} })),
    duplicateCoupon: (id: string, body: DuplicateBody) => ok(v1.coupons[":id"].duplicate.$post({ ...coupon(id), json: body })),
    history: (id: string, cursor?: string | null) =>
      ok(v1.coupons[":id"].history.$get({ ...coupon(id), query: query({ cursor, limit: 100 }) })),
    performance: (id: string, q: { from?: string; to?: string } = {}) =>
      ok(v1.coupons[":id"].performance.$get({ ...coupon(id), query: query(q) })),
    sendCoupon: (id: string, buyer_id: string) => ok(v1.coupons[":id"].send.$post({ ...coupon(id), json: { buyer_id } })),
    recipients: (id: string, cursor?: string | null) => ok(v1.coupons[":id"].recipients.$get({ ...coupon(id), query: query({ cursor }) })),
    /** Adds the seller's own suffixes to an upcoming campaign: `{added, refused: [{code, reason}]}`. */
    importCodes: (id: string, codes: string[]) => ok(v1.coupons[":id"].codes.$post({ ...coupon(id), json: { codes } })),
    quote: (body: QuoteRequest) => ok(v1.checkout.quote.$post({ json: body })),

    audit: (q: { coupon_id?: string; action?: string; cursor?: string | null }) => ok(v1.audit.$get({ query: query(q) })),
    reviews: (q: Query) => ok(v1.reviews.$get({ query: query(q) })),
    redemptions: (q: RedemptionQuery) => ok(v1.redemptions.$get({ query: query(q) })),
    claims: (q: ClaimQuery) => ok(v1.claims.$get({ query: query(q) })),

    listKeys: () => ok(v1.keys.$get({ query: { limit: "100" } })),
    createKey: (kind: "secret" | "publishable") => ok(v1.keys.$post({ json: { kind } })),
    revokeKey: (id: string) => ok(v1.keys[":id"].revoke.$post({ param: { id } })),
    updateShop: (id: string, body: ShopUpdate) => ok(v1.shops[":id"].$patch({ param: { id }, json: body })),
    setTestClock: (now: string | null) => ok(v1["test-clock"].$post({ json: { now } })),

    listEndpoints: () => ok(v1["webhook-endpoints"].$get({ query: { limit: "100" } })),
    createEndpoint: (url: string, events: WebhookEventType[]) => ok(v1["webhook-endpoints"].$post({ json: { url, events } })),
    deleteEndpoint: (id: string) => ok(v1["webhook-endpoints"][":id"].$delete({ param: { id } })),
    deliveries: (id: string) => ok(v1["webhook-endpoints"][":id"].deliveries.$get({ param: { id }, query: { limit: "20" } })),
    retryDelivery: (id: string) => ok(v1["webhook-deliveries"][":id"].retry.$post({ param: { id } })),

    /** The whole filtered list as CSV (the server streams it), saved under `filename`. */
    downloadCsv: (list: "redemptions" | "claims", q: RedemptionQuery & ClaimQuery, filename: string) =>
      save(list === "redemptions" ? v1.redemptions.$get({ query: query(q) }, asCsv) : v1.claims.$get({ query: query(q) }, asCsv), filename),
    /** A campaign's unique codes as CSV (`GET /v1/coupons/{id}/codes`), saved under `filename`. */
    downloadCodes: (id: string, filename: string) => save(v1.coupons[":id"].codes.$get({ ...coupon(id), query: {} }, asCsv), filename),
  };
}

/** Saves a CSV answer as a download named `filename`. */
async function save(call: Promise<AnyResponse>, filename: string) {
  let res: Response;
  try {
    res = (await call) as unknown as Response;
  } catch {
    throw new ApiProblem(0, "network_error");
  }
  if (!res.ok) throw await refusal(res, true);
  const href = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement("a"), { href, download: filename });
  a.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export type Api = ReturnType<typeof createApi>;
export const isAbort = (e: unknown) => (e as Error)?.name === "AbortError";
