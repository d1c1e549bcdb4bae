import { requireSecret, shopNow } from "../../lib/auth.js";
import { decodeCursor, encodeCursor } from "../../lib/cursor.js";
import { notFound } from "../../lib/problem.js";
import type { AppRouter } from "../../lib/router.js";
import { getCouponRow, listCouponRows, type CouponRow } from "../../store/coupons.js";
import { createCouponWith, normalizeCode, settingsFromInput } from "../../services/create-coupon.js";
import { addonDependent, createTaggedAddon, planAddon } from "../../services/addon-coupons.js";
import { updateCoupon, parseIfMatch, type WriteContext } from "../../services/update-coupon.js";
import { deactivateCoupon } from "../../services/deactivate-coupon.js";
import { duplicateCoupon } from "../../services/duplicate-coupon.js";
import { couponPerformance } from "../../services/coupon-performance.js";
import { sendChatCoupon } from "../../services/chat-send.js";
import { listAudit } from "../../store/audit.js";
import { toIso } from "../../lib/schemas.js";
import type { Context } from "hono";
import type { AppEnv } from "../../lib/context.js";
import * as routes from "./coupons.routes.js";
import { serializeCoupon } from "./serialize.js";

export function registerCouponRoutes(app: AppRouter) {
  app.openapi(routes.createCoupon, async (c) => {
    const { shop, keyId } = requireSecret(c);
    const input = c.req.valid("json");
    const now = shopNow(shop, c.get("config").now());
    const suffix = input.type === "promo_code" && input.code !== undefined ? normalizeCode(input.code) : null;
    const settings = settingsFromInput(input, shop, suffix);
    const ctx = {
      db: c.get("db"),
      shop,
      now,
      realNow: c.get("config").now(),
      actor: keyId,
      blockedWords: c.get("config").blockedWords,
    };
    // R32: the addon is planned first and written in the coupon's own batch.
    const plan = input.type === "regular" && shop.addon_coupons ? await planAddon(ctx, settings) : null;
    const { row, dependents } = await createCouponWith(
      {
        ...ctx,
        origin: "manual",
        parentId: null,
        audit: () => [{ action: "created", actor: keyId, at: now, changes: { before: null, after: input } }],
      },
      settings,
      suffix !== null,
      plan ? [addonDependent(ctx, plan)] : [],
    );
    let addon: CouponRow | null = dependents[0] ?? null;
    if (plan && !addon) addon = await createTaggedAddon(ctx, row, plan);
    const addons = addon ? [serializeCoupon(addon, now, shop.currency)] : [];
    return c.json({ coupon: serializeCoupon(row, now, shop.currency), addons }, 201);
  });

  app.openapi(routes.listCoupons, async (c) => {
    const { shop } = requireSecret(c);
    const q = c.req.valid("query");
    const now = shopNow(shop, c.get("config").now());
    const rows = await listCouponRows(c.get("db"), shop.id, {
      type: q.type,
      status: q.status,
      before: decodeCursor(q.cursor),
      limit: q.limit + 1,
      now,
    });
    const page = rows.slice(0, q.limit);
    return c.json(
      {
        data: page.map((r) => serializeCoupon(r, now, shop.currency)),
        next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].seq) : null,
      },
      200,
    );
  });

  app.openapi(routes.getCoupon, async (c) => {
    const { shop } = requireSecret(c);
    const row = await getCouponRow(c.get("db"), shop.id, c.req.valid("param").id);
    if (!row) throw notFound("coupon");
    c.header("ETag", `"${row.version}"`);
    return c.json({ coupon: serializeCoupon(row, shopNow(shop, c.get("config").now()), shop.currency) }, 200);
  });

  app.openapi(routes.updateCoupon, async (c) => {
    const ctx = writeContext(c);
    const row = await updateCoupon(ctx, c.req.valid("param").id, c.req.valid("json"), parseIfMatch(c.req.valid("header")["if-match"]));
    c.header("ETag", `"${row.version}"`);
    return c.json({ coupon: serializeCoupon(row, ctx.now, ctx.shop.currency) }, 200);
  });

  app.openapi(routes.deactivateCoupon, async (c) => {
    const ctx = writeContext(c);
    const row = await deactivateCoupon(ctx, c.req.valid("param").id, parseIfMatch(c.req.valid("header")["if-match"]));
    c.header("ETag", `"${row.version}"`);
    return c.json({ coupon: serializeCoupon(row, ctx.now, ctx.shop.currency) }, 200);
  });

  app.openapi(routes.duplicateCoupon, async (c) => {
    const ctx = writeContext(c);
    const row = await duplicateCoupon(ctx, c.req.valid("param").id, c.req.valid("json") ?? {});
    return c.json({ coupon: serializeCoupon(row, ctx.now, ctx.shop.currency) }, 201);
  });

  app.openapi(routes.couponHistory, async (c) => {
    const { shop } = requireSecret(c);
    const { id } = c.req.valid("param");
    const q = c.req.valid("query");
    if (!(await getCouponRow(c.get("db"), shop.id, id))) throw notFound("coupon");
    const rows = await listAudit(c.get("db"), shop.id, id, decodeCursor(q.cursor), q.limit + 1);
    const page = rows.slice(0, q.limit);
    return c.json(
      {
        data: page.map((e) => ({ id: e.id, action: e.action as AuditAction, actor: e.actor, at: toIso(e.at), changes: e.changes })),
        next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].seq) : null,
      },
      200,
    );
  });

  app.openapi(routes.couponPerformance, async (c) => {
    const { shop } = requireSecret(c);
    const row = await getCouponRow(c.get("db"), shop.id, c.req.valid("param").id);
    if (!row) throw notFound("coupon");
    return c.json(await couponPerformance(c.get("db"), row, shopNow(shop, c.get("config").now())), 200);
  });

  app.openapi(routes.sendCoupon, async (c) => {
    const ctx = writeContext(c);
    const { buyer_id } = c.req.valid("json");
    const { coupon, sent_at } = await sendChatCoupon(ctx, c.req.valid("param").id, buyer_id);
    return c.json({ coupon: serializeCoupon(coupon, ctx.now, ctx.shop.currency), sent: { buyer_id, sent_at: toIso(sent_at) } }, 200);
  });
}

type AuditAction = "created" | "updated" | "deactivated" | "duplicated" | "addon_created";

/** Who writes, at which shop clock: the same for every seller write. */
function writeContext(c: Context<AppEnv>): WriteContext {
  const { shop, keyId } = requireSecret(c);
  return { db: c.get("db"), shop, now: shopNow(shop, c.get("config").now()), realNow: c.get("config").now(), actor: keyId, blockedWords: c.get("config").blockedWords };
}
