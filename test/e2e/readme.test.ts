/**
 * The README's first hour, run as written against a really started server (`npm start`'s
 * worker/node.ts): every `curl` of "A walk-through with curl", "The checkout" and "Allowing the
 * storefront's origin" is taken from README.md and run by bash with the variables the README names
 * ($API, $SK, $PK, $TOKEN, $SHOP_ID), and each answer must have the status and the literal values its
 * `# →` comment shows. The typed-client example is type-checked (strict) and run with Node. A README
 * edit that breaks a command, or an API change that breaks the README, fails here.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, signBuyerToken } from "../../client/index.js";
import { startServer, type StartedServer } from "../support/server.js";

const root = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const readme = readFileSync(join(root, "README.md"), "utf8");

/** The README from the heading `from` up to the next heading (a `#` line outside a code block). */
function section(from: string): string {
  const lines = readme.split("\n");
  const start = lines.indexOf(from);
  expect(start, `README has the section ${from}`).toBeGreaterThan(0);
  let fenced = false;
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("```")) fenced = !fenced;
    else if (!fenced && /^#{1,6} /.test(line)) break;
    out.push(line);
  }
  return out.join("\n");
}
const blocks = (text: string, lang: string) => [...text.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, "g"))].map((m) => m[1]);

interface Command {
  script: string;
  /** The first `# →` comment after it: the status it shows (if any) and its literal `"key": value` pairs. */
  shows?: { status?: number; pairs: [string, unknown][] };
}

