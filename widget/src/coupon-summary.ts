import { CouponSummary } from "./coupon-summary.component.js";

export * from "./coupon-summary.component.js";

if (!customElements.get("coupon-summary")) customElements.define("coupon-summary", CouponSummary);

declare global {
  interface HTMLElementTagNameMap {
    "coupon-summary": CouponSummary;
  }
}
