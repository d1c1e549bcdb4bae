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
import { notFound } from "../lib/problem.js";
import { serializeAuditEntry } from "../contract/audit.js";
import { listAudit } from "../store/audit.js";
import { getCouponRow, listCouponRows, type CouponRow } from "../store/coupons.js";
import { releaseExpiredInShop } from "../store/redemptions.js";
import { addonDependent, createTaggedAddon, planAddon } from "./addon-coupons.js";
import { couponPerformance } from "./coupon-performance.js";
import { createCouponWith, settingsFromInput, writeContext } from "./create-coupon.js";

/**
 * What a creation body asks for, before anything is judged or written: the settings (a chosen code's
 * full code), whether the seller chose the code, and the addon it brings (R32). Create and preview both
 * start here, so a preview shows what create makes.
 */
export async function planCreation(deps: Deps, seller: Seller, input: CreateCouponInput) {
  const ctx = writeContext(deps, seller);
  const suffix = input.type === "promo_code" && input.code !== undefined ? normalizeCode(input.code) : null;
  const settings = settingsFromInput(input, ctx.shop, suffix);
  // R32: the addon is planned first and written in the coupon's own batch.
  const plan = input.type === "regular" && ctx.shop.addon_coupons ? await planAddon(ctx, settings) : null;
  return { ctx, settings, suffixGiven: suffix !== null, plan };
}

export async function createCoupon(
  deps: Deps,
  seller: Seller,
  input: CreateCouponInput,
): Promise<{ coupon: CouponOut; addons: CouponOut[] }> {
  const { ctx, settings, suffixGiven, plan } = await planCreation(deps, seller, input);
  const { shop, now } = ctx;
  const { row, dependents } = await createCouponWith(
    {
      ...ctx,
      origin: "manual",
      parentId: null,
      audit: () => [{ action: "created", actor: ctx.actor, at: now, changes: { before: null, after: input } }],
    },
    settings,
    suffixGiven,
    plan ? [addonDependent(ctx, plan)] : [],
  );
  let addon: CouponRow | null = dependents[0] ?? null;
  if (plan && !addon) addon = await createTaggedAddon(ctx, row, plan);
  const addons = addon ? [serializeCoupon(addon, now, shop.currency)] : [];
  return { coupon: serializeCoupon(row, now, shop.currency), addons };
}

export async function listCoupons(
  deps: Deps,
  seller: Seller,
  q: CouponListInput,
): Promise<{ data: CouponOut[]; next_cursor: string | null }> {
  const { shop, now } = seller;
  const rows = await listCouponRows(deps.db, shop.id, {
    type: q.type,
    status: q.status,
    before: decodeCursor(q.cursor),
    limit: q.limit + 1,
    now,
  });
  const page = rows.slice(0, q.limit);
  return {
    data: page.map((r) => serializeCoupon(r, now, shop.currency)),
    next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].seq) : null,
  };
}

/** The seller's own coupon, or 404 (another shop's is as unknown as one that never existed). */
export async function ownCoupon(deps: Deps, seller: Seller, id: string): Promise<CouponRow> {
  const row = await getCouponRow(deps.db, seller.shop.id, id);
  if (!row) throw notFound("coupon");
  return row;
}

export async function readCoupon(deps: Deps, seller: Seller, id: string): Promise<{ coupon: CouponOut }> {
  return { coupon: serializeCoupon(await ownCoupon(deps, seller, id), seller.now, seller.shop.currency) };
}

/** R30: the coupon's audit entries, oldest first. */
export async function couponHistory(
  deps: Deps,
  seller: Seller,
  id: string,
  q: HistoryInput,
): Promise<{ data: AuditEntryOut[]; next_cursor: string | null }> {
  await ownCoupon(deps, seller, id);
  const rows = await listAudit(deps.db, seller.shop.id, id, decodeCursor(q.cursor), q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    data: page.map(serializeAuditEntry),
    next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].seq) : null,
  };
}

export async function readPerformance(deps: Deps, seller: Seller, id: string, q: PerformanceInput = {}): Promise<Performance> {
  // R27: lapsed reservations give their unit and budget back before anything counts them.
  await releaseExpiredInShop(deps.db, seller.shop.id, seller.now);
  return couponPerformance(deps.db, await ownCoupon(deps, seller, id), seller.now, q);
}
