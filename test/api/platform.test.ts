import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN, answer, expectStatus, makeTestApp, problemOf, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

describe("platform", () => {
  it("answers /health and tags every response with X-Request-Id", async () => {
    const res = await t.call("GET", "/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    const echoed = await t.call("GET", "/health", { headers: { "x-request-id": "abc-123" } });
    expect(echoed.headers.get("x-request-id")).toBe("abc-123");
  });

  it("creates a shop with prefix, keys shown once, and stores only key hashes", async () => {
    const res = await expectStatus(
      t.api(ADMIN).v1.shops.$post({
        json: {
          name: "a-b Shop",
          region: "us",
          currency: "USD",
          mode: "test",
          allowed_origins: ["https://shop.example"],
          addon_coupons: true,
        },
      }),
      201,
    );
    expect(res.shop.code_prefix).toBe("ABSH");
    expect(res.shop.region).toBe("US");
    expect(res.secret_key).toMatch(/^sk_test_/);
    expect(res.publishable_key).toMatch(/^pk_test_/);
    expect(res.buyer_token_secret).toBeTruthy();
    const rows = await t.db.$client.execute("SELECT key_hash FROM api_keys");
    const hashes = rows.rows.map((r) => String(r.key_hash));
    expect(hashes).not.toContain(res.secret_key);
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });

  it("pads a short shop name's prefix with X", async () => {
    const s = await t.shop({ name: "Jo" });
    expect(s.code_prefix).toBe("JOXX");
  });

  it("refuses missing, unknown and wrong-kind credentials with problem+json", async () => {
    const s = await t.shop();
    const list = (key?: string) => answer(t.api(key).v1.coupons.$get({ query: {} }));
    const none = await list();
    expect(none.status).toBe(401);
    expect(none.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(none.body).toMatchObject({ status: 401, code: "unauthorized" });
    expect((await list(`sk_test_${"x".repeat(32)}`)).status).toBe(401);
    expect((await list(s.pk)).status).toBe(403);
    await expectStatus(t.api(s.sk).v1.shops.$post({ json: { name: "x", region: "US", currency: "USD" } }), 403);
  });

  it("turns validation failures into a 422 problem with field errors, never raw zod output", async () => {
    // An unknown field is outside the typed contract: sent raw.
    const res = await t.call("POST", "/v1/shops", { key: ADMIN, body: { name: "", region: "nowhere!", currency: "usd", extra: 1 } });
    expect(res.status).toBe(422);
    const problem = problemOf(res);
    expect(problem.code).toBe("validation_failed");
    expect(Array.isArray(problem.errors)).toBe(true);
    const paths = problem.errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "region", "currency"]));
    expect(res.body).not.toHaveProperty("issues");
    expect(res.body).not.toHaveProperty("name", "ZodError");
  });

  it("answers an unknown route with a 404 problem and bad media types with 415", async () => {
    const res = await t.call("GET", "/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(problemOf(res).code).toBe("route_not_found");
    const s = await t.shop();
    const form = await t.call("POST", "/v1/coupons", {
      key: s.sk,
      body: "a=b",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    const broken = await t.call("POST", "/v1/coupons", { key: s.sk, body: "{not json" });
    expect(broken.status).toBe(422);
    expect(problemOf(broken).code).toBe("malformed_json");
  });

  it("freezes a test shop's clock and refuses a live shop's", async () => {
    const s = await t.shop();
    const clock = (key: string, now: string | null) => t.api(key).v1["test-clock"].$post({ json: { now } });
    expect(await expectStatus(clock(s.sk, "2030-01-01T00:00:00Z"), 200)).toEqual({ now: "2030-01-01T00:00:00.000Z", frozen: true });
    expect((await expectStatus(clock(s.sk, null), 200)).frozen).toBe(false);
    const live = await t.shop({ mode: "live" });
    await expectStatus(clock(live.sk, "2030-01-01T00:00:00Z"), 403);
  });

  it("publishes an OpenAPI 3.1 document generated from the schemas, and the reference page", async () => {
    const res = await t.call("GET", "/openapi.json");
    expect(res.status).toBe(200);
    const doc = res.body as {
      openapi: string;
      paths: Record<string, unknown>;
      servers: unknown;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/v1/shops", "/v1/coupons", "/v1/promo-codes/{code}", "/v1/checkout/quote"]),
    );
    expect(doc.components.schemas).toHaveProperty("Coupon");
    // The served copy names the origin it was read from (the placeholder is for the packaged copy).
    expect(doc.servers).toEqual([{ url: "http://localhost" }]);
    const docs = await t.app.request("/docs");
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain("/openapi.json");
  });

  it("hides an unexpected fault behind a 500 problem without a stack", async () => {
    const s = await t.shop();
    // Break the database under the app: the handler fails in a way no route expects.
    const broken = await makeTestApp();
    const keys = await broken.shop();
    await broken.db.$client.execute("DROP TABLE coupons");
    const res = await broken.call("GET", "/v1/coupons", { key: keys.sk });
    expect(res.status).toBe(500);
    expect(problemOf(res).code).toBe("internal_error");
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|\.ts:\d+/);
    void s;
  });
});
