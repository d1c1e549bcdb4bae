/** Calls to a Worker under `wrangler dev` for the Workers suites: any route by method and path, and a promo code body. */
import type { CouponJson } from "../support/api.js";
import { httpCall } from "../support/http.js";
import type { DevWorker } from "./wrangler.js";

export const call = (w: DevWorker, method: string, path: string, key?: string, body?: unknown, headers: Record<string, string> = {}) =>
  httpCall(w.url, key, method, path, body, headers);

export const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
export const promo = (over: Partial<Extract<CouponJson, { type: "promo_code" }>> = {}): CouponJson => ({
  type: "promo_code",
  name: `Promo ${Math.random().toString(36).slice(2, 8)}`,
  discount: { kind: "fixed", amount_minor: 500 },
  min_spend_minor: 0,
  quantity: 100,
  active_starts_at: iso(-60_000),
  active_ends_at: iso(7 * 86_400_000),
  ...over,
});
