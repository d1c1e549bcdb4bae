/**
 * The OpenAPI document as external tools read it: Redocly's recommended rules (the CLI, pinned in
 * package-lock.json, run offline on the generated document), operation ids, input-form request schemas
 * (a field with a default is optional), closed request objects a strict validator can accept, nullable
 * enums that list null, the buyer token as a security scheme and the codes as enums.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { PROBLEM_CODES, REASON_CODES } from "../../worker/contract/codes.js";
import { operationIdFor } from "../../worker/lib/operation-ids.js";
import { PLACEHOLDER_SERVER } from "../../worker/lib/openapi-document.js";
import { currentDocument } from "../../scripts/openapi.js";

const root = resolve(import.meta.dirname, "../..");
let doc: Record<string, any>;
const operations = () =>
  Object.entries<any>(doc.paths).flatMap(([path, item]) => Object.entries<any>(item).map(([method, op]) => ({ method, path, op })));

/** Every schema object in `node` (nested ones too), with where it is. */
function* schemasIn(node: unknown, where = ""): Generator<[string, any]> {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) yield* schemasIn(n, `${where}/${i}`);
    return;
  }
  const obj = node as Record<string, any>;
  if ("type" in obj || "$ref" in obj || "anyOf" in obj || "oneOf" in obj || "allOf" in obj) yield [where, obj];
  for (const [k, v] of Object.entries(obj)) if (k !== "enum" && k !== "example" && k !== "default") yield* schemasIn(v, `${where}/${k}`);
}

beforeAll(() => {
  doc = currentDocument();
});

