/**
 * Request bodies (413 past the size limit even when streamed without a length, 415 for anything but
 * JSON, unknown fields refused) and the audit trail (R30: every seller write leaves an entry, and no
 * route can alter or delete one).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { at, cart, DAY, expectStatus, makeTestApp, problemOf, promoBody, type ShopKeys, type TestApp } from "../support/app.js";
import { calls, type CouponJson } from "../support/api.js";
import { couponBodies, operations, type Schema } from "./openapi-walk.js";

let t: TestApp;
let s: ShopKeys;
beforeAll(async () => {
  t = await makeTestApp({ env: { MAX_BODY_BYTES: "4096" } });
  s = await t.shop({ name: "Bodies" });
});

/** A body streamed in chunks with no content-length (HTTP chunked transfer), counting what was read. */
function chunked(total: number, chunk = 1024) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(chunk, total - sent);
      sent += n;
      controller.enqueue(new TextEncoder().encode(" ".repeat(n)));
    },
  });
  return { stream, read: () => sent };
}

describe("bodies", () => {
  it("413 past the limit with a declared length, and with a chunked body that declares none, without reading it all", async () => {
    const declared = await t.call("POST", "/v1/checkout/quote", { key: s.sk, body: "x".repeat(5000) });
    expect(declared.status).toBe(413);
    expect(problemOf(declared).code).toBe("body_too_large");

    const big = chunked(50 * 1024 * 1024);
    const res = await t.app.request("/v1/checkout/quote", {
      method: "POST",
      headers: { authorization: `Bearer ${s.sk}`, "content-type": "application/json" },
      body: big.stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    // It stopped soon after the limit instead of buffering 50 MB first.
    expect(big.read()).toBeLessThan(64 * 1024);

    // A chunked body under the limit is read whole and validated as usual.
    const json = JSON.stringify({ buyer_id: "b1", cart: cart([{ unit_price_minor: 1000 }]) });
    const small = await t.app.request("/v1/checkout/quote", {
      method: "POST",
      headers: { authorization: `Bearer ${s.sk}`, "content-type": "application/json" },
      body: new ReadableStream({
        start(c) {
          for (const part of json.match(/.{1,7}/g)!) c.enqueue(new TextEncoder().encode(part));
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(small.status).toBe(200);
  });

  it("415 for bodies that are not JSON, 422 for broken JSON and for unknown fields anywhere", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"]) {
      const res = await t.call("POST", "/v1/coupons", { key: s.sk, body: "{}", headers: { "content-type": type } });
      expect(res.status, type).toBe(415);
    }
    expect((await t.call("POST", "/v1/coupons", { key: s.sk, body: '{"type":' })).status).toBe(422);
    const nested = await t.call("POST", "/v1/checkout/quote", {
      key: s.sk,
      body: {
        buyer_id: "b1",
        cart: { ...cart([{ unit_price_minor: 1000 }]), lines: [{ ...cart([{ unit_price_minor: 1000 }]).lines[0], colour: "red" }] },
      },
    });
    expect(nested.status).toBe(422);
    expect(problemOf(nested).errors?.map((e) => e.code)).toContain("unrecognized_keys");
    const deep = await t.call("POST", "/v1/coupons", {
      key: s.sk,
      body: { ...promoBody(), discount: { kind: "fixed", amount_minor: 500, stack: true } },
    });
    expect(deep.status).toBe(422);
  });

  // Strict objects everywhere (no records) also keep the request hash of Idempotency-Key and event ids
  // independent of key order: zod rebuilds a strict object in its schema's order (worker/lib/crypto.ts).
  it("every request schema in the document bounds its strings and arrays and refuses unknown fields", async () => {
    const doc = (await t.call("GET", "/openapi.json")).body as Schema;
    const problems: string[] = [];
    const seen = new Set<object>();
    const walk = (schema: any, where: string) => {
      if (!schema || typeof schema !== "object" || seen.has(schema)) return;
      seen.add(schema);
      if (schema.$ref) return walk(doc.components.schemas[schema.$ref.replace("#/components/schemas/", "")], where);
      for (const u of [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])]) walk(u, where);
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (
        types.includes("string") &&
        !schema.enum &&
        schema.const === undefined &&
        schema.maxLength === undefined &&
        !schema.format &&
        !schema.pattern
      )
        problems.push(`${where}: string without maxLength`);
      if (types.includes("array")) {
        if (schema.maxItems === undefined) problems.push(`${where}: array without maxItems`);
        walk(schema.items, `${where}[]`);
      }
      if (types.includes("object")) {
        if (schema.additionalProperties !== false) problems.push(`${where}: object accepts unknown fields`);
        for (const [k, v] of Object.entries<any>(schema.properties ?? {})) walk(v, `${where}.${k}`);
      }
    };
    for (const o of operations(doc)) {
      if (o.body) walk(o.body, `${o.method} ${o.path} body`);
      for (const p of o.params) if (p.in !== "header") walk(p.schema, `${o.method} ${o.path} ${p.in} ${p.name}`);
      for (const p of o.params)
        if (p.in === "header" && p.schema?.type === "string" && p.schema.maxLength === undefined)
          problems.push(`${o.method} ${o.path} header ${p.name}: string without maxLength`);
    }
    expect(problems).toEqual([]);
  });
});

describe("R30: the audit trail", () => {
  it("R30: no route updates or deletes history: no DELETE but a webhook endpoint's and a console session's, nothing but GET under a history path", async () => {
    const doc = (await t.call("GET", "/openapi.json")).body as Schema;
    const ops = operations(doc);
    // A webhook endpoint is a subscription the seller removes (README "Webhooks"), not history: its deletion is audited.
    // Ending a console session ends a sign-in, not a record.
    const allowed = ["/v1/webhook-endpoints/{id}", "/v1/console/sessions/current"];
    expect(ops.filter((o) => o.method === "DELETE" && !allowed.includes(o.path))).toEqual([]);
    const history = ops.filter((o) => /history|audit/.test(o.path));
    expect(history.length).toBeGreaterThanOrEqual(1);
    for (const o of history) expect(o.method, o.path).toBe("GET");
    // And the server agrees: write methods on a history path are no route at all.
    const c = await expectStatus(calls(t, s.sk).createCoupon(couponBodies.regular() as CouponJson), 201);
    for (const method of ["DELETE", "PATCH", "PUT", "POST"]) {
      const res = await t.call(method, `/v1/coupons/${c.coupon.id}/history`, { key: s.sk, body: method === "DELETE" ? undefined : {} });
      expect(res.status, method).toBe(404);
    }
  });

  it("R30: creating, updating, duplicating and deactivating each leave an entry with who and when", async () => {
    const count = async (couponId: string) =>
      Number(
        (await t.db.$client.execute({ sql: "SELECT COUNT(*) AS n FROM audit_entries WHERE coupon_id = ?", args: [couponId] })).rows[0].n,
      );
    const shopEntries = async () =>
      Number((await t.db.$client.execute({ sql: "SELECT COUNT(*) AS n FROM audit_entries WHERE shop_id = ?", args: [s.id] })).rows[0].n);
    const keyId = (await expectStatus(calls(t, s.sk).listKeys(), 200)).data.find((k) => k.kind === "secret")!.id;
    const chat = (await expectStatus(calls(t, s.sk).createCoupon(couponBodies.chat() as CouponJson), 201)).coupon;
    expect(await count(chat.id)).toBe(1);
    const steps: [string, string, unknown][] = [
      ["PATCH", `/v1/coupons/${chat.id}`, { name: "Renamed chat" }],
      ["POST", `/v1/coupons/${chat.id}/duplicate`, { name: "Chat copy", claim_starts_at: at(DAY), claim_ends_at: at(40 * DAY) }],
      ["POST", `/v1/coupons/${chat.id}/deactivate`, undefined],
      ["POST", "/v1/keys", { kind: "publishable" }],
    ];
    for (const [method, path, body] of steps) {
      const n = await shopEntries();
      const res = await t.call(method, path, { key: s.sk, body });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      expect(await shopEntries(), `${method} ${path} left no audit entry`).toBeGreaterThan(n);
    }
    expect(await count(chat.id)).toBeGreaterThanOrEqual(3);
    const history = await expectStatus(calls(t, s.sk).history(chat.id), 200);
    for (const e of history.data) {
      expect(e.actor).toBe(keyId);
      expect(Date.parse(e.at)).not.toBeNaN();
    }
    // A failed write (a refused rename to a taken name) leaves nothing.
    const other = (await expectStatus(calls(t, s.sk).createCoupon(couponBodies.regular() as CouponJson), 201)).coupon;
    const before = await count(other.id);
    const refused = await t.call("PATCH", `/v1/coupons/${other.id}`, { key: s.sk, body: { name: "Renamed chat", quantity: 0 } });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await count(other.id)).toBe(before);
  });
});
