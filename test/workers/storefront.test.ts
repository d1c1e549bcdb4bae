/**
 * `edge-coupons/client` on Workers: a storefront's server running in workerd (`wrangler dev`, offline;
 * test/workers/storefront-worker.ts) signs a buyer token with `signBuyerToken` and calls the API (the
 * real Node server) with the typed client; the API accepts the token as the buyer's. The same helper's
 * Node side runs in test/e2e/readme.test.ts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type StartedServer } from "../support/server.js";
import { startWorker, type DevWorker } from "./wrangler.js";

let api: StartedServer;
let storefront: DevWorker;

beforeAll(async () => {
  api = await startServer();
  // A config of its own: the API's wrangler.toml (bindings, build step, assets) is not this Worker's.
  const config = join(mkdtempSync(join(tmpdir(), "storefront-worker-")), "wrangler.toml");
  writeFileSync(config, `name = "storefront-test"\ncompatibility_date = "2025-06-01"\n`);
  storefront = await startWorker(
    { API_URL: api.url, PK: api.demo.publishableKey, BUYER_TOKEN_SECRET: api.demo.buyerTokenSecret },
    ["--config", config],
    "test/workers/storefront-worker.ts",
  );
}, 90_000);

afterAll(async () => {
  await storefront?.stop();
  await api?.stop();
});

describe("the typed client in a Worker", () => {
  it("signs a buyer token with signBuyerToken and calls the API with it; the API reads the buyer from it", async () => {
    const res = await fetch(`${storefront.url}/?buyer=edge-buyer-1`);
    const out = (await res.json()) as { token: string; status: number; wallet: { data: unknown[] } | null; error: unknown };
    expect(out.status, JSON.stringify(out.error)).toBe(200);
    expect(out.wallet?.data).toEqual([]);
    const [header, payload] = out.token
      .split(".")
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")));
    expect(header).toEqual({ alg: "HS256", typ: "JWT" });
    expect(payload).toMatchObject({ sub: "edge-buyer-1" });
    // A token signed with another secret is refused: the 200 above is the signature's doing.
    const forged = await fetch(`${api.url}/v1/storefront/wallet`, {
      headers: { authorization: `Bearer ${api.demo.publishableKey}`, "x-buyer-token": out.token.replace(/\.[^.]+$/, ".AAAA") },
    });
    expect(forged.status).toBe(401);
  });
});
