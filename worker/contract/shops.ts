/** Shops (platform operator) and the test clock (secret key of a test shop): shapes and how a shop is shown. */
import { z } from "@hono/zod-openapi";
import { thresholdsFor } from "../engine/coupon-rules.js";
import type { ShopRow } from "../lib/caller.js";
import { shopThresholds } from "../store/shops.js";
import { Currency, Timestamp, toIso } from "./common.js";

const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
/** scheme://host[:port]: http or https, a DNS name (ASCII; punycode for others), an IPv4 or a [IPv6] address. */
const ORIGIN_PATTERN = new RegExp(`^[Hh][Tt][Tt][Pp][Ss]?://(?:${LABEL}(?:\\.${LABEL})*|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?$`);

/** The origin as a browser sends it in `Origin` (lower case, no default port), or null if it is none. */
function browserOrigin(text: string): string | null {
  try {
    const url = new URL(text);
    return url.origin === "null" ? null : url.origin;
  } catch {
    return null;
  }
}

/**
 * A web origin, strictly: `scheme://host[:port]`, nothing before or after (no path, not even `/`, no
 * query, no user). Stored as a browser sends it in `Origin` (`HTTPS://Shop.Example:443` is
 * `https://shop.example`), since CORS compares the two exactly.
 */
const Origin = z
  .string()
  .max(200)
  .regex(ORIGIN_PATTERN, "an origin like https://shop.example or http://localhost:5173 (scheme, host and optional port; no path)")
  .refine((o) => browserOrigin(o) !== null, "not a valid origin (a port is at most 65535)")
  .transform((o) => browserOrigin(o)!)
  .openapi({ example: "https://shop.example" });

/** A list of origins, each kept once. */
const Origins = z
  .array(Origin)
  .max(50)
  .transform((list) => [...new Set(list)]);

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
    min_fixed_minor: MinFixedSchema.openapi({
      description: "R3 minimum fixed discounts in effect: the shop's own, or the defaults for its currency",
    }),
    blocked_words: z
      .array(z.string())
      .openapi({ description: "R20: the shop's own blocked words for promo codes, added to the platform's list" }),
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
    allowed_origins: Origins.default([]),
    addon_coupons: z.boolean().default(true),
    min_fixed_minor: MinFixedSchema.optional(),
  })
  .openapi("CreateShop");
export type CreateShopInput = z.infer<typeof CreateShopBody>;

/** The most origins a shop allows. */
export const MAX_ORIGINS = 50;

/**
 * `PATCH /v1/shops/{id}`. `allowed_origins` replaces the list; `allowed_origins_add` and
 * `allowed_origins_remove` change it in place (applied as one statement, so two storefronts adding
 * their origin at once both keep theirs), and cannot be sent with `allowed_origins`.
 */
export const UpdateShopBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional().openapi({ description: "Platform operator only" }),
    allowed_origins: Origins.optional().openapi({ description: "Replaces the whole list" }),
    allowed_origins_add: Origins.optional().openapi({ description: "Origins to add to the list (those already in it stay once)" }),
    allowed_origins_remove: Origins.optional().openapi({ description: "Origins to take off the list (those not in it are ignored)" }),
    addon_coupons: z.boolean().optional().openapi({ description: "Platform operator only" }),
    /** null returns to the defaults for the shop's currency. */
    // Inline rather than the named component: a nullable $ref becomes an allOf that no longer says
    // the object is closed, and the document must show every body refusing unknown fields.
    min_fixed_minor: z.strictObject(minFixedFields).nullable().optional(),
    /** Replaces the shop's own list ([] clears it); the platform's list always applies. */
    blocked_words: z.array(BlockedWord).max(200).optional(),
  })
  .refine((b) => b.allowed_origins === undefined || (b.allowed_origins_add === undefined && b.allowed_origins_remove === undefined), {
    path: ["allowed_origins"],
    message: "send either the whole list (`allowed_origins`) or the changes (`allowed_origins_add`, `allowed_origins_remove`), not both",
  })
  .refine((b) => !b.allowed_origins_add?.some((o) => b.allowed_origins_remove?.includes(o)), {
    path: ["allowed_origins_remove"],
    message: "an origin cannot be both added and removed",
  })
  .openapi("UpdateShop");
export type UpdateShopInput = z.infer<typeof UpdateShopBody>;

export const ShopParams = z.object({ id: z.string().max(64) });

/**
 * What only the platform operator may change; a secret key may change the rest of its own shop. The
 * shop's own blocked words are text-safety policy (R20), the platform's to set like its list.
 */
export const ADMIN_ONLY_SHOP_FIELDS = ["name", "addon_coupons", "blocked_words"] as const;

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
