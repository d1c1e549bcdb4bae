import {
  AuditEntrySchema,
  CouponSchema,
  RecipientSchema,
  type CouponListInput,
  type HistoryInput,
  type RecipientsInput,
} from "../../contract/coupons.js";
import { requireSecret, withCaller } from "../../lib/auth.js";
import { requestDeps } from "../../lib/deps.js";
import { keyCheckedInBatch } from "../../lib/planned-caller.js";
import type { AppRouteHandler } from "../../lib/router.js";
import { sendChatCoupon } from "../../services/chat-send.js";
import { couponHistory, createCoupon, listCoupons, readCoupon, readPerformance } from "../../services/coupons.js";
import { previewCoupon } from "../../services/coupon-preview.js";
import { deactivateCoupon } from "../../services/deactivate-coupon.js";
import { duplicateCoupon } from "../../services/duplicate-coupon.js";
import { listRecipients } from "../../services/seller-lists.js";
import { parseIfMatch, updateCoupon } from "../../services/update-coupon.js";
import { csvList, wantsCsv } from "../csv.js";
import type * as routes from "./coupons.routes.js";

const etag = (version: number) => `"${version}"`;

export const create: AppRouteHandler<typeof routes.create> = keyCheckedInBatch(async (c) => {
  const body = c.req.valid("json");
  return c.json(await withCaller(c, requireSecret, (seller, deps) => createCoupon(deps, seller, body)), 201);
});

export const preview: AppRouteHandler<typeof routes.preview> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await previewCoupon(requestDeps(c), seller, c.req.valid("json")), 200);
};

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const seller = requireSecret(c);
  const deps = requestDeps(c);
  const page = (q: CouponListInput) => listCoupons(deps, seller, q);
  if (wantsCsv(c.req.header("accept"))) return csvList("coupons", CouponSchema, c.req.valid("query"), page);
  return c.json(await page(c.req.valid("query")), 200);
};

export const read: AppRouteHandler<typeof routes.read> = async (c) => {
  const seller = requireSecret(c);
  const answer = await readCoupon(requestDeps(c), seller, c.req.valid("param").id);
  c.header("ETag", etag(answer.coupon.version));
  return c.json(answer, 200);
};

export const update: AppRouteHandler<typeof routes.update> = async (c) => {
  const seller = requireSecret(c);
  const ifMatch = parseIfMatch(c.req.valid("header")["if-match"]);
  const answer = await updateCoupon(requestDeps(c), seller, c.req.valid("param").id, c.req.valid("json"), ifMatch);
  c.header("ETag", etag(answer.coupon.version));
  return c.json(answer, 200);
};

export const deactivate: AppRouteHandler<typeof routes.deactivate> = async (c) => {
  const seller = requireSecret(c);
  const answer = await deactivateCoupon(requestDeps(c), seller, c.req.valid("param").id, parseIfMatch(c.req.valid("header")["if-match"]));
  c.header("ETag", etag(answer.coupon.version));
  return c.json(answer, 200);
};

export const duplicate: AppRouteHandler<typeof routes.duplicate> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await duplicateCoupon(requestDeps(c), seller, c.req.valid("param").id, c.req.valid("json")), 201);
};

export const history: AppRouteHandler<typeof routes.history> = async (c) => {
  const seller = requireSecret(c);
  const deps = requestDeps(c);
  const { id } = c.req.valid("param");
  const page = (q: HistoryInput) => couponHistory(deps, seller, id, q);
  if (wantsCsv(c.req.header("accept"))) return csvList(`coupon-${id}-history`, AuditEntrySchema, c.req.valid("query"), page);
  return c.json(await page(c.req.valid("query")), 200);
};

export const performance: AppRouteHandler<typeof routes.performance> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await readPerformance(requestDeps(c), seller, c.req.valid("param").id, c.req.valid("query")), 200);
};

export const recipients: AppRouteHandler<typeof routes.recipients> = async (c) => {
  const seller = requireSecret(c);
  const deps = requestDeps(c);
  const { id } = c.req.valid("param");
  const page = (q: RecipientsInput) => listRecipients(deps, seller, id, q);
  if (wantsCsv(c.req.header("accept"))) return csvList(`coupon-${id}-recipients`, RecipientSchema, c.req.valid("query"), page);
  return c.json(await page(c.req.valid("query")), 200);
};

export const send: AppRouteHandler<typeof routes.send> = async (c) => {
  const seller = requireSecret(c);
  return c.json(await sendChatCoupon(requestDeps(c), seller, c.req.valid("param").id, c.req.valid("json").buyer_id), 200);
};
