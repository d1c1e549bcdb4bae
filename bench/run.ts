/**
 * `npm run bench`: one run on 127.0.0.1, one table (bench/results/REPORT.md) and one chart (chart.png).
 *
 *   npm run bench [-- --seconds 10 --connections 50 --codes 1000000]
 *   npm run bench -- --only quote,redeem    (a subset while iterating: baseline, lookup, quote, redeem,
 *                                            webhooks, latency, engine, edge; prints the table, writes no report)
 *
 * HTTP rows run the real Node server (`worker/node.ts` on a temp libSQL file, as `npm start`) under
 * autocannon, beside a Hono hello-world on @hono/node-server started the same way (the baseline every
 * req/s is divided by). Targets are reported, not asserted.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startServer } from "../test/support/server.js";
import { type Baseline, baselineRows, bracketed } from "./baseline.js";
import { EDGE_NOTES, edgeMarkdown, edgeTable } from "./edge.js";
import { benchCart, benchEngine } from "./engine.js";
import { type LoadResult, load, loadWithCpu } from "./http.js";
import { latencyRows } from "./latency.js";
import { redemptionRow } from "./redemption.js";
import { chartSvg, markdownTable, type Row, svgToPng } from "./report.js";
import { NOTES, whereTimeGoes } from "./report-text.js";
import { engineRows, fmt, httpRow, log } from "./rows.js";
import { seedPromoCodes } from "./seed.js";
import type { StatementCost } from "./statements.js";
import { webhookRows } from "./webhooks.js";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    codes: { type: "string", default: "1000000" },
    only: { type: "string" },
  },
});
const ONLY = values.only ? new Set(values.only.split(",").map((s) => s.trim())) : null;
const runs = (row: "baseline" | "lookup" | "quote" | "redeem" | "webhooks" | "latency" | "engine" | "edge") => !ONLY || ONLY.has(row);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const BIG = Number(values.codes);
const SMALL = 10_000;
const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "results");

async function main() {
  const started = Date.now();
  const load0 = loadavg()[0];
  const rows: Row[] = [];
  let stmt: StatementCost = { clientUs: 0, serverUs: 0, nativeUs: 0, columns: 0 };
  let quoteCpuUs = 0;
  let quoteOfFloor: number | null = null;
  let redeemCpuUs = 0;
  const bars: { label: string; rps: number; p99: number }[] = [];

  // (5) The engine first, while nothing else runs.
  let engine: ReturnType<typeof benchEngine> | null = null;
  if (runs("engine")) {
    log("engine in process");
    engine = benchEngine(3000);
  }

  // (1) Baseline, and (1b) the floor of a quote on this stack.
  let base: LoadResult = { rps: NaN, p50: NaN, p99: NaN, total2xx: 0, statuses: {}, errors: 0 };
  let floor: LoadResult | null = null;
  let baseline: Baseline | null = null;
  if (runs("baseline")) {
    baseline = await baselineRows({ connections: CONNECTIONS, seconds: SECONDS, withFloor: runs("quote") });
    ({ base, floor } = baseline);
    rows.push(...baseline.rows);
    bars.push(...baseline.bars);
  }

  // The API server on a temp file, a shop, and the promo code every request uses.
  const api = await startServer();
  const admin = async (method: string, path: string, key: string, body?: unknown) => {
    const res = await fetch(api.url + path, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  try {
    const shopRes = await admin("POST", "/v1/shops", api.adminToken, {
      name: "Bench Shop",
      region: "US",
      currency: "USD",
      mode: "live",
      allowed_origins: [],
      addon_coupons: false,
    });
    if (shopRes.status !== 201) throw new Error(`shop: ${JSON.stringify(shopRes.body)}`);
    const shop = {
      id: shopRes.body.shop.id as string,
      prefix: shopRes.body.shop.code_prefix as string,
      sk: shopRes.body.secret_key as string,
      pk: shopRes.body.publishable_key as string,
    };
    const window = {
      active_starts_at: new Date(Date.now() - 60_000).toISOString(),
      active_ends_at: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    };
    const promo = async (code: string, quantity: number) => {
      const r = await admin("POST", "/v1/coupons", shop.sk, {
        type: "promo_code",
        name: `Bench ${code}`,
        code,
        discount: { kind: "percent", percent_off: 10, max_discount_minor: 5000 },
        min_spend_minor: 1000,
        quantity,
        ...window,
      });
      if (r.status !== 201) throw new Error(`promo ${code}: ${JSON.stringify(r.body)}`);
      return r.body.coupon as { id: string; code: string };
    };
    const main = await promo("BENCH", 1_000_000);
    const seedTarget = { dbFile: api.dbFile, shopId: shop.id, codePrefix: shop.prefix, region: "US" };
    log(`seeding ${fmt(SMALL)} promo codes`);
    seedPromoCodes(seedTarget, 0, SMALL);

    const cart = benchCart(20);
    const auth = (key: string) => ({ authorization: `Bearer ${key}` });
    const quoteBody = (code: string) => JSON.stringify({ buyer_id: "bench-buyer", code, cart });

    // (2) Promo-code look-up, as the widget asks it (publishable key).
    if (runs("lookup")) {
      log("GET /v1/promo-codes/{code}");
      const lookupUrl = `${api.url}/v1/promo-codes/${main.code}`;
      await load({ url: lookupUrl, headers: auth(shop.pk), connections: CONNECTIONS, seconds: 2 });
      const run = () =>
        loadWithCpu(api.process.pid!, { url: lookupUrl, headers: auth(shop.pk), connections: CONNECTIONS, seconds: SECONDS });
      // Compared with the hello-world measured just before and after it (baseline.ts `bracketed`).
      const b = baseline ? await bracketed(baseline, "hello", run) : null;
      const lookup = b ? b.result : await run();
      if (b)
        log(
          `look-up ${fmt(lookup.rps)} req/s; hello-world before ${fmt(b.before)}, after ${fmt(b.after)}; by CPU ${b.cpuRatio.toFixed(2)}×`,
        );
      const lookupRow = httpRow("2", "`GET /v1/promo-codes/{code}`", lookup, b ? b.reference : base, "≥ 0.22× of hello-world");
      if (b) lookupRow.ratio += ` (by server CPU per request ${b.cpuRatio.toFixed(2)}×)`;
      rows.push({ ...lookupRow, met: b ? (lookup.rps / b.reference.rps >= 0.22 ? "yes" : "no") : "n/a" });
      bars.push({ label: "GET promo code", rps: lookup.rps, p99: lookup.p99 });
    }

    // (3) Quote with a code over a 20-line cart.
    if (runs("quote")) {
      log("POST /v1/checkout/quote");
      const quoteSpec = {
        url: `${api.url}/v1/checkout/quote`,
        method: "POST" as const,
        headers: auth(shop.sk),
        body: quoteBody(main.code),
        connections: CONNECTIONS,
      };
      await load({ ...quoteSpec, seconds: 2 });
      const run = () => loadWithCpu(api.process.pid!, { ...quoteSpec, seconds: SECONDS });
      // Compared with its floor (row 1b) measured just before and after it (baseline.ts `bracketed`).
      const b = baseline && floor ? await bracketed(baseline, "floor", run) : null;
      const quote = b ? b.result : await run();
      if (b) log(`quote ${fmt(quote.rps)} req/s; floor before ${fmt(b.before)}, after ${fmt(b.after)}; by CPU ${b.cpuRatio.toFixed(2)}×`);
      if (b) quoteOfFloor = quote.rps / b.reference.rps;
      const quoteOk = quote.rps >= 0.3 * base.rps && quote.p99 < 10 && (quoteOfFloor === null || quoteOfFloor >= 0.4);
      bars.push({ label: "Quote, 20 lines + code", rps: quote.rps, p99: quote.p99 });
      const quoteRow = httpRow(
        "3",
        "`POST /v1/checkout/quote`, code + 20-line cart",
        quote,
        base,
        "≥ 30 % of baseline, ≥ 0.40× of 1b, p99 < 10 ms",
      );
      if (quoteOfFloor != null && b)
        quoteRow.ratio += ` (${quoteOfFloor.toFixed(2)}× of 1b; by server CPU per request ${b.cpuRatio.toFixed(2)}×)`;
      rows.push({ ...quoteRow, met: quoteOk ? "yes" : "no" });
      quoteCpuUs = 1e6 / quote.rps; // the server is one process on one core, busy for the whole run
    }

    // (4) Redemptions by distinct buyers (each a fresh order, buyer and idempotency key).
    if (runs("redeem")) {
      const redeemed = await redemptionRow(api.url, api.dbFile, shop, promo, cart, base, { connections: CONNECTIONS, seconds: SECONDS });
      rows.push(redeemed.row);
      if (redeemed.load) bars.push({ label: "Redemption (new buyer)", rps: redeemed.load.rps, p99: redeemed.load.p99 });
      if (redeemed.load) redeemCpuUs = 1e6 / redeemed.load.rps;
    }

    // (4w) Redemptions with one webhook endpoint subscribed, against none.
    if (runs("webhooks")) {
      rows.push(
        ...(await webhookRows({
          url: api.url,
          pid: api.process.pid!,
          dbFile: api.dbFile,
          adminToken: api.adminToken,
          call: admin,
          cart,
          connections: CONNECTIONS,
          seconds: SECONDS,
          log,
        })),
      );
    }

    // (6) Quote latency with 10k and 1M codes stored, (7) the database's size, (8) a campaign of 100,000 codes.
    if (runs("latency")) {
      const measured = await latencyRows({
        url: api.url,
        dbFile: api.dbFile,
        shop,
        code: main.code,
        seedTarget,
        window,
        quoteBody,
        small: SMALL,
        big: BIG,
      });
      rows.push(...measured.rows);
      stmt = measured.stmt;
    }
  } finally {
    await api.stop();
    await baseline?.stop();
  }

  if (engine) rows.push(...engineRows(engine));
  rows.sort((a, b) => a.n.localeCompare(b.n));

  const table = markdownTable(rows);
  console.log(table);
  // The edge (its own table): each main route through wrangler dev, its round trips counted, at 0 and 30 ms per trip.
  const edge = runs("edge") ? edgeMarkdown(await edgeTable({ log })) : null;
  if (edge) console.log(`\n${edge}`);
  // A partial run (--only) prints its rows and leaves the committed report alone.
  if (ONLY || !engine) return;
  const seconds = Math.round((Date.now() - started) / 1000);
  const when = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    join(resultsDir, "REPORT.md"),
    `# Benchmark\n\n${when}, one run of \`npm run bench\` (${seconds} s) on 127.0.0.1, Node ${process.version}, ` +
      `${CONNECTIONS} connections, ${SECONDS} s per HTTP row after a 2 s warm-up. The load generator (autocannon) ` +
      `and the server share this machine's ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}); ` +
      `1-minute load average ${load0.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end ` +
      `(other work on the machine lowers every figure).\n\n${table}\n\n${NOTES}\n\n` +
      whereTimeGoes(stmt, quoteCpuUs, engine.quotesPerSecond, redeemCpuUs, quoteOfFloor) +
      (edge ? `\n\n## At the edge\n\n${edge}\n\n${EDGE_NOTES}` : "") +
      "\n",
  );
  const svg = chartSvg(
    `Requests per second at ${CONNECTIONS} connections (127.0.0.1, ${when.slice(0, 10)})`,
    bars.map((b) => ({ ...b, ratio: b.rps / bars[0].rps })),
    "Bar label: req/s · share of the hello-world baseline · p99 latency. Source: bench/results/REPORT.md",
  );
  writeFileSync(join(resultsDir, "chart.svg"), svg);
  const png = await svgToPng(svg, join(resultsDir, "chart.png"));
  log(`wrote bench/results/REPORT.md${png ? " and chart.png" : " (no Chromium: chart.svg only)"}`);
}

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
