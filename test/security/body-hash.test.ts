/**
 * The request hash behind Idempotency-Key and event ids: a validated body hashes the same whatever the
 * order of its keys or whether a default is spelled out, any other body hashes differently, and Node's
 * synchronous SHA-256 gives exactly WebCrypto's digest (the one Workers use), so a key stored by one host
 * is recognised by the other.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashBody } from "../../worker/lib/crypto.js";
import { RedemptionBody } from "../../worker/contract/redemptions.js";
import { EventBody } from "../../worker/contract/events.js";

const nodeSha = (text: string) => createHash("sha256").update(text).digest("hex");
const hashOf = (body: unknown) => hashBody(RedemptionBody.parse(body), nodeSha);

const line = { line_id: "l1", product_id: "p1", quantity: 2, unit_price_minor: 1500 };
const body = { order_id: "o1", code: "SHOPSAVE", buyer_id: "b1", cart: { currency: "USD", lines: [line] } };

describe("request hash", () => {
  it("is the same for the same body with its keys in another order, at every depth, or with defaults spelled out", async () => {
    const reordered = {
      cart: { lines: [{ unit_price_minor: 1500, quantity: 2, product_id: "p1", line_id: "l1" }], currency: "USD" },
      buyer_id: "b1",
      code: "SHOPSAVE",
      order_id: "o1",
    };
    const spelledOut = {
      ...body,
      explain: false,
      cart: { ...body.cart, shipping_minor: 0, shipping_discount_minor: 0, lines: [{ ...line, product_discount_minor: 0 }] },
    };
    expect(await hashOf(reordered)).toBe(await hashOf(body));
    expect(await hashOf(spelledOut)).toBe(await hashOf(body));
  });

  it("differs for a different value, another line order, or another field", async () => {
    const base = await hashOf(body);
    expect(await hashOf({ ...body, order_id: "o2" })).not.toBe(base);
    expect(await hashOf({ ...body, cart: { ...body.cart, lines: [{ ...line, quantity: 3 }] } })).not.toBe(base);
    const two = { ...body, cart: { ...body.cart, lines: [line, { ...line, line_id: "l2" }] } };
    const swapped = { ...body, cart: { ...body.cart, lines: [{ ...line, line_id: "l2" }, line] } };
    expect(await hashOf(swapped)).not.toBe(await hashOf(two));
    const { code: _code, ...noCode } = body;
    expect(await hashOf({ ...noCode, coupon_id: "SHOPSAVE" })).not.toBe(base);
  });

  it("ignores key order in event bodies too", async () => {
    const a = EventBody.parse({
      id: "e1",
      type: "order.paid",
      occurred_at: "2026-01-01T00:00:00Z",
      buyer_id: "b1",
      order_id: "o1",
      total_minor: 100,
    });
    const b = EventBody.parse({
      total_minor: 100,
      order_id: "o1",
      buyer_id: "b1",
      occurred_at: "2026-01-01T00:00:00Z",
      type: "order.paid",
      id: "e1",
    });
    expect(await hashBody(a, nodeSha)).toBe(await hashBody(b, nodeSha));
  });

  it("Node's synchronous SHA-256 and WebCrypto's give the same hash", async () => {
    const validated = { route: "POST /v1/checkout/redemptions", body: RedemptionBody.parse({ ...body, order_id: "ø-1" }) };
    expect(await hashBody(validated, nodeSha)).toBe(await hashBody(validated));
    expect(await hashBody(validated)).toMatch(/^[0-9a-f]{64}$/);
  });
});