/** A block's commands: each starts at a line beginning with `curl`; `# →` comments say what it answers. */
function commands(block: string): Command[] {
  const out: Command[] = [];
  for (const line of block.split("\n")) {
    const [code, comment] = line.split(/#\s*→/, 2);
    if (/^(curl|export) /.test(code)) out.push({ script: "" });
    const current = out[out.length - 1];
    if (!current) continue;
    if (code.trim() && !code.trim().startsWith("#")) current.script += `${code}\n`;
    if (comment !== undefined && !current.shows) {
      const pairs = [...comment.matchAll(/"(\w+)":\s*("[^"…]*"|-?\d+|true|false|null)(?=\s*[,}\]])/g)].map(
        ([, k, v]) => [k, JSON.parse(v)] as [string, unknown],
      );
      current.shows = { status: /^\s*(\d{3})\b/.exec(comment) ? Number(/^\s*(\d{3})/.exec(comment)![1]) : undefined, pairs };
    }
  }
  return out;
}

/** Whether some object in `value` has `key` equal to `expected`. */
function has(value: unknown, key: string, expected: unknown): boolean {
  if (!value || typeof value !== "object") return false;
  if (!Array.isArray(value) && (value as Record<string, unknown>)[key] === expected) return true;
  return Object.values(value).some((v) => has(v, key, expected));
}

let server: StartedServer;
let env: Record<string, string>;
beforeAll(async () => {
  server = await startServer();
  const token = await signBuyerToken(server.demo.buyerTokenSecret, "buyer-42", Math.floor(Date.now() / 1000) + 600);
  env = {
    ...(process.env as Record<string, string>),
    API: server.url,
    SK: server.demo.secretKey,
    PK: server.demo.publishableKey,
    TOKEN: token,
    SHOP_ID: server.demo.shopId,
  };
});
afterAll(async () => {
  await server?.stop();
});

/** Runs one README command with bash; `curl -s` also prints the status on a last line. */
async function curl(script: string): Promise<{ status: number; body: unknown }> {
  const withStatus = script.replace(/^curl -s /, "curl -s -w '\\n%{http_code}' ");
  const { stdout } = await run("bash", ["-c", `set -euo pipefail\n${withStatus}`], { env, cwd: mkdtempSync(join(tmpdir(), "readme-")) });
  const status = Number(stdout.slice(stdout.lastIndexOf("\n") + 1));
  const text = stdout.slice(0, stdout.lastIndexOf("\n"));
  return { status, body: text ? JSON.parse(text) : null };
}

async function runShown(command: Command, label: string) {
  const answer = await curl(command.script);
  const where = `${label}: ${command.script.trim().slice(0, 120)} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
  expect(answer.status, where).toBe(command.shows?.status ?? 200);
  for (const [key, value] of command.shows?.pairs ?? [])
    expect(has(answer.body, key, value), `${where}\nshows "${key}": ${JSON.stringify(value)}`).toBe(true);
  return answer;
}

describe("the README's first hour, as written", () => {
  it("the walk-through with curl: create a promo code, look it up, quote a cart", async () => {
    const cmds = blocks(section("## A walk-through with curl"), "sh").flatMap(commands);
    expect(cmds[0].script).toMatch(/^export API=\S+ SK=/); // the variables this test sets
    const shown = cmds.slice(1);
    expect(shown.map((c) => /\$API(\/v1\/[\w/-]+)/.exec(c.script)?.[1])).toEqual([
      "/v1/coupons",
      "/v1/promo-codes/demowelcome",
      "/v1/checkout/quote",
    ]);
    for (const c of shown) await runShown(c, "walk-through");
  });

  it("the checkout: a quote with the publishable key and the buyer token, reserve, then commit or release", async () => {
    const [exported, quote, reserve, commit, release] = blocks(
      section("## The checkout: quote → reserve → commit or release"),
      "sh",
    ).flatMap(commands);
    expect([...exported.script.matchAll(/ (\w+)=/g)].map((m) => m[1])).toEqual(["PK", "SHOP_ID", "TOKEN"]); // the variables this test sets
    const quoted = await runShown(quote, "quote");
    expect(quoted.body).toMatchObject({ subtotal_minor: 2400, applied: { code: "DEMOWELCOME", discount_minor: 360 }, total_minor: 2040 });
    const first = await runShown(reserve, "reserve");
    const again = await runShown(reserve, "reserve again, the same Idempotency-Key");
    const id = (first.body as { redemption: { id: string } }).redemption.id;
    expect((again.body as { redemption: { id: string } }).redemption.id).toBe(id);
    await runShown({ ...commit, script: commit.script.replace("red_…", id) }, "commit");
    // Release is for another order (a cancelled one): reserved the same way under its own order id.
    // (Another buyer's: the promo code is once per customer.)
    const other = await runShown(
      { ...reserve, script: reserve.script.replaceAll("order-1001", "order-1002").replace("buyer-42", "buyer-43") },
      "reserve another order",
    );
    await runShown(
      { ...release, script: release.script.replace("red_…", (other.body as { redemption: { id: string } }).redemption.id) },
      "release",
    );
  });

  it("the same checkout with the typed client (on a server of its own, after the walk-through's create): type-checks (strict) and runs", async () => {
    // An alternative to the curl checkout above, which already used buyer-42's one use of the code.
    const own = await startServer();
    try {
      await checkoutWithClient(own);
    } finally {
      await own.stop();
    }
  }, 60_000);

  it("allowing the storefront's origin with the shop's own secret key adds it to the list, and the browser's answers carry it", async () => {
    const [add] = blocks(section("### Allowing the storefront's origin"), "sh").flatMap(commands);
    const before = (
      await createClient({ baseUrl: server.url, key: server.demo.secretKey }).GET("/v1/shops/{id}", {
        params: { path: { id: server.demo.shopId } },
      })
    ).data!.shop.allowed_origins;
    const added = await runShown(add, "allow an origin");
    expect((added.body as { shop: { allowed_origins: string[] } }).shop.allowed_origins).toEqual([...before, "https://shop.example"]);
    const browser = createClient({ baseUrl: server.url, key: server.demo.publishableKey, headers: { origin: "https://shop.example" } });
    expect((await browser.GET("/v1/storefront/coupons")).response.headers.get("access-control-allow-origin")).toBe("https://shop.example");
  });
});

/** The walk-through's create (from the README), then the typed-client example, type-checked and run against `server`. */
async function checkoutWithClient(server: StartedServer) {
  const [, create] = blocks(section("## A walk-through with curl"), "sh").flatMap(commands);
  const { stdout: made } = await run("bash", ["-c", create.script], {
    env: { ...process.env, API: server.url, SK: server.demo.secretKey },
  });
  expect(JSON.parse(made).coupon.code).toBe("DEMOWELCOME");
  const [example] = blocks(section("### The same with the typed client"), "ts");
  const dir = mkdtempSync(join(tmpdir(), "readme-client-"));
  const file = join(dir, "checkout.ts");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" })); // an ES module, as the example's top-level await needs
  writeFileSync(
    file,
    example.replace('"edge-coupons/client"', JSON.stringify(join(root, "client/index.js"))).replaceAll("http://127.0.0.1:8787", server.url),
  );
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  const flags = [
    "--noEmit",
    "--strict",
    "--skipLibCheck",
    "--module",
    "nodenext",
    "--target",
    "es2022",
    "--typeRoots",
    join(root, "node_modules/@types"),
    "--types",
    "node",
  ];
  await run(process.execPath, [tsc, ...flags, file], { cwd: root }).catch((e: { stdout: string }) =>
    expect.fail(`the README's client example does not type-check:\n${e.stdout}`),
  );
  const { stdout } = await run(process.execPath, ["--import", "tsx", file], {
    cwd: root,
    env: { ...process.env, PK: server.demo.publishableKey, SK: server.demo.secretKey, BUYER_TOKEN_SECRET: server.demo.buyerTokenSecret },
  });
  expect(stdout.trim()).toBe("360 2040"); // the quote's discount and total, as logged
  const seller = createClient({ baseUrl: server.url, key: server.demo.secretKey });
  const committed = await seller.GET("/v1/redemptions", { params: { query: { state: "committed" } } });
  expect(committed.data?.data.map((r) => r.order_id)).toEqual(["order-1001"]);
}
