/**
 * `PATCH /v1/coupons/{id}`: the engine says what may change (`checkEdit`: upcoming anything; ongoing the
 * name, a larger quantity, a later end) and whether the result is still a valid coupon; the database
 * applies it as ONE conditional `UPDATE … WHERE id = ? AND version = ?` (plus the "only one" guards), so of
 * two PATCHes of the same version one wins and the other is 412. The audit entry and a promo code's
 * live_codes row change in the same batch, and only if that UPDATE changed the row.
 */
import { toMillis } from "../contract/common.js";
import { serializeCoupon, type CouponOut, type UpdateCouponInput } from "../contract/coupons.js";
import { checkEdit, validateCouponRules } from "../engine/coupon-rules.js";
import { codeBlockedWord, fullCode, normalizeCode } from "../engine/promo-code.js";
import type { CouponDraft, Validity } from "../engine/types.js";
import type { Seller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { newId } from "../lib/ids.js";
import { ApiError, notFound } from "../lib/problem.js";
import { overlapFree, updateCouponGuarded, type EditResult } from "../store/coupon-edits.js";
import { couponSettingsColumns, rowToCoupon, type CouponRow } from "../store/coupons.js";
import { isUniqueViolation } from "../store/errors.js";
import { shopThresholds } from "../store/shops.js";
import { codeTaken, writeContext, type CouponSettings, type WriteContext } from "./create-coupon.js";
import { ownCoupon, couponToEdit, keepCoupon } from "./own-coupon.js";
import { couponChanged } from "./webhook-events.js";

/** `If-Match: 3`, `"3"` or `W/"3"` → 3; anything else can match no version. */
export function parseIfMatch(header: string | undefined): number | null | undefined {
  if (header === undefined || header.trim() === "") return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  return m ? Number(m[1]) : null;
}

export function versionMismatch(current: number): ApiError {
  return new ApiError(
    412,
    "version_mismatch",
    `The coupon has changed since you read it; its version is now ${current}. Read it again and retry.`,
  );
}

/** A stored coupon's settings (the engine's shape minus identity, counters and deactivation). */
export function settingsOf(row: CouponRow): CouponSettings {
  const {
    id: _id,
    shop_id: _shop,
    claimed_count: _c,
    reserved_count: _r,
    used_count: _u,
    budget_spent_minor: _b,
    deactivated_at: _d,
    ...settings
  } = rowToCoupon(row);
  return settings;
}

function validityMillis(v: NonNullable<UpdateCouponInput["validity"]>): Validity {
  return v.kind === "fixed" ? { kind: "fixed", starts_at: toMillis(v.starts_at), ends_at: toMillis(v.ends_at) } : v;
}

/** The patch in the engine's terms: times as milliseconds, the code as the seller's suffix. */
function patchDraft(input: UpdateCouponInput): Partial<CouponDraft> {
  const p: Partial<CouponDraft> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    if (k.endsWith("_at")) (p as Record<string, unknown>)[k] = toMillis(v as string);
    else if (k === "validity") p.validity = validityMillis(v as NonNullable<UpdateCouponInput["validity"]>);
    else if (k === "code") p.code = normalizeCode(v as string);
    else (p as Record<string, unknown>)[k] = v;
  }
  return p;
}

/** before/after of the fields that differ, as the API shows them (R30). */
export function diffCoupons(before: CouponRow, after: CouponRow, now: number, currency: string) {
  const a = serializeCoupon(before, now, currency) as Record<string, unknown>;
  const b = serializeCoupon(after, now, currency) as Record<string, unknown>;
  const changes: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} };
  for (const k of Object.keys(b)) {
    if (k === "version" || k === "updated_at" || k === "estimated_spend_minor") continue;
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) {
      changes.before[k] = a[k];
      changes.after[k] = b[k];
    }
  }
  return changes;
}

/**
 * The coupon changed as `input` says, answered at the shop clock (with its version for the ETag). One
 * round trip on the edge when the isolate has a copy of the coupon (`couponToEdit`): the UPDATE is guarded
 * by the copy's version and reads the row back; anything but a write judged from a copy (a refusal, an
 * edit that changes nothing) is judged again from the row as it is.
 */
export async function updateCoupon(
  deps: Deps,
  seller: Seller,
  id: string,
  input: UpdateCouponInput,
  ifMatch: number | null | undefined,
): Promise<{ coupon: CouponOut }> {
  const ctx = writeContext(deps, seller);
  const fresh = () => ownCoupon(deps, seller, id);
  let { row, copy } = await couponToEdit(deps, seller, id);
  // Without If-Match the update is still conditional on the version it read; a lost race re-reads and
  // re-judges (the caller did not ask for a particular version). With If-Match a lost race is 412.
  for (let attempt = 1; ; attempt++) {
    const result = await tryUpdate(ctx, row, input, ifMatch, copy ? fresh : null);
    if ("done" in result) return { coupon: serializeCoupon(keepCoupon(deps, result.done), ctx.now, ctx.shop.currency) };
    if (copy) attempt--; // a copy found old is not a lost race
    ({ row, copy } = { row: result.again, copy: false });
    if (attempt >= 3) throw new ApiError(409, "concurrent_update", "The coupon kept changing while this update was applied; retry.");
  }
}

