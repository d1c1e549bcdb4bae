/**
 * The npm package as a storefront gets it: `npm run build` (scripts/build-package.ts), `npm pack`, the
 * tarball unpacked into a new project's node_modules (offline: its dependencies linked from ours, as
 * npm would install them), then a small TypeScript consumer — `edge-coupons/client` (a call, a typed
 * webhook event), `edge-coupons/client/webhooks` (its signature), the widget and its German module —
 * type-checked against the package's own `.d.ts` (strict, Node's module resolution, so the `exports` map
 * is what resolves) and run with Node.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { buildPackage } from "../../scripts/build-package.js";

const root = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

const CONSUMER = `
import { createClient, signBuyerToken, type RequestBody, type Schemas, type WebhookEvent } from "edge-coupons/client";
import { signatureHeader, verifySignature } from "edge-coupons/client/webhooks";
import { PromoCodeField, en } from "edge-coupons/widget";
import { de } from "edge-coupons/widget/locales/de";

const token = await signBuyerToken("shop-secret", "buyer-42", Math.floor(Date.now() / 1000) + 600);
const cart: RequestBody<"quoteCheckout">["cart"] = {
  currency: "USD",
  lines: [{ line_id: "1", product_id: "mug", quantity: 2, unit_price_minor: 1200 }],
};
const seen: Record<string, string | null> = {};
const api = createClient({
  baseUrl: "https://coupons.example",
  key: "pk_test_abc",
  buyerToken: token,
  fetch: async (request) => {
    seen.url = request.url;
    seen.authorization = request.headers.get("authorization");
    seen.buyer = request.headers.get("x-buyer-token");
    const quote: Schemas["Quote"] = { subtotal_minor: 2400, applied: null, best: null, candidates: [], total_minor: 2400 };
    return new Response(JSON.stringify(quote), { headers: { "content-type": "application/json" } });
  },
});
const { data } = await api.POST("/v1/checkout/quote", { body: { cart } });
const total: number | undefined = data?.total_minor;
// A webhook receiver: the event typed from the document's webhooks, its signature checked.
const event: WebhookEvent<"claim.created"> = {
  id: "evt_1", type: "claim.created", created_at: "2026-12-01T00:00:00Z", shop_id: "shop_1",
  data: { object: { id: "clm_1", coupon_id: "cpn_1", buyer_id: "buyer-42", valid_from: "2026-12-01T00:00:00Z", valid_until: "2026-12-08T00:00:00Z", state: "available", created_at: "2026-12-01T00:00:00Z" } },
};
const raw = JSON.stringify(event);
const now = Math.floor(Date.now() / 1000);
const signed = await verifySignature("whsec_test", await signatureHeader("whsec_test", raw, now), raw, 300);
console.log(JSON.stringify({
  total,
  signed,
  url: seen.url,
  authorization: seen.authorization,
  buyerTokenSent: seen.buyer === token,
  element: typeof customElements.get("promo-code-field"),
  field: PromoCodeField.name,
  english: typeof en.reasons.code_not_found,
  german: de.reasons.expired,
}));
`;

describe("the npm package", () => {
  it("builds, packs, installs offline into a new project, type-checks and runs a consumer of the client and the widget", async () => {
    await buildPackage();
    const packDir = mkdtempSync(join(tmpdir(), "edge-coupons-pack-"));
    const packed = JSON.parse(
      (await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packDir], { cwd: root })).stdout,
    )[0];
    const files: string[] = packed.files.map((f: { path: string }) => f.path);
    // What a consumer needs, and nothing of the server, the tests or the sources.
    expect(files).toEqual(
      expect.arrayContaining([
        "dist/client/index.js",
        "dist/client/webhooks.js",
        "dist/types/client/index.d.ts",
        "dist/widget/index.js",
        "dist/widget/locales/de.js",
        "dist/openapi.json",
        "LICENSE",
      ]),
    );
    expect(files.filter((f) => /^(worker|test|scripts|db|bench|client)\//.test(f) || (f.endsWith(".ts") && !f.endsWith(".d.ts")))).toEqual(
      [],
    );

    const project = mkdtempSync(join(tmpdir(), "edge-coupons-consumer-"));
    const pkgDir = join(project, "node_modules", "edge-coupons");
    mkdirSync(pkgDir, { recursive: true });
    await run("tar", ["-xzf", join(packDir, packed.filename), "-C", pkgDir, "--strip-components=1"]);
    const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
    expect(manifest.private).toBeUndefined();
    for (const dep of Object.keys(manifest.dependencies)) {
      const target = join(project, "node_modules", dep);
      mkdirSync(dirname(target), { recursive: true });
      if (existsSync(join(root, "node_modules", dep))) symlinkSync(join(root, "node_modules", dep), target, "dir");
    }
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "storefront", private: true, type: "module" }));
    writeFileSync(join(project, "consumer.ts"), CONSUMER);
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2022", "DOM"],
          strict: true,
          types: [],
          outDir: "out",
        },
        files: ["consumer.ts"],
      }),
    );
    const tsc = await run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", project], { cwd: project }).catch(
      (e) => e,
    );
    expect(`${tsc.stdout ?? ""}${tsc.stderr ?? ""}`).toBe("");
    const out = await run(process.execPath, [join(project, "out", "consumer.js")], { cwd: project });
    expect(JSON.parse(out.stdout)).toEqual({
      total: 2400,
      signed: true,
      url: "https://coupons.example/v1/checkout/quote",
      authorization: "Bearer pk_test_abc",
      buyerTokenSent: true,
      element: "function",
      field: "PromoCodeField",
      english: "string",
      german: "Dieser Gutschein ist abgelaufen.",
    });
  }, 180_000);
});
