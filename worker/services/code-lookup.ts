/**
 * Resolving a typed promo code, with guessing protection: failed look-ups are rate limited per shop and
 * per buyer or client address (429 with Retry-After); codes found never count. To a publishable-key
 * caller an unknown, ended, deactivated or not-yet-started code are all the same `code_not_found`, so
 * the public API cannot be used to map a shop's codes; a secret-key caller sees the true status.
 */
import type { Context } from "hono";
import { couponStatus } from "../engine/status.js";
import { normalizeCode } from "../engine/promo-code.js";
import type { AppEnv, ShopRow } from "../lib/context.js";
import { ApiError } from "../lib/problem.js";
import { findCouponByCode, rowToCoupon, type CouponRow } from "../store/coupons.js";

export function clientKey(c: Context<AppEnv>, buyerId: string | null): string {
  if (buyerId) return `buyer:${buyerId}`;
  // Only the host knows where a request came from (Node: the socket; Workers: `cf-connecting-ip`, set by
  // Cloudflare). A header read here would let a guesser on Node pick a fresh "address" per request.
  const addr = c.var.config.clientAddress?.(c) ?? "unknown";
  return `addr:${addr}`;
}

export async function lookupCode(
  c: Context<AppEnv>,
  shop: ShopRow,
  kind: "secret" | "publishable",
  typed: string,
  buyerId: string | null,
  now: number,
): Promise<{ code: string; row: CouponRow | null }> {
  const { rateLimiter, failedLookupsPerMinute: limit } = c.var.config;
  const real = c.var.config.now();
  // Public (publishable-key) guessing and the seller's own server count in separate shop buckets, so a
  // guesser who exhausts the public budget cannot also block the seller's server-side quotes and redemptions.
  const shopKey = `shop:${shop.id}:${kind}`;
  // The caller's own bucket first: a blocked guesser is refused without touching the shop's budget.
  const keys = [`${shopKey}:${clientKey(c, buyerId)}`, shopKey];
  const taken: string[] = [];
  for (const key of keys) {
    const wait = await rateLimiter.take(key, limit, real);
    if (wait > 0) {
      for (const k of taken) await rateLimiter.refund(k, real);
      throw new ApiError(429, "rate_limited", "Too many codes that do not exist were tried; wait and try again.", undefined, {
        "Retry-After": String(wait),
      });
    }
    taken.push(key);
  }
  const code = normalizeCode(typed);
  let row: CouponRow | null = (await findCouponByCode(c.var.db, shop.id, code)) ?? null;
  if (row && row.type !== "promo_code") row = null;
  if (row && kind === "publishable" && couponStatus(rowToCoupon(row), now) !== "ongoing") row = null;
  // Found codes never count. (To a publishable key a code that is not ongoing was not found, and counts.)
  if (row) for (const key of taken) await rateLimiter.refund(key, real);
  return { code, row };
}
