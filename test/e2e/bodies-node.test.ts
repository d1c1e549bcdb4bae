/**
 * The body guard on the real Node server, where a body with a declared length is read straight from the
 * socket (@hono/node-server's direct read) and a chunked one as a bounded stream: the same 413/415/422
 * answers and the same parsed body either way.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type StartedServer } from "../support/server.js";

let server: StartedServer;
beforeAll(async () => {
  server = await startServer({ env: { MAX_BODY_BYTES: "4096" } });
});
afterAll(async () => {
  await server?.stop();
});

const cart = {
  currency: "USD",
  lines: [{ line_id: "l1", product_id: "p1", quantity: 2, unit_price_minor: 1250, product_discount_minor: 0 }],
  shipping_minor: 0,
  shipping_discount_minor: 0,
};

async function post(body: BodyInit, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/v1/checkout/quote`, {
    method: "POST",
    headers: { authorization: `Bearer ${server.demo.secretKey}`, "content-type": "application/json", ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  return { status: res.status, body: (await res.json()) as any };
}

function streamOf(text: string, chunk = 7) {
  return new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < text.length; i += chunk) c.enqueue(new TextEncoder().encode(text.slice(i, i + chunk)));
      c.close();
    },
  });
}

describe("request bodies on the Node server", () => {
  it("a declared-length body and the same body chunked give the same quote", async () => {
    const json = JSON.stringify({ buyer_id: "b-ü", cart });
    const declared = await post(json);
    const chunked = await post(streamOf(json));
    expect(declared.status).toBe(200);
    expect(declared.body.subtotal_minor).toBe(2500);
    expect(chunked).toEqual(declared);
  });

  it("413 past the limit (declared or chunked), 415 for another media type, 422 for broken JSON", async () => {
    expect((await post("x".repeat(5000))).body.code).toBe("body_too_large");
    expect((await post(streamOf(" ".repeat(5000), 1024))).body.code).toBe("body_too_large");
    const text = await post(JSON.stringify({ buyer_id: "b", cart }), { "content-type": "text/plain" });
    expect([text.status, text.body.code]).toEqual([415, "unsupported_media_type"]);
    const broken = await post('{"buyer_id": "b", "cart": ');
    expect([broken.status, broken.body.code]).toEqual([422, "malformed_json"]);
    const brokenChunked = await post(streamOf('{"buyer_id": "b", "cart": '));
    expect([brokenChunked.status, brokenChunked.body.code]).toEqual([422, "malformed_json"]);
  });
});
