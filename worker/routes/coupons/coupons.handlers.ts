import { requireSecret, shopNow } from "../../lib/auth.js";
import { decodeCursor, encodeCursor } from "../../lib/cursor.js";
import { notFound } from "../../lib/problem.js";
import type { AppRouter } from "../../lib/router.js";
import { getCouponRow, listCouponRows } from "../../store/coupons.js";
import { createCoupon, normalizeCode, settingsFromInput } from "../../services/create-coupon.js";
import { createAddonCoupon } from "../../services/addon-coupons.js";
import * as routes from "./coupons.routes.js";
import { serializeCoupon } from "./serialize.js";

export function registerCouponRoutes(app: AppRouter) {
  app.openapi(routes.createCoupon, async (c) => {
    const { shop, keyId } = requireSecret(c);
    const input = c.req.valid("json");
    const now = shopNow(c, shop);
    const suffix = input.type === "promo_code" && input.code !== undefined ? normalizeCode(input.code) : null;
    const settings = settingsFromInput(input, shop, suffix);
    const ctx = {
      db: c.var.db,
      shop,
      now,
      realNow: c.var.config.now(),
      actor: keyId,
      blockedWords: c.var.config.blockedWords,
    };
    const row = await createCoupon(
      {
        ...ctx,
        origin: "manual",
        parentId: null,
        audit: () => [{ action: "created", actor: keyId, at: now, changes: { after: input } }],
      },
      settings,
      suffix !== null,
    );
    const addons = [];
    if (row.type === "regular" && shop.addon_coupons) {
      const addon = await createAddonCoupon(ctx, row);
      if (addon) addons.push(serializeCoupon(addon, now, shop.currency));
    }
    return c.json({ coupon: serializeCoupon(row, now, shop.currency), addons }, 201);
  });

  app.openapi(routes.listCoupons, async (c) => {
    const { shop } = requireSecret(c);
    const q = c.req.valid("query");
    const now = shopNow(c, shop);
    const rows = await listCouponRows(c.var.db, shop.id, {
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
    const row = await getCouponRow(c.var.db, shop.id, c.req.valid("param").id);
    if (!row) throw notFound("coupon");
    return c.json({ coupon: serializeCoupon(row, shopNow(c, shop), shop.currency) }, 200);
  });
}
