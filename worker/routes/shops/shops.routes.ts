/** The contract of shop routes (platform operator) and the test clock (secret key of a test shop). */
import { createRoute, z } from "@hono/zod-openapi";
import { BearerSecurity, Currency, json, jsonBody, problem, problemResponses, Timestamp } from "../../lib/schemas.js";

const Origin = z
  .string()
  .max(200)
  .regex(/^https?:\/\/[^\s/]+$/, "an origin like https://shop.example (scheme, host and optional port)");

const Minimum = z.int().min(1).max(1_000_000_000);
/** R3 minimum fixed discount per coupon type, in the shop currency's minor units. */
const minFixedFields = { regular: Minimum, follower: Minimum, review: Minimum, chat: Minimum, promo_code: Minimum };
export const MinFixedSchema = z.strictObject(minFixedFields).openapi("MinFixedDiscounts");

export const ShopSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    code_prefix: z.string(),
    region: z.string(),
    currency: z.string(),
    mode: z.enum(["test", "live"]),
    allowed_origins: z.array(z.string()),
    addon_coupons: z.boolean(),
    min_fixed_minor: MinFixedSchema.openapi({ description: "R3 minimum fixed discounts in effect: the shop's own, or the defaults for its currency" }),
    test_clock: Timestamp.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi("Shop");

export const CreateShopBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    region: z
      .string()
      .regex(/^[A-Za-z]{2}(?:-[A-Za-z0-9]{1,8})?$/, "a region code like US or EU")
      .transform((s) => s.toUpperCase()),
    currency: Currency,
    mode: z.enum(["test", "live"]).default("test"),
    allowed_origins: z.array(Origin).max(50).default([]),
    addon_coupons: z.boolean().default(true),
    min_fixed_minor: MinFixedSchema.optional(),
  })
  .openapi("CreateShop");

export const UpdateShopBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    allowed_origins: z.array(Origin).max(50).optional(),
    addon_coupons: z.boolean().optional(),
    /** null returns to the defaults for the shop's currency. */
    // Inline rather than the named component: a nullable $ref becomes an allOf that no longer says
    // the object is closed, and the document must show every body refusing unknown fields.
    min_fixed_minor: z.strictObject(minFixedFields).nullable().optional(),
  })
  .openapi("UpdateShop");

const ShopParams = z.object({ id: z.string().max(64) });

export const createShop = createRoute({
  method: "post",
  path: "/v1/shops",
  tags: ["Shops"],
  summary: "Create a shop (platform operator)",
  security: BearerSecurity,
  request: { body: jsonBody(CreateShopBody) },
  responses: {
    201: json(
      z.object({
        shop: ShopSchema,
        secret_key: z.string(),
        publishable_key: z.string(),
        buyer_token_secret: z.string(),
      }),
      "The shop, with its keys shown this once",
    ),
    ...problemResponses,
  },
});

export const getShop = createRoute({
  method: "get",
  path: "/v1/shops/{id}",
  tags: ["Shops"],
  summary: "Read a shop's settings (platform operator)",
  security: BearerSecurity,
  request: { params: ShopParams },
  responses: { 200: json(z.object({ shop: ShopSchema }), "The shop"), 404: problem("No such shop"), ...problemResponses },
});

export const updateShop = createRoute({
  method: "patch",
  path: "/v1/shops/{id}",
  tags: ["Shops"],
  summary: "Change a shop's settings (platform operator)",
  security: BearerSecurity,
  request: { params: ShopParams, body: jsonBody(UpdateShopBody) },
  responses: { 200: json(z.object({ shop: ShopSchema }), "The shop"), 404: problem("No such shop"), ...problemResponses },
});

export const setTestClock = createRoute({
  method: "post",
  path: "/v1/test-clock",
  tags: ["Shops"],
  summary: "Freeze (or release) the clock of a test shop",
  description: "All time rules of the shop use this clock. Live shops answer 403. Buyer tokens and rate limits keep real time.",
  security: BearerSecurity,
  request: { body: jsonBody(z.strictObject({ now: Timestamp.nullable() }).openapi("TestClock")) },
  responses: {
    200: json(z.object({ now: Timestamp, frozen: z.boolean() }), "The shop clock"),
    ...problemResponses,
  },
});
