/** Signs a buyer token as a storefront's server would (HS256 with the shop's buyer_token_secret). */
import { signBuyerToken as sign } from "../../worker/lib/jwt.js";

export function signBuyerToken(secret: string, buyerId: string, ttlSeconds = 3600): Promise<string> {
  return sign(secret, buyerId, Math.floor(Date.now() / 1000) + ttlSeconds);
}