/** The edit judged from `row` and written at its version: the row it wrote, or the row to judge it again from. */
async function tryUpdate(
  ctx: WriteContext,
  row: CouponRow,
  input: UpdateCouponInput,
  ifMatch: number | null | undefined,
  recheck: (() => Promise<CouponRow>) | null,
): Promise<{ done: CouponRow } | { again: CouponRow }> {
  const { db, shop, now } = ctx;
  const id = row.id;
  // Judged from a copy (`recheck`), a refusal or an edit that changes nothing may be the copy's age:
  // it is judged again from the row as it is.
  const refuse = async (err: ApiError | null) => {
    if (recheck) return { again: await recheck() };
    if (err) throw err;
    return { done: row };
  };
  if (ifMatch !== undefined && ifMatch !== row.version) return refuse(versionMismatch(row.version));
  const patch = patchDraft(input);
  const current = rowToCoupon(row);
  const locked = checkEdit(current, patch, now);
  if (locked.length) return refuse(new ApiError(409, "edit_not_allowed", locked[0].message, locked));

  const before = settingsOf(row);
  const suffix = patch.code ?? (before.code ? before.code.slice(shop.code_prefix.length) : null);
  const merged: CouponSettings = {
    ...before,
    ...(patch as Partial<CouponSettings>),
    code: suffix === null ? null : fullCode(shop.code_prefix, suffix),
  } as CouponSettings;
  // A campaign keeps its codes: its quantity is their count (codes are added by POST …/codes), it has no
  // shared code and no per-customer limit, which the rules refuse like at creation.
  const unique_codes = row.unique_code_length == null ? null : { count: row.quantity, length: row.unique_code_length };
  const draft = { ...merged, code: suffix, unique_codes };
  const violations = validateCouponRules(draft, { now, currency: shop.currency, thresholds: shopThresholds(shop) });
  if (violations.length) return refuse(new ApiError(422, "validation_failed", violations[0].message, violations));
  const codeChanged = merged.code !== row.code;
  const word = codeChanged && suffix ? codeBlockedWord(shop.code_prefix, suffix, ctx.blockedWords) : null;
  if (word) return refuse(new ApiError(409, "code_not_allowed", `This code is refused by the text-safety check (blocked: ${word}) (R20).`));

  // A new code is the seller's guess: refused while the shop's guessing limit is reached (429).
  if (codeChanged && merged.code !== null) await ctx.codeGuessing?.refuseWhileLimited();

  const cols = couponSettingsColumns(merged);
  const next: CouponRow = { ...row, ...cols, version: row.version + 1, updated_at: now };
  const changes = diffCoupons(row, next, now, shop.currency);
  // Nothing to change: no new version, no entry.
  if (Object.keys(changes.after).length === 0) return refuse(null);

  const auditId = newId("aud");
  let written: EditResult;
  try {
    written = await updateCouponGuarded(
      db,
      {
        before: row,
        columns: cols,
        after: next,
        region: shop.region,
        now,
        realNow: ctx.realNow,
        audit: { id: auditId, shop_id: shop.id, coupon_id: id, action: "updated", actor: ctx.actor, at: now, changes },
        outbox: couponChanged("coupon.updated", next, now, shop.currency, auditId),
      },
      ctx.plan,
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw await codeTaken(ctx);
    throw err;
  }
  const fresh = written.row;
  if (!fresh) throw notFound("coupon");
  if (written.won) return { done: fresh };

  // The UPDATE changed nothing: the row it read back says whether another version came first (judged
  // again, or 412 when If-Match names another), else which guard refused it (for the answer only).
  if (fresh.version !== row.version) {
    if (ifMatch !== undefined && ifMatch !== fresh.version) throw versionMismatch(fresh.version);
    return { again: fresh };
  }
  if (!(await overlapFree(db, next, now))) {
    throw row.type === "review"
      ? new ApiError(
          409,
          "review_coupon_overlap",
          "Only one review coupon may be active at a time; another one's claim window overlaps this one (R15).",
        )
      : new ApiError(
          409,
          "new_customer_coupon_overlap",
          "Only one new-customer coupon may be active at a time; another one's claim window overlaps this one (R8).",
        );
  }
  throw new ApiError(409, "name_taken", "Another upcoming or ongoing coupon of this shop has this name.");
}
