/**
 * The typed client (`edge-coupons/client`): its types are the OpenAPI document's (the committed
 * `client/openapi.ts` is what `npm run client:types` writes now), and it speaks to the app in process
 * (every exchange checked against the document by `makeTestApp`), with the buyer token it signs.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createClient, signBuyerToken, type Answer, type RequestBody } from "../../client/index.js";
import { CLIENT_TYPES, clientTypes } from "../../scripts/client-types.js";
import { makeTestApp, promoBody, type ShopKeys, type TestApp } from "../support/app.js";

let t: TestApp;
let s: ShopKeys;
beforeAll(async () => {
  t = await makeTestApp();
  s = await t.shop();
});

describe("the typed client", () => {
  it("has the document's types: client/openapi.ts is current (else run `npm run client:types`)", async () => {
    expect(readFileSync(CLIENT_TYPES, "utf8") === (await clientTypes()), "client/openapi.ts is stale: run `npm run client:types`").toBe(
      true,
    );
  }, 30_000);

  it("calls the API with the key and a buyer token it signed; answers and refusals are typed", async () => {
    const token = await signBuyerToken(s.buyerSecret, "buyer-1", Math.floor(Date.now() / 1000) + 60);
    const api = createClient({ baseUrl: "http://localhost/", key: s.pk, buyerToken: token, fetch: (r) => Promise.resolve(t.app.fetch(r)) });
    // Only the cart's required fields: the defaulted ones (explain, shipping, product discounts) may be left out.
    const body: RequestBody<"quoteCheckout"> = {
      cart: { currency: "USD", lines: [{ line_id: "1", product_id: "p", quantity: 2, unit_price_minor: 300 }] },
    };
    const quoted = await api.POST("/v1/checkout/quote", { body });
    const answer: Answer<"quoteCheckout"> | undefined = quoted.data;
    expect(answer).toMatchObject({ subtotal_minor: 600, applied: null, total_minor: 600 });
    const wallet = await api.GET("/v1/storefront/wallet");
    expect(wallet.data?.data).toEqual([]);
    const refused = await api.GET("/v1/coupons");
    expect(refused.response.status).toBe(403);
    expect(refused.error?.code).toBe("forbidden");
  });

  it("covers the seller tools: a preview, an availability, a list as typed JSON and as CSV text", async () => {
    const seller = createClient({ baseUrl: "http://localhost", key: s.sk, fetch: (r) => Promise.resolve(t.app.fetch(r)) });
    const preview = await seller.POST("/v1/coupons/preview", { body: promoBody({ code: "PEEK1" }) as RequestBody<"previewCoupon"> });
    // A coupon not yet written has `id: null` (openapi-fetch's answer types drop a property whose type is only null).
    expect(preview.data?.coupon).toMatchObject({ id: null, code: `${s.code_prefix}PEEK1`, status: "ongoing" });
    const free = await seller.GET("/v1/promo-codes/availability", { params: { query: { code: "PEEK1" } } });
    expect(free.data).toEqual({ code: `${s.code_prefix}PEEK1`, available: true });
    await seller.POST("/v1/coupons", { body: promoBody({ code: "LISTED" }) as RequestBody<"createCoupon"> });
    const page = await seller.GET("/v1/coupons", { params: { query: { type: "promo_code" } } });
    expect(page.data?.data.map((c) => c.code)).toEqual([`${s.code_prefix}LISTED`]);
    const csv = await seller.GET("/v1/coupons", {
      params: { query: { type: "promo_code" } },
      headers: { accept: "text/csv" },
      parseAs: "text",
    });
    expect(csv.response.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(String(csv.data).split("\r\n")[0]).toMatch(/^id,/);
  });
});
