/** The event details `<promo-code-field>` sends, and the states it shows. */
import type { Reason } from "./api.js";

/** A claimed coupon of the buyer that saves more than the typed code (the quote's `best`). */
export interface BetterCoupon {
  coupon_id: string;
  discount_minor: number;
}
export interface PromoRejectedDetail {
  /** The code as typed. */
  code: string;
  reasons: Reason[];
  /** Set when the code applies but the buyer's claimed coupon saves more and stays (`one_seller_coupon_per_order`). */
  better?: BetterCoupon;
}
export interface PromoRemovedDetail {
  code: string;
}

/**
 * `better`: the typed code applies but a claimed coupon saves more and stays; `unavailable`: the service
 * refused the page itself (no retry can help).
 */
export type Status = "idle" | "applied" | "rejected" | "error" | "better" | "unavailable";
