/**
 * The typed client (`edge-coupons/client`): its types are the OpenAPI document's (the committed
 * `client/openapi.ts` is what `npm run client:types` writes now), and it speaks to the app in process
 * (every exchange checked against the document by `makeTestApp`), with the buyer token it signs.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createClient, signBuyerToken, type Answer, type RequestBody } from "../../client/index.js";
import { CLIENT_TYPES, clientTypes } from "../../scripts/client-types.js";
import { makeTestApp, type ShopKeys, type TestApp } from "../support/app.js";

let t: TestApp;
let s: ShopKeys;
beforeAll(async () => {
  t = await makeTestApp();
  s = await t.shop();
});

describe("the typed client", () => {
  it("has the document's types: client/openapi.ts is current (else run `npm run client:types`)", async () => {
    expect(readFileSync(CLIENT_TYPES, "utf8") === (await clientTypes()), "client/openapi.ts is stale: run `npm run client:types`").toBe(true);
  }, 30_000);

  it("calls the API with the key and a buyer token it signed; answers and refusals are typed", async () => {
    const token = await signBuyerToken(s.buyerSecret, "buyer-1", Math.floor(Date.now() / 1000) + 60);
    const api = createClient({ baseUrl: "http://localhost/", key: s.pk, buyerToken: token, fetch: (r) => Promise.resolve(t.app.fetch(r)) });
    // Only the cart's required fields: the defaulted ones (explain, shipping, product discounts) may be left out.
    const body: RequestBody<"quoteCheckout"> = { cart: { currency: "USD", lines: [{ line_id: "1", product_id: "p", quantity: 2, unit_price_minor: 300 }] } };
    const quoted = await api.POST("/v1/checkout/quote", { body });
    const answer: Answer<"quoteCheckout"> | undefined = quoted.data;
    expect(answer).toMatchObject({ subtotal_minor: 600, applied: null, total_minor: 600 });
    const wallet = await api.GET("/v1/storefront/wallet");
    expect(wallet.data?.data).toEqual([]);
    const refused = await api.GET("/v1/coupons");
    expect(refused.response.status).toBe(403);
    expect(refused.error?.code).toBe("forbidden");
  });
});
