/** Who is calling, as routes and services see it (no Hono types: services take these). */
import type { shops } from "../../db/schema.js";

export type ShopRow = typeof shops.$inferSelect;

export type Caller = { kind: "admin" } | { kind: "secret" | "publishable"; keyId: string; shop: ShopRow };

/** A shop's key as a route sees it: the shop, the key, and the shop's clock for this request. */
export interface ShopCaller {
  shop: ShopRow;
  keyId: string;
  kind: "secret" | "publishable";
  /** The shop clock (its frozen test clock when set, else real time), read once per request. */
  now: number;
}

/** A secret-key caller: the seller's own server. */
export type Seller = ShopCaller & { kind: "secret" };

/** The shop's clock: its frozen test clock when set (test shops only), else real time. */
export function shopNow(shop: ShopRow, realNow: number): number {
  return shop.mode === "test" && shop.test_clock_now != null ? shop.test_clock_now : realNow;
}
