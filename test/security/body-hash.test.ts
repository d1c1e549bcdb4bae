/**
 * The body hash behind Idempotency-Key and event ids: the same body in any key order is the same body,
 * any other body is another, and Node's synchronous SHA-256 gives exactly WebCrypto's digest (the one
 * Workers use), so a key stored by one host is recognised by the other.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashBody, stableStringify } from "../../worker/lib/crypto.js";

const nodeSha = (text: string) => createHash("sha256").update(text).digest("hex");

describe("body hash", () => {
  it("ignores key order at every depth, and leaves out undefined members as JSON does", () => {
    const a = { order_id: "o1", cart: { lines: [{ line_id: "1", quantity: 2 }], currency: "USD" }, code: undefined };
    const b = { cart: { currency: "USD", lines: [{ quantity: 2, line_id: "1" }] }, order_id: "o1" };
    expect(stableStringify(a)).toBe(stableStringify(b));
    expect(stableStringify(a)).toBe('{"cart":{"currency":"USD","lines":[{"line_id":"1","quantity":2}]},"order_id":"o1"}');
  });

  it("tells apart bodies that differ in a value, in array order, or in a key", () => {
    const base = stableStringify({ lines: [{ id: "1" }, { id: "2" }], n: 1 });
    expect(stableStringify({ lines: [{ id: "2" }, { id: "1" }], n: 1 })).not.toBe(base);
    expect(stableStringify({ lines: [{ id: "1" }, { id: "2" }], n: 2 })).not.toBe(base);
    expect(stableStringify({ lines: [{ id: "1" }, { id: "2" }], m: 1 })).not.toBe(base);
  });

  it("writes values as JSON.stringify does (escapes, null for what JSON has no word for)", () => {
    const odd = { s: 'quote " and \\ and \n and é', arr: [undefined, NaN, Infinity, null], d: new Date(0) };
    expect(JSON.parse(stableStringify(odd))).toEqual(JSON.parse(JSON.stringify(odd)));
    expect(stableStringify(undefined)).toBe("null");
  });

  it("Node's synchronous SHA-256 and WebCrypto's give the same hash", async () => {
    const body = { route: "POST /v1/checkout/redemptions", body: { order_id: "ø-1", cart: { lines: [] } } };
    expect(await hashBody(body, nodeSha)).toBe(await hashBody(body));
    expect(await hashBody(body)).toMatch(/^[0-9a-f]{64}$/);
  });
});
