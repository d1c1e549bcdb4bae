/**
 * Defines every console element. Each view is its own element, so a marketplace can embed one alone
 * (`<ec-coupon-list>`, `<ec-coupon-form>`, …) and route the `ec-navigate` events it sends itself.
 * The daily chart (`<ec-daily-chart>`) is not here: it is loaded on demand by `<ec-coupon-data>`.
 */
import { ConsoleApp } from "./views/app.component.js";
import { SignIn } from "./views/sign-in.component.js";
import { CouponList } from "./views/coupon-list.component.js";
import { CodeImport } from "./views/code-import.component.js";
import { CouponForm } from "./views/coupon-form.component.js";
import { CouponData } from "./views/coupon-data.component.js";
import { CouponHistory } from "./views/coupon-history.component.js";
import { AuditLog } from "./views/audit-log.component.js";
import { ChatRecipients } from "./views/chat-recipients.component.js";
import { ClaimsView, RedemptionsView } from "./views/records.component.js";
import { ReviewsView } from "./views/reviews.component.js";
import { Simulator } from "./views/simulator.component.js";
import { ShopSettings } from "./views/shop-settings.component.js";
import { ShopMinimums } from "./views/shop-minimums.component.js";
import { WebhooksView } from "./views/webhooks.component.js";
import type { Shop } from "./contract.js";

export const tags = {
  "ec-console": ConsoleApp,
  "ec-sign-in": SignIn,
  "ec-coupon-list": CouponList,
  "ec-code-import": CodeImport,
  "ec-coupon-form": CouponForm,
  "ec-coupon-data": CouponData,
  "ec-coupon-history": CouponHistory,
  "ec-audit-log": AuditLog,
  "ec-chat-recipients": ChatRecipients,
  "ec-redemptions": RedemptionsView,
  "ec-claims": ClaimsView,
  "ec-reviews": ReviewsView,
  "ec-simulator": Simulator,
  "ec-shop-settings": ShopSettings,
  "ec-shop-minimums": ShopMinimums,
  "ec-webhooks": WebhooksView,
};

for (const [tag, cls] of Object.entries(tags)) if (!customElements.get(tag)) customElements.define(tag, cls);

declare global {
  interface HTMLElementTagNameMap {
    "ec-console": ConsoleApp;
    "ec-sign-in": SignIn;
    "ec-coupon-list": CouponList;
    "ec-code-import": CodeImport;
    "ec-coupon-form": CouponForm;
    "ec-coupon-data": CouponData;
    "ec-coupon-history": CouponHistory;
    "ec-audit-log": AuditLog;
    "ec-chat-recipients": ChatRecipients;
    "ec-redemptions": RedemptionsView;
    "ec-claims": ClaimsView;
    "ec-reviews": ReviewsView;
    "ec-simulator": Simulator;
    "ec-shop-settings": ShopSettings;
    "ec-shop-minimums": ShopMinimums;
    "ec-webhooks": WebhooksView;
  }
  interface HTMLElementEventMap {
    "ec-navigate": CustomEvent<{ path: string }>;
    "ec-signed-in": CustomEvent<{ shop: Shop }>;
    "ec-shop-changed": CustomEvent<Shop>;
    "ec-codes-changed": CustomEvent<string>;
  }
}
