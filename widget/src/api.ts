/**
 * The few calls the widget makes (API.md "Storefront and checkout"), over fetch with an AbortSignal.
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
  trace?: unknown;
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
  validity?:
    | { kind: "days_after_claim"; days: number }
    | { kind: "fixed"; starts_at: string; ends_at: string };
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
 * A refused or failed call. `status` 0 is a network failure (nothing came back); otherwise `code`
 * is the problem+json `code` (a reason code for refused claims), when the body had one.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code?: string,
  ) {
    super(code ?? `HTTP ${status}`);
  }
}

export async function call<T>(
  cfg: ApiConfig,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${cfg.publishableKey}` };
  if (cfg.buyerToken) headers["x-buyer-token"] = cfg.buyerToken;
  if (body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(cfg.api.replace(/\/+$/, "") + path, {
      method: body === undefined ? "GET" : "POST",
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    // An abort is passed on as is, so callers can tell it from a network failure.
    if (signal?.aborted) throw e;
    throw new ApiError(0);
  }
  const data = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(res.status, data?.code);
  return data as T;
}

export const isAbort = (e: unknown) => (e as Error)?.name === "AbortError";
