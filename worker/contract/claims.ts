/** The seller's list of the shop's claims (`GET /v1/claims`). A claim is shown as the wallet shows it. */
import { z } from "@hono/zod-openapi";
import { KeyCursor, Limit, page } from "./common.js";
import { ClaimSchema } from "./storefront.js";

export const ClaimListQuery = z.strictObject({
  coupon_id: z.string().min(1).max(64).optional(),
  buyer_id: z.string().min(1).max(64).optional(),
  state: z.enum(["available", "reserved", "used", "expired", "void"]).optional(),
  limit: Limit,
  cursor: KeyCursor,
});
export type ClaimListInput = z.infer<typeof ClaimListQuery>;
export const ClaimPageSchema = page(ClaimSchema);
