/**
 * A campaign's codes: listed (JSON pages or the whole list as CSV, by the route) and added from the
 * seller's own list while the campaign is upcoming. An import judges each code on its own — its form
 * (R18), the text-safety check (R20), a repeat within the call, a live holder in the region (R19) — and
 * adds the rest in one batch whose quantity follows the count. Whether a code is held is the batch's to
 * judge (it writes only if none is, else reads back which ones), and the primary key on `live_codes`
 * decides a race: a code taken between the plan and the write fails the batch, and only that code is
 * refused on the next try.
 */
import type { AddCampaignCodesInput, AddedCampaignCodes, CampaignCodeOut, CampaignCodesInput } from "../contract/campaign-codes.js";
import { serializeCampaignCode } from "../contract/campaign-codes.js";
import { MAX_QUANTITY } from "../engine/coupon-rules.js";
import { normalizeCode, validateSuffix } from "../engine/promo-code.js";
import { couponStatus } from "../engine/status.js";
import { suffixChecker } from "../engine/text-safety.js";
import type { Seller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { newId } from "../lib/ids.js";
import { ApiError, notFound } from "../lib/problem.js";
import { addCampaignCodes, type CampaignTarget } from "../store/campaign-codes.js";
import { rowToCoupon, type CouponRow } from "../store/coupons.js";
import { isUniqueViolation } from "../store/errors.js";
import { campaignCodesRead } from "../store/seller-reads.js";
import { countFailedLookup, refuseWhileLimited, tooManyLookups } from "./code-guessing.js";
import { writeContext, type WriteContext } from "./create-coupon.js";
import { couponToEdit, keepCoupon, ownCoupon, ownCouponWith, parsedLater } from "./own-coupon.js";
import { couponChanged } from "./webhook-events.js";

function isCampaign(row: CouponRow): CouponRow {
  if (row.unique_code_length == null)
    throw new ApiError(409, "not_a_campaign", "This coupon has no campaign codes (create a promo code with `unique_codes`).");
  return row;
}

// Cursors of the code list: the last code shown (codes are letters and digits, so plain base64url).
const encodeCodeCursor = (code: string) => btoa(`c:${code}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
function decodeCodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined || cursor === "") return null;
  let text = "";
  try {
    text = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    // not base64: refused below
  }
  const m = /^c:([A-Z0-9]{1,16})$/.exec(text);
  if (m) return m[1];
  throw new ApiError(422, "validation_failed", "The cursor is not one this API gave out.", [
    { path: "cursor", code: "invalid_cursor", message: "Use `next_cursor` from a previous page." },
  ]);
}

/** `GET /v1/coupons/{id}/codes`: the campaign's codes in code order, optionally in one state. */
export async function listCampaignCodes(
  deps: Deps,
  seller: Seller,
  id: string,
  q: CampaignCodesInput,
): Promise<{ data: CampaignCodeOut[]; next_cursor: string | null }> {
  const after = parsedLater(() => decodeCodeCursor(q.cursor));
  // One batch: the coupon and the page of its codes, shown only if the coupon is a campaign; R27: a code
  // held by a reservation past its 30 minutes is available again before it is shown.
  const page = () => ({ rows: campaignCodesRead(deps.db, id, { state: q.state, after: after.value, limit: q.limit + 1 }) });
  const got = await ownCouponWith(deps, seller, id, page, { release: true });
  isCampaign(got.coupon);
  after.check();
  const rows = got.rows;
  const shown = rows.slice(0, q.limit);
  return {
    data: shown.map(serializeCampaignCode),
    next_cursor: rows.length > q.limit ? encodeCodeCursor(shown[shown.length - 1].code) : null,
  };
}

type Refusal = AddedCampaignCodes["refused"][number];

/**
 * `POST /v1/coupons/{id}/codes`: the seller's own codes added to an upcoming campaign. Planned from the
 * isolate's copy of the campaign where it has one (`couponToEdit`): the batch writes only at the copy's
 * version and only if none of the codes is held, and otherwise reads back the row and the codes held, so
 * an import of free codes is one round trip. Held codes are refused (one held by another shop counts as a
 * failed look-up, and past the limit the call is refused before anything is written); the rest are tried
 * again. A stale copy is judged again from the row its batch read back.
 */
export async function importCampaignCodes(
  deps: Deps,
  seller: Seller,
  id: string,
  input: AddCampaignCodesInput,
): Promise<AddedCampaignCodes> {
  const ctx = writeContext(deps, seller);
  const { shop, now } = ctx;
  // Refusals keep the position of the entry they answer: they are told in the seller's order.
  const refusals: { at: number; refusal: Refusal }[] = [];
  const refuse = (at: number, reason: Refusal["reason"]) => refusals.push({ at, refusal: { code: input.codes[at], reason } });
  const refused = () => refusals.sort((a, b) => a.at - b.at).map((r) => r.refusal);
  const blocked = suffixChecker(shop.code_prefix, ctx.blockedWords);
  const wanted = new Map<string, number>(); // full code → its entry's position
  input.codes.forEach((given, at) => {
    const suffix = normalizeCode(given);
    const full = shop.code_prefix + suffix;
    if (!validateSuffix(suffix)) refuse(at, "code_invalid");
    else if (wanted.has(full)) refuse(at, "duplicate_in_request");
    else if (blocked(suffix) !== null) refuse(at, "code_not_allowed");
    else wanted.set(full, at);
  });

  let { row, copy } = await couponToEdit(deps, seller, id);
  let limitChecked = false;
  for (let attempt = 1; ; attempt++) {
    // Judged from a copy, a refusal may be the copy's age: judged again from the row as it is.
    const refusal = judgeImport(row, now, wanted.size);
    if (refusal && copy) {
      ({ row, copy } = { row: await ownCoupon(deps, seller, id), copy: false });
      continue;
    }
    if (refusal) throw refusal;
    // Each code the seller names is a guess at the region's codes: refused while the shop's limit is reached.
    if (!limitChecked) await refuseWhileLimited(deps, seller);
    limitChecked = true;
    if (wanted.size === 0) {
      // Nothing to write; an answer from a copy is given only once the key is checked by reading the row.
      if (copy) ({ row, copy } = { row: await ownCoupon(deps, seller, id), copy: false });
      else return { added: 0, refused: refused() };
      continue;
    }
    if (attempt > 8) throw new ApiError(409, "concurrent_update", "The campaign kept changing while its codes were added; retry.");
    const result = await tryAdd(ctx, row, [...wanted.keys()]);
    if (result === "taken") continue; // a code taken since the batch was planned: the next batch reads it back
    if (!result.row) throw notFound("coupon");
    keepCoupon(deps, result.row);
    if (result.won) return { added: wanted.size, refused: refused() };
    const planned = result.row.version === row.version;
    ({ row, copy } = { row: result.row, copy: false });
    // Holders count only once the campaign was judged from the row as it is (a stale copy is judged first).
    if (!planned) continue;
    // One held by another shop tells that it exists: each counts as a failed look-up of this shop, and
    // past the limit the whole call is refused before anything is written.
    for (const h of result.holders) {
      const wait = h.shopId !== shop.id ? await countFailedLookup(deps, seller) : 0;
      if (wait > 0) throw tooManyLookups(wait);
      refuse(wanted.get(h.code)!, "promo_code_taken");
      wanted.delete(h.code);
    }
  }
}

/** Why codes cannot be added to this coupon now (null: they can). */
function judgeImport(row: CouponRow, now: number, adding: number): ApiError | null {
  if (row.unique_code_length == null)
    return new ApiError(409, "not_a_campaign", "This coupon has no campaign codes (create a promo code with `unique_codes`).");
  const status = couponStatus(rowToCoupon(row), now);
  if (status !== "upcoming")
    return new ApiError(409, "edit_not_allowed", `Codes are added while a campaign is upcoming; this one is ${status}.`);
  if (row.quantity + adding > MAX_QUANTITY) {
    return new ApiError(422, "validation_failed", "A campaign holds at most 1,000,000 codes.", [
      { path: "codes", code: "quantity_out_of_range", message: `${MAX_QUANTITY - row.quantity} more codes fit in this campaign` },
    ]);
  }
  return null;
}

/** One batch adding `codes` to the campaign at `row`'s version (see `addCampaignCodes`). */
async function tryAdd(ctx: WriteContext, row: CouponRow, codes: string[]) {
  const { shop, now } = ctx;
  const target: CampaignTarget = { couponId: row.id, shopId: shop.id, region: shop.region, now, realNow: ctx.realNow };
  const audit = {
    id: newId("aud"),
    shop_id: shop.id,
    coupon_id: row.id,
    action: "updated" as const,
    actor: ctx.actor,
    at: now,
    changes: { codes_added: codes.length, before: { quantity: row.quantity }, after: { quantity: row.quantity + codes.length } },
  };
  // The coupon as the write leaves it (the write holds only at the version planned from): `coupon.updated`.
  const after: CouponRow = { ...row, quantity: row.quantity + codes.length, version: row.version + 1, updated_at: now };
  const outbox = couponChanged("coupon.updated", after, now, shop.currency, audit.id);
  try {
    return await addCampaignCodes(ctx.db, target, codes, MAX_QUANTITY, audit, { version: row.version, outbox }, ctx.plan);
  } catch (err) {
    if (isUniqueViolation(err)) return "taken" as const;
    throw err;
  }
}
