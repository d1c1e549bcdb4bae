/**
 * The edge table: what each main route costs on Cloudflare Workers, measured through `wrangler dev`
 * (workerd, offline) against the Hrana server over a local libSQL file, with a counting proxy in between
 * that holds every database request for a fixed delay (test/support/hrana-proxy.ts). For each route: the
 * database round trips of one request (counted by the proxy; requests run one after another, so the
 * count between two requests is that request's) and the p50 latency at 0 ms and at 30 ms per round trip.
 *
 *   npx tsx bench/edge.ts [--requests 40]     (also part of `npm run bench`; `--only edge` runs it alone)
 */
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { startHranaProxy, type HranaProxy } from "../test/support/hrana-proxy.js";
import { startMigratedHrana, startWorker } from "../test/workers/wrangler.js";
import { signBuyerToken } from "../worker/lib/jwt.js";

export interface EdgeRow {
  route: string;
  /** Round trips per request at each delay: the most common count, and the range seen. */
  trips: Record<number, { typical: number; min: number; max: number }>;
  p50: Record<number, number>;
  target?: { ms: number; at: number };
}

const ADMIN = "adm_edge_bench_0123456789abcdef";
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

interface Api {
  call(method: string, path: string, key: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
}

function api(base: string): Api {
  return {
    async call(method, path, key, body, headers = {}) {
      const res = await fetch(base + path, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: await res.json() };
    },
  };
}

/** One request of a route; each call is distinct where it must be (a new buyer, order or name). */
interface Scenario {
  route: string;
  target?: { ms: number; at: number };
  run(): Promise<void>;
}

async function scenarios(a: Api, claims: number): Promise<Scenario[]> {
  const shop = await a.call("POST", "/v1/shops", ADMIN, {
    name: "Edge Bench",
    region: "US",
    currency: "USD",
    mode: "live",
    allowed_origins: [],
    addon_coupons: false,
  });
  if (shop.status !== 201) throw new Error(`shop: ${JSON.stringify(shop.body)}`);
  const { secret_key: sk, publishable_key: pk, buyer_token_secret: bts } = shop.body;
  const promo = await a.call("POST", "/v1/coupons", sk, {
    type: "promo_code",
    name: "Edge 10%",
    code: "TEN",
    discount: { kind: "percent", percent_off: 10, max_discount_minor: 5000 },
    min_spend_minor: 0,
    quantity: 1_000_000,
    active_starts_at: iso(-60_000),
    active_ends_at: iso(20 * 86_400_000),
  });
  const regular = await a.call("POST", "/v1/coupons", sk, {
    type: "regular",
    name: "Edge regular",
    discount: { kind: "fixed", amount_minor: 500 },
    min_spend_minor: 0,
    quantity: 1_000_000,
    per_customer_limit: 1,
    claim_starts_at: iso(-60_000),
    claim_ends_at: iso(60 * 86_400_000),
    validity: { kind: "days_after_claim", days: 7 },
  });
  if (promo.status !== 201 || regular.status !== 201) throw new Error(`coupons: ${JSON.stringify([promo.body, regular.body])}`);
  const code: string = promo.body.coupon.code;
  const regularId: string = regular.body.coupon.id;
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const shopper = { "x-buyer-token": await signBuyerToken(bts, "edge-shopper", exp) };
  // The shopper holds a claim, so the list and the wallet show one.
  if ((await a.call("POST", `/v1/storefront/coupons/${regularId}/claim`, pk, {}, shopper)).status !== 201) throw new Error("claim");
  const cart = {
    currency: "USD",
    lines: [{ line_id: "1", product_id: "mug", quantity: 2, unit_price_minor: 1500, product_discount_minor: 0 }],
    shipping_minor: 0,
    shipping_discount_minor: 0,
  };
  const expect = (what: string, status: number, res: { status: number; body: unknown }) => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as any;
  };
  const reserved: string[] = [];
  const run = Date.now().toString(36);
  let n = 0;
  // Signed before the timing starts: a storefront's server signs them, not the Worker.
  const claimers = await Promise.all(Array.from({ length: claims }, (_, i) => signBuyerToken(bts, `${run}-claimer-${i}`, exp)));
  let claimed = 0;
  return [
    {
      route: "look-up `GET /v1/promo-codes/{code}` (pk)",
      target: { ms: 70, at: 30 },
      run: async () => void expect("look-up", 200, await a.call("GET", `/v1/promo-codes/${code}`, pk)),
    },
    {
      route: "quote `POST /v1/checkout/quote` (pk + buyer token, code)",
      target: { ms: 70, at: 30 },
      run: async () => void expect("quote", 200, await a.call("POST", "/v1/checkout/quote", pk, { code, cart }, shopper)),
    },
    {
      route: "redemption `POST /v1/checkout/redemptions` (sk, code, new order)",
      run: async () => {
        const i = n++;
        const body = expect(
          "redemption",
          201,
          await a.call(
            "POST",
            "/v1/checkout/redemptions",
            sk,
            { buyer_id: `${run}-b${i}`, order_id: `${run}-o${i}`, code, cart },
            { "idempotency-key": `${run}-k${i}` },
          ),
        );
        reserved.push(body.redemption.id);
      },
    },
    {
      route: "commit `POST /v1/redemptions/{id}/commit`",
      run: async () => void expect("commit", 200, await a.call("POST", `/v1/redemptions/${reserved.shift()}/commit`, sk)),
    },
    {
      route: "claim `POST /v1/storefront/coupons/{id}/claim` (pk + buyer token)",
      target: { ms: 100, at: 30 },
      run: async () => {
        const token = { "x-buyer-token": claimers[claimed++] };
        expect("claim", 201, await a.call("POST", `/v1/storefront/coupons/${regularId}/claim`, pk, {}, token));
      },
    },
    {
      route: "storefront list `GET /v1/storefront/coupons` (pk + buyer token)",
      run: async () => void expect("list", 200, await a.call("GET", "/v1/storefront/coupons", pk, undefined, shopper)),
    },
    {
      route: "wallet `GET /v1/storefront/wallet` (pk + buyer token)",
      run: async () => void expect("wallet", 200, await a.call("GET", "/v1/storefront/wallet", pk, undefined, shopper)),
    },
    {
      route: "seller's coupon `GET /v1/coupons/{id}` (sk)",
      run: async () => void expect("coupon", 200, await a.call("GET", `/v1/coupons/${regularId}`, sk)),
    },
    {
      route: "seller's list `GET /v1/coupons` (sk)",
      run: async () => void expect("coupons", 200, await a.call("GET", "/v1/coupons", sk)),
    },
    {
      route: "order paid `POST /v1/events` (sk, a new order)",
      run: async () => {
        const i = n++;
        const fact = { type: "order.paid", buyer_id: `${run}-payer${i}`, order_id: `${run}-paid${i}`, total_minor: 3000 };
        expect("event", 200, await a.call("POST", "/v1/events", sk, { id: `${run}-evt${i}`, occurred_at: iso(0), ...fact }));
      },
    },
    {
      route: "create coupon `POST /v1/coupons` (sk, regular)",
      run: async () =>
        void expect(
          "create",
          201,
          await a.call("POST", "/v1/coupons", sk, {
            type: "regular",
            name: `Edge ${run} ${n++}`,
            discount: { kind: "fixed", amount_minor: 300 },
            min_spend_minor: 0,
            quantity: 10,
            claim_starts_at: iso(-60_000),
            claim_ends_at: iso(60 * 86_400_000),
            validity: { kind: "days_after_claim", days: 7 },
          }),
        ),
    },
  ];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function mode(xs: number[]): number {
  const n = new Map<number, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

/** Runs every scenario at each delay and answers one row per route. */
export async function edgeTable(opts: { requests?: number; delays?: number[]; log?: (s: string) => void } = {}): Promise<EdgeRow[]> {
  const requests = opts.requests ?? 40;
  const delays = opts.delays ?? [0, 30];
  const log = opts.log ?? (() => {});
  const hrana = await startMigratedHrana({ relaxedSync: true });
  let proxy: HranaProxy | null = null;
  let worker: Awaited<ReturnType<typeof startWorker>> | null = null;
  try {
    proxy = await startHranaProxy(hrana.url);
    log("edge: starting wrangler dev");
    worker = await startWorker({ DATABASE_URL: proxy.url, ADMIN_TOKEN: ADMIN });
    const a = api(worker.url);
    const rows = new Map<string, EdgeRow>();
    const list = await scenarios(a, 5 + delays.length * (requests + 1));
    // Warm-up: the isolate's caches and compiled code, the database's pages, as on a Worker that has
    // served this shop.
    proxy.setDelay(0);
    for (const s of list) for (let i = 0; i < 5; i++) await s.run();
    for (const delay of delays) {
      proxy.setDelay(delay);
      for (const s of list) {
        log(`edge: ${s.route} at ${delay} ms per round trip`);
        await s.run(); // once at this delay before timing
        const times: number[] = [];
        const trips: number[] = [];
        for (let i = 0; i < requests; i++) {
          const before = proxy.count();
          const t0 = performance.now();
          await s.run();
          times.push(performance.now() - t0);
          trips.push(proxy.count() - before);
        }
        const row = rows.get(s.route) ?? { route: s.route, trips: {}, p50: {}, target: s.target };
        row.trips[delay] = { typical: mode(trips), min: Math.min(...trips), max: Math.max(...trips) };
        row.p50[delay] = median(times);
        rows.set(s.route, row);
      }
    }
    return [...rows.values()];
  } finally {
    await worker?.stop();
    await proxy?.stop();
    await hrana.stop();
  }
}

export const EDGE_NOTES = `Notes
- Each route runs through \`wrangler dev\` (workerd, offline) against the Hrana server over a local libSQL file,
  with a proxy in between that counts every database request and holds it for the stated delay
  (test/support/hrana-proxy.ts), so "p50 at 30 ms/trip" is what a Worker 30 ms from its database would see.
- Requests run one after another after 5 warm-up ones per route (an isolate that has served the shop: it
  knows the key's shop and the code's coupon as last read). Round trips: the most common count, with the
  range seen. The Hrana server commits without waiting for the disk (as \`npm start\` does), so a round
  trip costs what the delay says rather than this machine's fsync.
- At 0 ms the figure is the machine's own cost (workerd, the Hrana server opening a connection per request,
  the app), which moves with the load of this shared 2-core machine; the difference between the columns
  is the database's.
- A claim is two round trips by design: what the engine judges, then the guarded write.`;

const tripsText = (t: { typical: number; min: number; max: number }) =>
  t.min === t.max ? `${t.typical}` : `${t.typical} (${t.min}–${t.max})`;

export function edgeMarkdown(rows: EdgeRow[]): string {
  const delays = Object.keys(rows[0]?.p50 ?? {}).map(Number);
  const head = ["Route", "Round trips", ...delays.map((d) => `p50 at ${d} ms/trip`), "Target", "Met"];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const r of rows) {
    const trips = delays.map((d) => tripsText(r.trips[d]));
    const same = trips.every((t) => t === trips[0]);
    const target = r.target ? `p50 ≤ ${r.target.ms} ms at ${r.target.at} ms` : "—";
    const met = r.target && r.p50[r.target.at] !== undefined ? (r.p50[r.target.at] <= r.target.ms ? "yes" : "no") : "n/a";
    lines.push(
      `| ${[r.route, same ? trips[0] : trips.join(" / "), ...delays.map((d) => `${r.p50[d].toFixed(1)} ms`), target, met].join(" | ")} |`,
    );
  }
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { requests: { type: "string", default: "40" } } });
  edgeTable({ requests: Number(values.requests), log: (s) => console.error(`[bench] ${s}`) })
    .then((rows) => {
      console.log(edgeMarkdown(rows));
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
