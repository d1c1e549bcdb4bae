import { AuditEntrySchema, CouponSchema, RecipientSchema, type HistoryInput, type RecipientsInput } from "../../contract/coupons.js";
import { requireSecret, withCaller } from "../../lib/auth.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { sendChatCoupon } from "../../services/chat-send.js";
import { couponHistory, createCoupon, listCoupons, readCoupon, readPerformance } from "../../services/coupons.js";
import { previewCoupon } from "../../services/coupon-preview.js";
import { deactivateCoupon } from "../../services/deactivate-coupon.js";
import { duplicateCoupon } from "../../services/duplicate-coupon.js";
import { listRecipients } from "../../services/seller-lists.js";
import { parseIfMatch, updateCoupon } from "../../services/update-coupon.js";
import { sellerList } from "../csv.js";
import type * as routes from "./coupons.routes.js";

const etag = (version: number) => `"${version}"`;

export const create: AppRouteHandler<typeof routes.create> = keyCheckedInBatch(async (c) => {
  const body = c.req.valid("json");
  return c.json(await withCaller(c, requireSecret, (seller, deps) => createCoupon(deps, seller, body)), 201);
});

export const preview: AppRouteHandler<typeof routes.preview> = keyCheckedInBatch(async (c) => {
  const body = c.req.valid("json");
  return c.json(await withCaller(c, requireSecret, (seller, deps) => previewCoupon(deps, seller, body)), 200);
});

export const list: AppRouteHandler<typeof routes.list> = keyCheckedInBatch(async (c) => {
  const out = await sellerList(c, { name: "coupons", item: CouponSchema }, c.req.valid("query"), listCoupons);
  return out.csv ?? c.json(out.json, 200);
});

export const read: AppRouteHandler<typeof routes.read> = keyCheckedInBatch(async (c) => {
  const { id } = c.req.valid("param");
  const answer = await withCaller(c, requireSecret, (seller, deps) => readCoupon(deps, seller, id));
  c.header("ETag", etag(answer.coupon.version));
  return c.json(answer, 200);
});

export const update: AppRouteHandler<typeof routes.update> = keyCheckedInBatch(async (c) => {
  const ifMatch = parseIfMatch(c.req.valid("header")["if-match"]);
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const answer = await withCaller(c, requireSecret, (seller, deps) => updateCoupon(deps, seller, id, body, ifMatch));
  c.header("ETag", etag(answer.coupon.version));
  return c.json(answer, 200);
});

export const deactivate: AppRouteHandler<typeof routes.deactivate> = keyCheckedInBatch(async (c) => {
  const ifMatch = parseIfMatch(c.req.valid("header")["if-match"]);
  const { id } = c.req.valid("param");
  const answer = await withCaller(c, requireSecret, (seller, deps) => deactivateCoupon(deps, seller, id, ifMatch));
  c.header("ETag", etag(answer.coupon.version));
  return c.json(answer, 200);
});

export const duplicate: AppRouteHandler<typeof routes.duplicate> = keyCheckedInBatch(async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  return c.json(await withCaller(c, requireSecret, (seller, deps) => duplicateCoupon(deps, seller, id, body)), 201);
});

export const history: AppRouteHandler<typeof routes.history> = keyCheckedInBatch(async (c) => {
  const { id } = c.req.valid("param");
  const csv = { name: `coupon-${id}-history`, item: AuditEntrySchema };
  const out = await sellerList(c, csv, c.req.valid("query"), (deps, seller, q: HistoryInput) => couponHistory(deps, seller, id, q));
  return out.csv ?? c.json(out.json, 200);
});

export const performance: AppRouteHandler<typeof routes.performance> = keyCheckedInBatch(async (c) => {
  const { id } = c.req.valid("param");
  const q = c.req.valid("query");
  return c.json(await withCaller(c, requireSecret, (seller, deps) => readPerformance(deps, seller, id, q)), 200);
});

export const recipients: AppRouteHandler<typeof routes.recipients> = keyCheckedInBatch(async (c) => {
  const { id } = c.req.valid("param");
  const csv = { name: `coupon-${id}-recipients`, item: RecipientSchema };
  const out = await sellerList(c, csv, c.req.valid("query"), (deps, seller, q: RecipientsInput) => listRecipients(deps, seller, id, q));
  return out.csv ?? c.json(out.json, 200);
});

export const send: AppRouteHandler<typeof routes.send> = keyCheckedInBatch(async (c) => {
  const { id } = c.req.valid("param");
  const buyer = c.req.valid("json").buyer_id;
  return c.json(await withCaller(c, requireSecret, (seller, deps) => sendChatCoupon(deps, seller, id, buyer)), 200);
});
