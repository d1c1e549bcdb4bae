/**
 * Rows 4w and 4x: what one subscribed webhook endpoint costs redemptions. One shop (test mode, so its
 * endpoint may be a local http URL) runs the redemption load four times:
 *   none → one endpoint whose receiver is unreachable → one endpoint with a live receiver → none again.
 * - 4w, the write path: every redemption's batch writes its outbox row, and the delivery worker makes one
 *   failed attempt, then the endpoint rests (the backlog waits). What the outbox insert costs.
 * - 4x, delivered live: the same server's worker also signs and POSTs every event to a receiver (its own
 *   process) while serving the load: the whole cost of webhooks in one process.
 * Each is divided by the mean of the two "none" runs, so the machine's drift does not land on one side.
 * Beside req/s, the server process's CPU time per redemption (from /proc, Linux) is compared: on a
 * machine shared with other work, throughput moves with the neighbours, the CPU a request costs less so.
 * For 4x it counts until every event is delivered (delivery runs behind the load).
 */
import Database from "libsql";
import { cpuSeconds, load, startScript, type LoadResult } from "./http.js";
import type { Row } from "./report.js";
import { WEBHOOK_EVENT_TYPES } from "../worker/contract/webhooks.js";
// A free port is one nothing listens on: connections to it are refused at once.
import { freePort as closedPort } from "../test/workers/wrangler.js";

type Call = (method: string, path: string, key: string, body?: unknown) => Promise<{ status: number; body: any }>;

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

interface Measured extends LoadResult {
  /** Server CPU microseconds per 2xx redemption during the measured run. */
  cpuUs: number;
  /** Redemptions answered 2xx, warm-up included, and the server's CPU seconds when the load began. */
  all2xx: number;
  cpu0: number;
}

