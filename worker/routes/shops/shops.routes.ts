/** The contract of shop routes (platform operator) and the test clock (secret key of a test shop). */
import { createRoute } from "@hono/zod-openapi";
import {
  CreatedShopSchema,
  CreateShopBody,
  ShopAnswer,
  ShopParams,
  TestClockAnswer,
  TestClockBody,
  UpdateShopBody,
} from "../../contract/shops.js";
import { BearerSecurity, json, jsonBody, problem, problemResponses } from "../openapi.js";

export const create = createRoute({
  method: "post",
  path: "/v1/shops",
  tags: ["Shops"],
  summary: "Create a shop (platform operator)",
  security: BearerSecurity,
  request: { body: jsonBody(CreateShopBody) },
  responses: {
    201: json(CreatedShopSchema, "The shop, with its keys shown this once"),
    ...problemResponses,
  },
});

export const read = createRoute({
  method: "get",
  path: "/v1/shops/{id}",
  tags: ["Shops"],
  summary: "Read a shop's settings (platform operator, or the shop's own secret key)",
  description: "A secret key reads only its own shop; another shop's id is 404.",
  security: BearerSecurity,
  request: { params: ShopParams },
  responses: { 200: json(ShopAnswer, "The shop"), 404: problem("No such shop"), ...problemResponses },
});

export const update = createRoute({
  method: "patch",
  path: "/v1/shops/{id}",
  tags: ["Shops"],
  summary: "Change a shop's settings (platform operator; its own secret key for origins and thresholds)",
  description:
    "The platform operator may change every field. A secret key may change its own shop's `allowed_origins` and " +
    "`min_fixed_minor` (another shop's id is 404); `name`, `addon_coupons` and `blocked_words` from a secret key are 403 `forbidden`, the " +
    "refused fields in `errors[]`. `allowed_origins` replaces the list; `allowed_origins_add` / `allowed_origins_remove` " +
    "change it without resending it (not together with `allowed_origins`: 422). Origins are `scheme://host[:port]` " +
    "(http or https, no path, not even `/`) and are stored as browsers send them in `Origin` (lower case, no default " +
    "port); at most 50. Every change is logged as `shop_updated` in `GET /v1/audit`.",
  security: BearerSecurity,
  request: { params: ShopParams, body: jsonBody(UpdateShopBody) },
  responses: { 200: json(ShopAnswer, "The shop"), 404: problem("No such shop"), ...problemResponses },
});

export const setTestClock = createRoute({
  method: "post",
  path: "/v1/test-clock",
  operationId: "setTestClock",
  tags: ["Shops"],
  summary: "Freeze (or release) the clock of a test shop",
  description: "All time rules of the shop use this clock. Live shops answer 403. Buyer tokens and rate limits keep real time.",
  security: BearerSecurity,
  request: { body: jsonBody(TestClockBody) },
  responses: {
    200: json(TestClockAnswer, "The shop clock"),
    ...problemResponses,
  },
});
