/** The shop's operation log (`GET /v1/audit`): a coupon's history entries, plus the shop's own. */
import { z } from "@hono/zod-openapi";
import type { auditEntries } from "../../db/schema.js";
import { AUDIT_ACTIONS } from "../store/audit.js";
import { Cursor, Limit, page, toIso } from "./common.js";
import { AuditEntrySchema, type AuditEntryOut } from "./coupons.js";

type AuditRow = typeof auditEntries.$inferSelect;

/** The log's actions, as the store records them (one list). */
export const SHOP_AUDIT_ACTIONS = AUDIT_ACTIONS;

/** AuditEntry's fields with more actions: written out, since an `allOf` with AuditEntry would keep its shorter list. */
export const ShopAuditEntrySchema = z
  .object({
    ...AuditEntrySchema.shape,
    action: z.enum(SHOP_AUDIT_ACTIONS),
    coupon_id: z.string().nullable().openapi({ description: "The coupon the entry is about; null for the shop's own (keys, settings)" }),
  })
  .openapi("ShopAuditEntry");
export type ShopAuditEntryOut = z.infer<typeof ShopAuditEntrySchema>;
export const ShopAuditPageSchema = page(ShopAuditEntrySchema);

export const AuditListQuery = z.strictObject({
  coupon_id: z.string().min(1).max(64).optional(),
  action: z.enum(SHOP_AUDIT_ACTIONS).optional(),
  limit: Limit,
  cursor: Cursor,
});
export type AuditListInput = z.infer<typeof AuditListQuery>;

/** An entry as a coupon's history shows it (R30). */
export function serializeAuditEntry(e: AuditRow): AuditEntryOut {
  return { id: e.id, action: e.action as AuditEntryOut["action"], actor: e.actor, at: toIso(e.at), changes: e.changes };
}

/** An entry of the shop's log: the history entry and the coupon it is about. */
export function serializeShopAuditEntry(e: AuditRow): ShopAuditEntryOut {
  return { ...serializeAuditEntry(e), action: e.action as ShopAuditEntryOut["action"], coupon_id: e.coupon_id };
}
