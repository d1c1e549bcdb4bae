/**
 * The README's walk-through against a really started server (`worker/node.ts`, as `npm start` runs it),
 * through the typed client a storefront uses (`edge-coupons/client`): a promo code created, looked up and
 * quoted; the storefront's buyer token signed on its server; the whole checkout (quote → reserve →
 * commit, and reserve → release); an origin allowed for the widget. And R19 under a real race: concurrent
 * creates of one code give exactly one 201.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, signBuyerToken, type EdgeCouponsClient, type RequestBody } from "../../client/index.js";
import { startServer, type StartedServer } from "../support/server.js";

let server: StartedServer;
let seller: EdgeCouponsClient;
beforeAll(async () => {
  server = await startServer();
  seller = createClient({ baseUrl: server.url, key: server.demo.secretKey });
});
afterAll(async () => {
  await server?.stop();
});

const CART = {
  currency: "USD",
  shipping_minor: 499,
  lines: [
    { line_id: "1", product_id: "demo-mug", quantity: 2, unit_price_minor: 1200 },
    { line_id: "2", product_id: "demo-tee", quantity: 1, unit_price_minor: 2500, product_discount_minor: 500 },
  ],
} satisfies RequestBody<"quoteCheckout">["cart"];

describe("a started server, through the typed client", () => {
  it("serves the walk-through: create a promo code, look it up, quote a cart", async () => {
    const created = await seller.POST("/v1/coupons", {
      body: {
        type: "promo_code",
        name: "Welcome 15%",
        code: "WELCOME",
        discount: { kind: "percent", percent_off: 15, max_discount_minor: 3000 },
        min_spend_minor: 2000,
        quantity: 100,
        active_starts_at: new Date(Date.now() - 60_000).toISOString(),
        active_ends_at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    });
    expect(created.response.status, JSON.stringify(created.error)).toBe(201);
    expect(created.data?.coupon.code).toBe("DEMOWELCOME");

    const storefront = createClient({ baseUrl: server.url, key: server.demo.publishableKey });
    const looked = await storefront.GET("/v1/promo-codes/{code}", { params: { path: { code: "demowelcome" } } });
    expect(looked.data?.valid).toBe(true);

    const quoted = await seller.POST("/v1/checkout/quote", { body: { buyer_id: "buyer-42", code: "demowelcome", cart: CART } });
    expect(quoted.data?.subtotal_minor).toBe(4400);
    expect(quoted.data?.applied).toMatchObject({ code: "DEMOWELCOME", discount_minor: 660 });
    expect(quoted.data?.total_minor).toBe(4400 - 660 + 499);
  });

  it("the checkout: the storefront quotes with a buyer token; the shop's server reserves, commits or releases", async () => {
    // The storefront's server signs the shopper's token with the shop's buyer_token_secret.
    const token = await signBuyerToken(server.demo.buyerTokenSecret, "buyer-77", Math.floor(Date.now() / 1000) + 600);
    const shopper = createClient({ baseUrl: server.url, key: server.demo.publishableKey, buyerToken: token });
    const quote = await shopper.POST("/v1/checkout/quote", { body: { code: "DEMOWELCOME", cart: CART } });
    expect(quote.data?.applied?.discount_minor).toBe(660);

    // The promo code is once per customer: each order here is another buyer's.
    const reserve = (order: string, buyer: string) =>
      seller.POST("/v1/checkout/redemptions", {
        params: { header: { "idempotency-key": `checkout-${order}` } },
        body: { buyer_id: buyer, code: "DEMOWELCOME", order_id: order, cart: CART },
      });
    const paid = await reserve("order-1001", "buyer-77");
    expect(paid.response.status, JSON.stringify(paid.error)).toBe(201);
    expect(paid.data?.redemption).toMatchObject({ state: "reserved", discount_minor: 660, order_id: "order-1001" });
    const again = await reserve("order-1001", "buyer-77"); // the same Idempotency-Key: the first answer again
    expect(again.data?.redemption.id).toBe(paid.data?.redemption.id);
    const committed = await seller.POST("/v1/redemptions/{id}/commit", { params: { path: { id: paid.data!.redemption.id } } });
    expect(committed.data?.redemption.state).toBe("committed");

    const cancelled = await reserve("order-1002", "buyer-78");
    expect(cancelled.response.status).toBe(201);
    const released = await seller.POST("/v1/redemptions/{id}/release", { params: { path: { id: cancelled.data!.redemption.id } } });
    expect(released.data?.redemption).toMatchObject({ state: "released", release_reason: "released" });
    // A committed redemption cannot be released: a problem with a listed code.
    const refused = await seller.POST("/v1/redemptions/{id}/release", { params: { path: { id: paid.data!.redemption.id } } });
    expect(refused.response.status).toBe(409);
    expect(refused.error?.code).toBe("redemption_committed");
  });

  it("allows the widget's origin with the shop's own secret key (the list read first, then replaced) and the browser's answers carry it", async () => {
    const shop = await seller.GET("/v1/shops/{id}", { params: { path: { id: server.demo.shopId } } });
    const origins = [...(shop.data?.shop.allowed_origins ?? []), "https://shop.example"];
    const patched = await seller.PATCH("/v1/shops/{id}", {
      params: { path: { id: server.demo.shopId } },
      body: { allowed_origins: origins },
    });
    expect(patched.data?.shop.allowed_origins).toEqual(origins);
    const browser = createClient({ baseUrl: server.url, key: server.demo.publishableKey, headers: { origin: "https://shop.example" } });
    const listed = await browser.GET("/v1/storefront/coupons");
    expect(listed.response.headers.get("access-control-allow-origin")).toBe("https://shop.example");
  });

  it("R19 under a race: concurrent creates of one code give one 201 and the rest 409", async () => {
    const body = (i: number): RequestBody<"createCoupon"> => ({
      type: "promo_code",
      name: `Race ${i}`,
      code: "RACE1",
      discount: { kind: "fixed", amount_minor: 100 },
      quantity: 5,
      active_starts_at: new Date(Date.now() - 1000).toISOString(),
      active_ends_at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => seller.POST("/v1/coupons", { body: body(i) })));
    const statuses = results.map((r) => r.response.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    expect(results.filter((r) => r.response.status === 409).every((r) => r.error?.code === "promo_code_taken")).toBe(true);
  });
});
