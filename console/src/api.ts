/**
 * Every call the console makes, one function per route, typed with the API's own contract types
 * (`contract.ts`). Calls ride the console session's HttpOnly cookie (same origin, `credentials:
 * "same-origin"`): no key is ever held in JavaScript. A 401 on a seller route means the session ended;
 * it is announced on `window` as `ec-session-ended` so the shell can ask the seller to sign in again.
 */
import type {
  ApiKey, Availability, AuditEntry, ClaimRow, Coupon, CreateBody, DuplicateBody, FieldError, Page, Performance,
  Preview, Quote, QuoteRequest, Recipient, RedemptionRow, Review, Shop, UpdateBody,
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

type Query = Record<string, string | number | boolean | null | undefined>;
interface Options {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export const SESSION_ENDED = "ec-session-ended";

function url(base: string, path: string, query?: Query): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return base.replace(/\/+$/, "") + path + (s ? `?${s}` : "");
}

async function send(base: string, method: string, path: string, o: Options, accept = "application/json"): Promise<Response> {
  const headers: Record<string, string> = { accept, ...o.headers };
  if (o.body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(url(base, path, o.query), {
      method,
      headers,
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
      credentials: "same-origin",
      signal: o.signal,
    });
  } catch (e) {
    if (o.signal?.aborted) throw e;
    throw new ApiProblem(0, "network_error");
  }
  if (res.ok) return res;
  const p = (await res.json().catch(() => ({}))) as { code?: string; detail?: string; errors?: FieldError[] };
  if (res.status === 401 && path !== "/v1/console/sessions") window.dispatchEvent(new CustomEvent(SESSION_ENDED));
  throw new ApiProblem(res.status, p.code ?? `http_${res.status}`, p.detail, p.errors ?? [], Number(res.headers.get("retry-after")) || 0);
}

async function call<T>(base: string, method: string, path: string, o: Options = {}): Promise<T> {
  const res = await send(base, method, path, o);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

const id = (s: string) => encodeURIComponent(s);

export function createApi(base = "") {
  const get = <T>(path: string, query?: Query, signal?: AbortSignal) => call<T>(base, "GET", path, { query, signal });
  const post = <T>(path: string, body?: unknown, o: Omit<Options, "body"> = {}) => call<T>(base, "POST", path, { ...o, body });
  return {
    signIn: (secret_key: string) => post<{ shop: Shop }>("/v1/console/sessions", { secret_key }),
    currentShop: () => get<{ shop: Shop }>("/v1/console/sessions/current"),
    signOut: () => call<void>(base, "DELETE", "/v1/console/sessions/current"),

    listCoupons: (q: { type?: string; status?: string; limit?: number; cursor?: string | null }, signal?: AbortSignal) =>
      get<Page<Coupon>>("/v1/coupons", q, signal),
    getCoupon: (couponId: string) => get<{ coupon: Coupon }>(`/v1/coupons/${id(couponId)}`),
    createCoupon: (body: CreateBody) => post<{ coupon: Coupon; addons: Coupon[] }>("/v1/coupons", body),
    previewCoupon: (body: CreateBody, signal?: AbortSignal) => post<Preview>("/v1/coupons/preview", body, { signal }),
    updateCoupon: (couponId: string, body: UpdateBody, version: number) =>
      call<{ coupon: Coupon }>(base, "PATCH", `/v1/coupons/${id(couponId)}`, { body, headers: { "if-match": String(version) } }),
    deactivateCoupon: (couponId: string) => post<{ coupon: Coupon }>(`/v1/coupons/${id(couponId)}/deactivate`),
    duplicateCoupon: (couponId: string, body: DuplicateBody) => post<{ coupon: Coupon }>(`/v1/coupons/${id(couponId)}/duplicate`, body),
    history: (couponId: string, cursor?: string | null) => get<Page<AuditEntry>>(`/v1/coupons/${id(couponId)}/history`, { cursor, limit: 100 }),
    performance: (couponId: string, q: { from?: string; to?: string } = {}) => get<Performance>(`/v1/coupons/${id(couponId)}/performance`, q),
    sendCoupon: (couponId: string, buyer_id: string) => post<{ coupon: Coupon }>(`/v1/coupons/${id(couponId)}/send`, { buyer_id }),
    recipients: (couponId: string, cursor?: string | null) => get<Page<Recipient>>(`/v1/coupons/${id(couponId)}/recipients`, { cursor }),
    availability: (code: string, signal?: AbortSignal) => get<Availability>("/v1/promo-codes/availability", { code }, signal),

    audit: (q: { coupon_id?: string; action?: string; cursor?: string | null }) => get<Page<AuditEntry>>("/v1/audit", q),
    redemptions: (q: Query) => get<Page<RedemptionRow>>("/v1/redemptions", q),
    claims: (q: Query) => get<Page<ClaimRow>>("/v1/claims", q),
    reviews: (q: Query) => get<Page<Review>>("/v1/reviews", q),
    /** The whole filtered list as CSV (the server streams it), saved under `filename`. */
    downloadCsv: async (path: "/v1/redemptions" | "/v1/claims", query: Query, filename: string) => {
      const res = await send(base, "GET", path, { query }, "text/csv");
      const href = URL.createObjectURL(await res.blob());
      const a = Object.assign(document.createElement("a"), { href, download: filename });
      a.click();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    },

    quote: (body: QuoteRequest) => post<Quote>("/v1/checkout/quote", body),

    listKeys: () => get<Page<ApiKey>>("/v1/keys", { limit: 100 }),
    createKey: (kind: "secret" | "publishable") => post<{ key: ApiKey; secret: string }>("/v1/keys", { kind }),
    revokeKey: (keyId: string) => post<{ key: ApiKey }>(`/v1/keys/${id(keyId)}/revoke`),
    updateShop: (shopId: string, body: { allowed_origins?: string[] }) =>
      call<{ shop: Shop }>(base, "PATCH", `/v1/shops/${id(shopId)}`, { body }),
    setTestClock: (now: string | null) => post<{ now: string; frozen: boolean }>("/v1/test-clock", { now }),
  };
}

export type Api = ReturnType<typeof createApi>;
export const isAbort = (e: unknown) => (e as Error)?.name === "AbortError";