describe("the OpenAPI document", () => {
  it("passes `redocly lint` (recommended rules) with no error and no warning", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "openapi-")), "openapi.json");
    writeFileSync(file, JSON.stringify(doc));
    const cli = join(root, "node_modules/.bin/redocly");
    const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" };
    const run = await promisify(execFile)(cli, ["lint", file, "--config", join(root, "redocly.yaml"), "--format", "json"], {
      env,
      cwd: root,
    }).catch((e: { stdout: string; stderr: string }) => e);
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf("{")));
    const problems = report.problems.map((p: any) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it("names a server (the placeholder here; the served copy names its own origin)", () => {
    expect(doc.servers).toEqual([PLACEHOLDER_SERVER]);
  });

  it("gives every operation a unique camelCase operationId derived from its method and path", () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => /^[a-z][a-zA-Z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths["/v1/coupons/{id}/deactivate"].post.operationId).toBe("deactivateCoupon");
    expect(doc.paths["/v1/test-clock"].post.operationId).toBe("setTestClock"); // the contract's own wins
  });

  it("derives ids by one rule for routes to come too", () => {
    expect(operationIdFor("get", "/v1/coupons")).toBe("listCoupons");
    expect(operationIdFor("get", "/v1/promo-codes/{code}")).toBe("getPromoCode");
    expect(operationIdFor("patch", "/v1/shops/{id}")).toBe("updateShop");
    expect(operationIdFor("post", "/v1/webhook-endpoints")).toBe("createWebhookEndpoint");
    expect(operationIdFor("delete", "/v1/webhook-endpoints/{id}")).toBe("deleteWebhookEndpoint");
    expect(operationIdFor("get", "/v1/webhook-endpoints/{id}/deliveries")).toBe("listWebhookEndpointDeliveries");
    expect(operationIdFor("post", "/v1/webhook-deliveries/{id}/retry")).toBe("retryWebhookDelivery");
    expect(operationIdFor("post", "/v1/coupons/{id}/codes")).toBe("addCouponCodes");
    expect(operationIdFor("post", "/v1/coupons/preview")).toBe("previewCoupon");
    expect(operationIdFor("get", "/v1/promo-codes/availability")).toBe("getPromoCodeAvailability");
  });

  it("writes request schemas in their input form: a field with a default is optional (and says its default)", () => {
    const quote = doc.paths["/v1/checkout/quote"].post.requestBody.content["application/json"].schema;
    expect(JSON.stringify(quote)).not.toContain("$ref");
    expect(quote.required).toEqual(["cart"]);
    expect(quote.properties.explain).toMatchObject({ type: "boolean", default: false });
    expect(quote.properties.cart.required).toEqual(["currency", "lines"]);
    expect(quote.properties.cart.properties.lines.items.required).not.toContain("product_discount_minor");
    for (const { method, path, op } of operations())
      for (const [where, s] of schemasIn(op.requestBody ?? {}))
        for (const [name, p] of Object.entries<any>(s.properties ?? {}))
          if (p.default !== undefined) expect(s.required ?? [], `${method} ${path}${where}: ${name}`).not.toContain(name);
  });

  it("has no allOf of closed objects anywhere (a strict validator could never accept it)", () => {
    for (const [where, s] of schemasIn(doc))
      if (s.allOf) expect(s.allOf.filter((m: any) => m.additionalProperties === false).length, where).toBe(0);
    const redemption = doc.paths["/v1/checkout/redemptions"].post.requestBody.content["application/json"].schema;
    expect(redemption).toMatchObject({ type: "object", additionalProperties: false });
    expect(redemption.required).toEqual(["cart", "order_id"]);
  });

  it("has no allOf whose members both define a property (an extended component overriding a field: both would have to hold)", () => {
    const resolve = (s: any): any => (s.$ref ? resolve(doc.components.schemas[s.$ref.split("/").pop()]) : s);
    const propertiesOf = (s: any): string[] => [
      ...Object.keys(resolve(s).properties ?? {}),
      ...(resolve(s).allOf ?? []).flatMap(propertiesOf),
    ];
    for (const [where, s] of schemasIn(doc)) {
      if (!s.allOf) continue;
      const names = s.allOf.flatMap(propertiesOf);
      expect(
        names.filter((n: string, i: number) => names.indexOf(n) !== i),
        where,
      ).toEqual([]);
    }
    expect(doc.components.schemas.CouponDraft.properties.id).toEqual({ type: "null" });
  });

  it("lists null in every nullable enum (per_customer_limit, review_label)", () => {
    for (const [where, s] of schemasIn(doc))
      if (s.enum && Array.isArray(s.type) && s.type.includes("null")) expect(s.enum, where).toContain(null);
    const promo = doc.paths["/v1/coupons"].post.requestBody.content["application/json"].schema.oneOf.find(
      (o: any) => o.properties.type.enum[0] === "promo_code",
    );
    expect(promo.properties.per_customer_limit.enum).toEqual([1, null]);
    expect(doc.components.schemas.EventResult.properties.review_label.enum).toEqual(["Verified purchase Incentivized Review", null]);
  });

  it("declares the buyer token as a security scheme on the routes that read it, and the answers' headers", () => {
    expect(doc.components.securitySchemes.buyerToken).toMatchObject({ type: "apiKey", in: "header", name: "X-Buyer-Token" });
    for (const path of ["/v1/checkout/quote", "/v1/storefront/wallet"])
      expect(JSON.stringify(Object.values<any>(doc.paths[path])[0].security)).toContain("buyerToken");
    for (const { method, path, op } of operations())
      for (const [status, response] of Object.entries<any>(op.responses)) {
        expect(response.headers?.["X-Request-Id"], `${method} ${path} ${status}`).toBeDefined();
        if (status === "429") expect(response.headers["Retry-After"], `${method} ${path}`).toBeDefined();
        if (response.content?.["text/csv"]) expect(response.headers["Content-Disposition"], `${method} ${path}`).toBeDefined();
      }
    expect(doc.paths["/v1/coupons/{id}"].get.responses["200"].headers.ETag).toBeDefined();
  });

  it("states the reason and problem codes as enums, from the one list the engine and the errors use", () => {
    expect(doc.components.schemas.ReasonCode.enum).toEqual([...REASON_CODES]);
    expect(doc.components.schemas.ProblemCode.enum).toEqual([...PROBLEM_CODES]);
    expect(doc.components.schemas.Problem.properties.code).toEqual({ $ref: "#/components/schemas/ProblemCode" });
    expect(doc.components.schemas.Reason.properties.code).toEqual({ $ref: "#/components/schemas/ReasonCode" });
  });
});
