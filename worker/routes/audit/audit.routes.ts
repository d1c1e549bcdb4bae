/** The shop's operation log (secret key), newest first. */
import { createRoute } from "@hono/zod-openapi";
import { AuditListQuery, ShopAuditPageSchema } from "../../contract/audit.js";
import { jsonOrCsv } from "../csv.js";
import { BearerSecurity, problemResponses } from "../openapi.js";

export const list = createRoute({
  method: "get",
  path: "/v1/audit",
  tags: ["Audit"],
  summary: "The shop's whole operation log (R30), newest first",
  description:
    "Every coupon's history entries (as `GET /v1/coupons/{id}/history` shows them, with `coupon_id`) and the shop's own: " +
    "`key_created`, `key_revoked`, `shop_updated` (settings changed; `coupon_id` null). Filter by `coupon_id` and " +
    "`action`. Append-only: entries are never edited or removed.",
  security: BearerSecurity,
  request: { query: AuditListQuery },
  responses: {
    200: jsonOrCsv(ShopAuditPageSchema, "A page of entries"),
    ...problemResponses,
  },
});
