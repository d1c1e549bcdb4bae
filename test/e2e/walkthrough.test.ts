/**
 * The README's walk-through against a really started server (`worker/node.ts`, as `npm start` runs it),
 * and R19 under a real race: concurrent creates of one code give exactly one 201.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverCalls, type CouponJson } from "../support/api.js";
import { answer, expectStatus } from "../support/app.js";
import { startServer, type StartedServer } from "../support/server.js";

let server: StartedServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const api = (key: string) => serverCalls(server.url, key);

describe("a started server", () => {
  it("serves the walk-through: create a promo code, look it up, quote a cart", async () => {
    const sk = server.demo.secretKey;
    const start = new Date(Date.now() - 60_000).toISOString();
    const end = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const created = await expectStatus(
      api(sk).createCoupon({
        type: "promo_code",
        name: "Welcome 15%",
        code: "WELCOME",
        discount: { kind: "percent", percent_off: 15, max_discount_minor: 3000 },
        min_spend_minor: 2000,
        quantity: 100,
        active_starts_at: start,
        active_ends_at: end,
      }),
      201,
    );
    expect(created.coupon.code).toBe("DEMOWELCOME");
    expect((await expectStatus(api(server.demo.publishableKey).lookup("demowelcome"), 200)).valid).toBe(true);
    const quoted = await expectStatus(
      api(sk).quote({
        buyer_id: "buyer-42",
        code: "demowelcome",
        cart: {
          currency: "USD",
          lines: [
            { line_id: "1", product_id: "demo-mug", quantity: 2, unit_price_minor: 1200, product_discount_minor: 0 },
            { line_id: "2", product_id: "demo-tee", quantity: 1, unit_price_minor: 2500, product_discount_minor: 500 },
          ],
          shipping_minor: 499,
          shipping_discount_minor: 0,
        },
      }),
      200,
    );
    expect(quoted.subtotal_minor).toBe(4400);
    expect(quoted.applied).toMatchObject({ code: "DEMOWELCOME", discount_minor: 660 });
    expect(quoted.total_minor).toBe(4400 - 660 + 499);
  });

  it("R19 under a race: concurrent creates of one code give one 201 and the rest 409", async () => {
    const sk = server.demo.secretKey;
    const body = (i: number): CouponJson => ({
      type: "promo_code",
      name: `Race ${i}`,
      code: "RACE1",
      discount: { kind: "fixed", amount_minor: 100 },
      quantity: 5,
      active_starts_at: new Date(Date.now() - 1000).toISOString(),
      active_ends_at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => answer(api(sk).createCoupon(body(i)))));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === "promo_code_taken")).toBe(true);
  });
});
