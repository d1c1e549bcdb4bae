import { PromoCodeField, type PromoRejectedDetail, type PromoRemovedDetail } from "./promo-code-field.component.js";
import type { QuoteAnswer } from "./api.js";

export * from "./promo-code-field.component.js";

if (!customElements.get("promo-code-field")) customElements.define("promo-code-field", PromoCodeField);

declare global {
  interface HTMLElementTagNameMap {
    "promo-code-field": PromoCodeField;
  }
  interface HTMLElementEventMap {
    "promo-applied": CustomEvent<QuoteAnswer>;
    "promo-rejected": CustomEvent<PromoRejectedDetail>;
    "promo-removed": CustomEvent<PromoRemovedDetail>;
  }
}
