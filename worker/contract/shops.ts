/** Shops (platform operator) and the test clock (secret key of a test shop): shapes and how a shop is shown. */
import { z } from "@hono/zod-openapi";
import { thresholdsFor } from "../engine/coupon-rules.js";
import type { ShopRow } from "../lib/caller.js";
import { shopThresholds } from "../store/shops.js";
import { Currency, Timestamp, toIso } from "./common.js";

const Origin = z
  .string()
  .max(200)
  .regex(/^https?:\/\/[^\s/]+$/, "an origin like https://shop.example (scheme, host and optional port)");

/** R20: a blocked word, as README "Text safety" describes (letters, `*` at either end); stored upper case. */
const BlockedWord = z
  .string()
  .regex(/^\*?[A-Za-z]{2,20}\*?$/, "2 to 20 letters, with an optional * at either end")
  .transform((w) => w.toUpperCase());

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
    blocked_words: z.array(z.string()).openapi({ description: "R20: the shop's own blocked words for promo codes, added to the platform's list" }),
    test_clock: Timestamp.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi("Shop");
export type Shop = z.infer<typeof ShopSchema>;

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
export type CreateShopInput = z.infer<typeof CreateShopBody>;

export const UpdateShopBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    allowed_origins: z.array(Origin).max(50).optional(),
    addon_coupons: z.boolean().optional(),
    /** null returns to the defaults for the shop's currency. */
    // Inline rather than the named component: a nullable $ref becomes an allOf that no longer says
    // the object is closed, and the document must show every body refusing unknown fields.
    min_fixed_minor: z.strictObject(minFixedFields).nullable().optional(),
    /** Replaces the shop's own list ([] clears it); the platform's list always applies. */
    blocked_words: z.array(BlockedWord).max(200).optional(),
  })
  .openapi("UpdateShop");
export type UpdateShopInput = z.infer<typeof UpdateShopBody>;

export const ShopParams = z.object({ id: z.string().max(64) });

export const CreatedShopSchema = z.object({
  shop: ShopSchema,
  secret_key: z.string(),
  publishable_key: z.string(),
  buyer_token_secret: z.string(),
});
export const ShopAnswer = z.object({ shop: ShopSchema });

export const TestClockBody = z.strictObject({ now: Timestamp.nullable() }).openapi("TestClock");
export const TestClockAnswer = z.object({ now: Timestamp, frozen: z.boolean() });

export function serializeShop(shop: ShopRow): Shop {
  return {
    id: shop.id,
    name: shop.name,
    code_prefix: shop.code_prefix,
    region: shop.region,
    currency: shop.currency,
    mode: shop.mode,
    allowed_origins: shop.allowed_origins,
    addon_coupons: shop.addon_coupons,
    min_fixed_minor: thresholdsFor(shop.currency, shopThresholds(shop)).min_fixed_minor,
    blocked_words: shop.blocked_words,
    test_clock: toIso(shop.test_clock_now),
    created_at: toIso(shop.created_at),
    updated_at: toIso(shop.updated_at),
  };
}
