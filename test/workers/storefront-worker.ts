/**
 * A storefront's own server as a Cloudflare Worker (test/workers/storefront.test.ts runs it in workerd):
 * it signs the shopper's buyer token with `signBuyerToken` and calls the API with the typed client, both
 * from `edge-coupons/client`, as the README's checkout shows for Node.
 */
import { createClient, signBuyerToken } from "../../client/index.js";

interface Env {
  API_URL: string;
  PK: string;
  BUYER_TOKEN_SECRET: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const buyer = new URL(request.url).searchParams.get("buyer");
    if (!buyer) return new Response("storefront"); // /health
    const token = await signBuyerToken(env.BUYER_TOKEN_SECRET, buyer, Math.floor(Date.now() / 1000) + 600);
    const api = createClient({ baseUrl: env.API_URL, key: env.PK, buyerToken: token });
    const wallet = await api.GET("/v1/storefront/wallet");
    return Response.json({ token, status: wallet.response.status, wallet: wallet.data ?? null, error: wallet.error ?? null });
  },
};
