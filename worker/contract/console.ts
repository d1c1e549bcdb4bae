/** Console sessions (README "Seller console"): sign in with a secret key, and who is signed in. */
import { z } from "@hono/zod-openapi";
import { ShopSchema } from "./shops.js";

export const SignInBody = z
  .strictObject({ secret_key: z.string().min(1).max(200).openapi({ example: "sk_test_…" }) })
  .openapi("ConsoleSignIn");
export type SignInInput = z.infer<typeof SignInBody>;

export const SessionShopSchema = z.object({ shop: ShopSchema });
export type SessionShop = z.infer<typeof SessionShopSchema>;
