/**
 * A campaign's single-use codes (README "Campaign codes, budgets and refunds"): the list of them with their state, and the
 * seller's own codes added to an upcoming campaign, each refused with its own reason.
 */
import { z } from "@hono/zod-openapi";
import type { CampaignCodeRow } from "../store/campaign-codes.js";
import { Cursor, Limit, page, Timestamp, toIso } from "./common.js";

export const CampaignCodeSchema = z
  .object({
    code: z.string().openapi({ description: "The full code (shop prefix + suffix)" }),
    state: z.enum(["available", "reserved", "redeemed"]),
    order_id: z.string().nullable().openapi({ description: "The order that reserved or redeemed it" }),
    redeemed_at: Timestamp.nullable(),
  })
  .openapi("CampaignCode");
export type CampaignCodeOut = z.infer<typeof CampaignCodeSchema>;
export const CampaignCodePageSchema = page(CampaignCodeSchema);

export const CampaignCodesQuery = z.strictObject({
  state: z.enum(["available", "reserved", "redeemed"]).optional(),
  limit: Limit,
  cursor: Cursor,
});
export type CampaignCodesInput = z.infer<typeof CampaignCodesQuery>;

/** Most codes one import takes. */
export const MAX_IMPORT = 10_000;

export const AddCampaignCodesBody = z
  .strictObject({
    // Each entry is judged on its own (a malformed one is refused by name, not the whole call), so
    // entries are only bounded here.
    codes: z
      .array(z.string().max(64))
      .min(1)
      .max(MAX_IMPORT)
      .openapi({ description: "Suffixes of 2–8 letters or digits (case does not matter); the shop prefix is added" }),
  })
  .openapi("AddCampaignCodes");
export type AddCampaignCodesInput = z.infer<typeof AddCampaignCodesBody>;

/** Why one code of an import was not added. */
export const RefusalReason = z.enum(["promo_code_taken", "code_not_allowed", "code_invalid", "duplicate_in_request"]).openapi({
  description:
    "`promo_code_taken`: a live promo code of the region holds it (R19); `code_not_allowed`: a blocked word (R20); " +
    "`code_invalid`: not 2–8 letters or digits; `duplicate_in_request`: the same code earlier in this call",
});

export const AddedCampaignCodesSchema = z
  .object({
    added: z.int(),
    refused: z.array(z.object({ code: z.string(), reason: RefusalReason })),
  })
  .openapi("AddedCampaignCodes");
export type AddedCampaignCodes = z.infer<typeof AddedCampaignCodesSchema>;

export function serializeCampaignCode(r: CampaignCodeRow): CampaignCodeOut {
  return { code: r.code, state: r.state, order_id: r.order_id, redeemed_at: toIso(r.redeemed_at) };
}
