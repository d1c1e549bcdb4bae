/**
 * The few calls the widget makes (the storefront and checkout routes of the OpenAPI document), over fetch with an AbortSignal.
 * Sends the publishable key as a bearer token and the buyer's token when there is one.
 */

/** The quote body's `cart` and its lines: the server's own types (type-only import, erased from the bundle). */
import type { Cart, CartLine } from "../../worker/engine/types.js";
export type { Cart, CartLine };

export interface Reason {
  code: string;
  message: string;
}

export interface QuoteCandidate {
  coupon_id: string | null;
  code?: string;
  applicable: boolean;
  discount_minor: number;
  reasons: Reason[];
}

/** The answer of `POST /v1/checkout/quote`. */
export interface QuoteAnswer {
  subtotal_minor: number;
  applied: {
    coupon_id: string;
    code?: string;
    discount_minor: number;
    allocations: { line_id: string; discount_minor: number }[];
  } | null;
  best: { coupon_id: string; discount_minor: number } | null;
  candidates: QuoteCandidate[];
  total_minor: number;
  /** With `explain: true`: the steps; a `candidate` step carries `in_scope_minor` and `min_spend_minor`. */
  trace?: { step: string; detail: Record<string, unknown> }[];
}

export type Discount =
  | { kind: "fixed"; amount_minor: number }
  | { kind: "percent"; percent_off: number; max_discount_minor?: number | null };

/** An entry of `GET /v1/storefront/coupons`. */
export interface StorefrontCoupon {
  id: string;
  name: string;
  type: string;
  discount: Discount;
  min_spend_minor: number;
  currency?: string;
  claim_ends_at?: string;
  validity?: { kind: "days_after_claim"; days: number } | { kind: "fixed"; starts_at: string; ends_at: string };
  claimable: boolean;
  reason?: string | null;
}

/** A buyer's claim (`POST /v1/storefront/coupons/{id}/claim`). */
export interface Claim {
  id: string;
  coupon_id: string;
  valid_from: string;
  valid_until: string;
  state: string;
}

/** Where and as whom to call. */
export interface ApiConfig {
  /** Base URL; empty means the page's own origin. */
  api: string;
  publishableKey: string;
  buyerToken?: string;
}

/**
 * A refused or failed call. `status` 0 means no answer could be read: a network failure, or (`refused`)
 * a cross-origin answer the browser hid because the service did not allow this page's origin.
 * Otherwise `code` and `detail` come from the problem+json body, when it had them.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code?: string,
    /** The problem's `detail`, with the paths of its field `errors`. */
    readonly detail = "",
    /** Seconds to wait before asking again (429's `Retry-After`). */
    readonly wait = 0,
    readonly refused = false,
  ) {
    super(code ?? `HTTP ${status}`);
  }
}

/**
 * True when the page itself is at fault (a wrong key, an origin not allowed, a request the API refuses):
 * asking again cannot help, so the shopper sees "unavailable" and the developer a console message.
 * 409 carries a reason code and 429 a wait; those are the shopper's to read.
 */
export const pageFault = (e: ApiError) => e.refused || (e.status >= 400 && e.status < 500 && e.status !== 409 && e.status !== 429);

export async function call<T>(cfg: ApiConfig, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${cfg.publishableKey}` };
  if (cfg.buyerToken) headers["x-buyer-token"] = cfg.buyerToken;
  if (body !== undefined) headers["content-type"] = "application/json";
  const base = cfg.api.replace(/\/+$/, "");
  let res: Response;
  try {
    res = await fetch(base + path, {
      method: body === undefined ? "GET" : "POST",
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    // An abort is passed on as is, so callers can tell it from a network failure.
    if (signal?.aborted) throw e;
    // To fetch, an answer refused by CORS looks like a network failure. A no-cors request tells them
    // apart: if the service answers it (an opaque answer), it is up and refused this page's origin.
    const other = new URL(base || "/", location.href).origin !== location.origin;
    const up =
      other &&
      (await fetch(`${base}/health`, { mode: "no-cors", signal }).then(
        () => true,
        () => false,
      ));
    throw new ApiError(0, undefined, "", 0, up);
  }
  const data = await res.json().catch(() => undefined);
  if (!res.ok) {
    const paths = (data?.errors ?? []).map((e: { path: string; message: string }) => ` ${e.path}: ${e.message}`);
    throw new ApiError(res.status, data?.code, (data?.detail ?? "") + paths, Number(res.headers.get("retry-after")) || 0);
  }
  return data as T;
}

export const isAbort = (e: unknown) => (e as Error)?.name === "AbortError";