export async function webhookRows(opts: {
  url: string;
  pid: number;
  dbFile: string;
  adminToken: string;
  call: Call;
  cart: unknown;
  connections: number;
  seconds: number;
  log: (s: string) => void;
}): Promise<Row[]> {
  const { url, call, log } = opts;
  const shopRes = await call("POST", "/v1/shops", opts.adminToken, {
    name: "Hooks Bench",
    region: "US",
    currency: "USD",
    mode: "test",
    allowed_origins: [],
    addon_coupons: false,
  });
  const sk = shopRes.body.secret_key as string;
  const window = {
    active_starts_at: new Date(Date.now() - 60_000).toISOString(),
    active_ends_at: new Date(Date.now() + 20 * 86_400_000).toISOString(),
  };
  const coupon = await call("POST", "/v1/coupons", sk, {
    type: "promo_code",
    name: "Hooks",
    code: "HOOKS",
    discount: { kind: "percent", percent_off: 10, max_discount_minor: 5000 },
    min_spend_minor: 1000,
    quantity: 1_000_000,
    ...window,
  });
  if (coupon.status !== 201) throw new Error(`webhook bench coupon: ${JSON.stringify(coupon.body)}`);
  const code = coupon.body.coupon.code as string;
  let n = 0;
  const run = `w${Date.now().toString(36)}`;
  const redeem = async (label: string): Promise<Measured> => {
    const spec = {
      url: `${url}/v1/checkout/redemptions`,
      method: "POST" as const,
      headers: { authorization: `Bearer ${sk}` },
      next: () => ({ body: JSON.stringify({ buyer_id: `${run}-b${n}`, order_id: `${run}-o${n++}`, code, cart: opts.cart }) }),
      connections: opts.connections,
    };
    log(`redemptions, ${label}`);
    const start = cpuSeconds(opts.pid);
    const warm = await load({ ...spec, seconds: 2 });
    const cpu0 = cpuSeconds(opts.pid);
    const r = await load({ ...spec, seconds: opts.seconds });
    return { ...r, cpuUs: ((cpuSeconds(opts.pid) - cpu0) * 1e6) / r.total2xx, all2xx: warm.total2xx + r.total2xx, cpu0: start };
  };
  const subscribe = async (target: string) => {
    const ep = await call("POST", "/v1/webhook-endpoints", sk, { url: target, events: WEBHOOK_EVENT_TYPES });
    if (ep.status !== 201) throw new Error(`webhook bench endpoint: ${JSON.stringify(ep.body)}`);
    return ep.body.webhook_endpoint.id as string;
  };

  const before = await redeem("no webhook endpoint");
  const unreachable = await subscribe(`http://127.0.0.1:${await closedPort()}/hook`);
  const writeOnly = await redeem("one endpoint, receiver unreachable (outbox rows written, deliveries wait)");
  const waiting = count(opts.dbFile, unreachable);
  await call("DELETE", `/v1/webhook-endpoints/${unreachable}`, sk);

  const receiver = await startScript("bench/webhook-receiver.ts");
  let live: Measured;
  let drained: { pending: number; failed: number; succeeded: number };
  let drainSeconds: number;
  let received: number;
  try {
    const endpoint = await subscribe(`${receiver.url}/hook`);
    const started = Date.now();
    live = await redeem("one endpoint, delivered live by the same process");
    drained = await drain(opts.dbFile, endpoint, 180_000);
    // Delivery runs behind the load: its CPU counts until the last event is out, per redemption served.
    live.cpuUs = ((cpuSeconds(opts.pid) - live.cpu0) * 1e6) / live.all2xx;
    drainSeconds = (Date.now() - started) / 1000;
    received = ((await (await fetch(`${receiver.url}/count`)).json()) as { received: number }).received;
    await call("DELETE", `/v1/webhook-endpoints/${endpoint}`, sk);
  } finally {
    await receiver.stop();
  }
  log(`delivered ${fmt(received)} events (${fmt(drained.pending)} still pending) within ${drainSeconds.toFixed(1)} s of the run's start`);
  const after = await redeem("no webhook endpoint, again");

  const none = (before.rps + after.rps) / 2;
  const noneCpu = (before.cpuUs + after.cpuUs) / 2;
  const noneText = `${fmt(none)} without (${fmt(before.rps)} before, ${fmt(after.rps)} after)`;
  const cpuText = (m: Measured) =>
    `server CPU ${fmt(m.cpuUs)} µs per redemption vs ${fmt(noneCpu)} without (${fmt(before.cpuUs)}, ${fmt(after.cpuUs)})`;
  const writeRatio = writeOnly.rps / none;
  const liveRatio = live.rps / none;
  // The throughput a CPU-bound server would keep: the cost without over the cost with.
  const cpuRatio = (m: Measured) => noneCpu / m.cpuUs;
  return [
    {
      n: "4w",
      what: "`POST /v1/checkout/redemptions` with one webhook endpoint subscribed: the write path (outbox row in each redemption's batch; receiver unreachable, deliveries waiting)",
      value: `${fmt(writeOnly.rps)} req/s vs ${noneText}; ${cpuText(writeOnly)}; ${fmt(waiting.pending)} deliveries waiting`,
      p50: `${writeOnly.p50} ms`,
      p99: `${writeOnly.p99} ms`,
      ratio: `${writeRatio.toFixed(2)}× of none (by CPU per request ${cpuRatio(writeOnly).toFixed(2)}×)`,
      target: "≥ 0.85× of none",
      met: writeRatio >= 0.85 && !(cpuRatio(writeOnly) < 0.85) ? "yes" : "no",
    },
    {
      n: "4x",
      what: "The same with the events delivered live: signed and POSTed by the same server process's worker to a local receiver during the load",
      value: `${fmt(live.rps)} req/s vs ${noneText}; ${cpuText(live)}; ${fmt(received)} events delivered (${fmt(drained.succeeded)} succeeded, ${drained.failed} failed, ${drained.pending} pending) within ${drainSeconds.toFixed(0)} s of the run's start`,
      p50: `${live.p50} ms`,
      p99: `${live.p99} ms`,
      ratio: `${liveRatio.toFixed(2)}× of none (by CPU per request ${cpuRatio(live).toFixed(2)}×)`,
      target: "—",
      met: "n/a",
    },
  ];
}

function count(dbFile: string, endpointId: string): { pending: number; failed: number; succeeded: number } {
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db
      .prepare("SELECT status, count(*) AS n FROM webhook_deliveries WHERE endpoint_id = ? GROUP BY status")
      .all([endpointId]) as { status: string; n: number }[];
    const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    return { pending: of("pending"), failed: of("failed"), succeeded: of("succeeded") };
  } finally {
    db.close();
  }
}

/** Waits until the endpoint has no pending delivery (or the time is up). */
async function drain(dbFile: string, endpointId: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let c = count(dbFile, endpointId);
  while (c.pending > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    c = count(dbFile, endpointId);
  }
  return c;
}
