/** Coupon rows as the API shows them. */
import { couponStatus } from "../../engine/status.js";
import { estimatedSpend } from "../../engine/coupon-rules.js";
import { toIso } from "../../lib/schemas.js";
import { rowToCoupon, type CouponRow } from "../../store/coupons.js";
import type { CouponOut } from "./coupons.schemas.js";

export function serializeCoupon(row: CouponRow, now: number, currency: string): CouponOut {
  const c = rowToCoupon(row);
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    status: couponStatus(c, now),
    discount:
      c.discount.kind === "fixed"
        ? c.discount
        : {
            kind: "percent",
            percent_off: c.discount.percent_off,
            max_discount_minor: c.discount.max_discount_minor ?? null,
          },
    min_spend_minor: row.min_spend_minor,
    scope: c.scope,
    currency,
    audience: row.audience,
    claim_starts_at: toIso(row.claim_starts_at),
    claim_ends_at: toIso(row.claim_ends_at),
    validity:
      c.validity?.kind === "fixed"
        ? { kind: "fixed", starts_at: toIso(c.validity.starts_at), ends_at: toIso(c.validity.ends_at) }
        : c.validity,
    code: row.code,
    active_starts_at: toIso(row.active_starts_at),
    active_ends_at: toIso(row.active_ends_at),
    quantity: row.quantity,
    per_customer_limit: row.per_customer_limit,
    estimated_spend_minor: estimatedSpend(c.discount, row.quantity),
    origin: row.origin,
    parent_id: row.parent_id,
    version: row.version,
    deactivated_at: toIso(row.deactivated_at),
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  };
}
