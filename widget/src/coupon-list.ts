import { CouponList } from "./coupon-list.component.js";
import type { Claim } from "./api.js";

export * from "./coupon-list.component.js";

if (!customElements.get("coupon-list")) customElements.define("coupon-list", CouponList);

declare global {
  interface HTMLElementTagNameMap {
    "coupon-list": CouponList;
  }
  interface HTMLElementEventMap {
    "coupon-claimed": CustomEvent<Claim>;
  }
}
