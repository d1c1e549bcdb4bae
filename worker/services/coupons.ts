/** A seller's coupons: create one (with its addon, R32), list them, read one, its history and performance. */
import {
  serializeCoupon,
  type AuditEntryOut,
  type CouponListInput,
  type CouponOut,
  type CreateCouponInput,
  type HistoryInput,
} from "../contract/coupons.js";
import type { Performance, PerformanceInput } from "../contract/performance.js";
import { normalizeCode } from "../engine/promo-code.js";
import type { Seller } from "../lib/caller.js";
import { decodeCursor, encodeCursor } from "../lib/cursor.js";
import type { Deps } from "../lib/deps.js";
import { serializeAuditEntry } from "../contract/audit.js";
import { DAY_MS } from "../engine/claim-eligibility.js";
import { readAll } from "../store/batch.js";
import { couponDays } from "../store/coupon-series.js";
import type { CouponRow } from "../store/coupons.js";
import { auditPageRead, couponDaysRead, couponListRead, couponRowKey, redemptionTotalsRead } from "../store/seller-reads.js";
import { addonDependents, createTaggedAddon, planAddon } from "./addon-coupons.js";
import { couponPerformance, plannedDays, seriesDays } from "./coupon-performance.js";
import { keepCoupon, ownCoupon, ownCouponWith, parsedLater } from "./own-coupon.js";
import { createCouponWith, settingsFromInput, writeContext } from "./create-coupon.js";

/**
 * What a creation body asks for, before anything is judged or written: the settings (a chosen code's
 * full code), whether the seller chose the code, and whether it brings an addon (R32). Create and preview
 * both start here, so a preview shows what create makes.
 */
export function creationSettings(deps: Deps, seller: Seller, input: CreateCouponInput) {
  const ctx = writeContext(deps, seller);
  const suffix = input.type === "promo_code" && input.code !== undefined ? normalizeCode(input.code) : null;
  const settings = settingsFromInput(input, ctx.shop, suffix);
  return { ctx, settings, suffixGiven: suffix !== null, wantsAddon: input.type === "regular" && ctx.shop.addon_coupons };
}

export async function createCoupon(
  deps: Deps,
  seller: Seller,
  input: CreateCouponInput,
): Promise<{ coupon: CouponOut; addons: CouponOut[] }> {
  const { ctx, settings, suffixGiven, wantsAddon } = creationSettings(deps, seller, input);
  const { shop, now } = ctx;
  // R32: both kinds of addon are planned and written in the coupon's own batch, which picks the kind.
  const planned = wantsAddon ? addonDependents(ctx, settings) : [];
  const { row, dependents } = await createCouponWith(
    {
      ...ctx,
      origin: "manual",
      parentId: null,
      audit: () => [{ action: "created", actor: ctx.actor, at: now, changes: { before: null, after: input } }],
    },
    settings,
    suffixGiven,
    planned,
  );
  let addon: CouponRow | null = dependents[0] ?? null;
  // None written: the picked kind's rules refused it, or its name was taken (then it is made with a tag).
  const plan = planned.length && !addon ? await planAddon(ctx, settings) : null;
  if (plan) addon = await createTaggedAddon(ctx, row, plan);
  const addons = addon ? [serializeCoupon(keepCoupon(deps, addon), now, shop.currency)] : [];
  // Kept as the isolate's latest copies: an edit right after the create plans from them (`couponToEdit`).
  return { coupon: serializeCoupon(keepCoupon(deps, row), now, shop.currency), addons };
}

export async function listCoupons(
  deps: Deps,
  seller: Seller,
  q: CouponListInput,
): Promise<{ data: CouponOut[]; next_cursor: string | null }> {
  const { shop, now } = seller;
  const filter = { type: q.type, status: q.status, before: decodeCursor(q.cursor), limit: q.limit + 1, now };
  const { rows } = await readAll(deps.db, deps.reads(), deps, { rows: couponListRead(deps.db, shop.id, filter) });
  const page = rows.slice(0, q.limit);
  return {
    data: page.map((r) => serializeCoupon(r, now, shop.currency)),
    next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].seq) : null,
  };
}

export async function readCoupon(deps: Deps, seller: Seller, id: string): Promise<{ coupon: CouponOut }> {
  return { coupon: serializeCoupon(await ownCoupon(deps, seller, id), seller.now, seller.shop.currency) };
}

/** R30: the coupon's audit entries, oldest first (read in one batch with the coupon). */
export async function couponHistory(
  deps: Deps,
  seller: Seller,
  id: string,
  q: HistoryInput,
): Promise<{ data: AuditEntryOut[]; next_cursor: string | null }> {
  const after = parsedLater(() => decodeCursor(q.cursor));
  const { rows } = await ownCouponWith(deps, seller, id, () => ({
    rows: auditPageRead(deps.db, seller.shop.id, id, after.value, q.limit + 1),
  }));
  after.check();
  const page = rows.slice(0, q.limit);
  return {
    data: page.map(serializeAuditEntry),
    next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].seq) : null,
  };
}

/**
 * R31, in one batch: the coupon, its totals and its days. The days depend on the coupon's dates unless
 * both bounds are given, so they are planned from the coupon as this isolate last read it and read again
 * only when the coupon read beside them gives other days (its dates changed, or it was never read here).
 */
export async function readPerformance(deps: Deps, seller: Seller, id: string, q: PerformanceInput = {}): Promise<Performance> {
  const { db } = deps;
  const { shop, now } = seller;
  const planned = deps.batchReads ? plannedDays(deps.reads().latest<CouponRow>(couponRowKey(shop.id, id)) ?? null, q) : null;
  const got = await ownCouponWith(
    deps,
    seller,
    id,
    () => ({
      totals: redemptionTotalsRead(db, shop.id, id, now),
      days: planned ? couponDaysRead(db, shop.id, id, planned.from * DAY_MS, planned.to * DAY_MS) : null,
    }),
    // R27: lapsed reservations give their unit and budget back before anything counts them.
    { release: true },
  );
  const range = seriesDays(got.coupon, q);
  const same = got.days && planned?.from === range.from && planned.to === range.to;
  const days = same ? got.days! : await couponDays(db, shop.id, id, range.from * DAY_MS, range.to * DAY_MS);
  return couponPerformance(got.coupon, got.totals, days, range);
}
