/**
 * Row 4w: what one subscribed webhook endpoint costs a redemption. The same shop (test mode, so its
 * endpoint may be a local http receiver) runs the redemption load without an endpoint, with one endpoint
 * subscribed to every event type (its outbox row written in each redemption's batch, and the server's
 * delivery worker POSTing each event to a receiver in its own process, signed), then without again; the
 * ratio is "with" over the mean of the two "without" runs, so the machine's drift does not land on one
 * side. Deliveries are then drained and counted.
 */
import Database from "libsql";
import { load, startScript, type LoadResult } from "./http.js";
import type { Row } from "./report.js";

type Call = (method: string, path: string, key: string, body?: unknown) => Promise<{ status: number; body: any }>;

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

export async function webhookRow(opts: {
  url: string;
  dbFile: string;
  adminToken: string;
  call: Call;
  cart: unknown;
  connections: number;
  seconds: number;
  log: (s: string) => void;
}): Promise<Row> {
  const { url, call, log } = opts;
  const shopRes = await call("POST", "/v1/shops", opts.adminToken, { name: "Hooks Bench", region: "US", currency: "USD", mode: "test", allowed_origins: [], addon_coupons: false });
  const sk = shopRes.body.secret_key as string;
  const window = { active_starts_at: new Date(Date.now() - 60_000).toISOString(), active_ends_at: new Date(Date.now() + 20 * 86_400_000).toISOString() };
  const coupon = await call("POST", "/v1/coupons", sk, { type: "promo_code", name: "Hooks", code: "HOOKS", discount: { kind: "percent", percent_off: 10, max_discount_minor: 5000 }, min_spend_minor: 1000, quantity: 1_000_000, ...window });
  if (coupon.status !== 201) throw new Error(`webhook bench coupon: ${JSON.stringify(coupon.body)}`);
  const code = coupon.body.coupon.code as string;
  const receiver = await startScript("bench/webhook-receiver.ts");
  try {
    let n = 0;
    const run = `w${Date.now().toString(36)}`;
    const redeem = async (label: string): Promise<LoadResult> => {
      const spec = {
        url: `${url}/v1/checkout/redemptions`,
        method: "POST" as const,
        headers: { authorization: `Bearer ${sk}` },
        next: () => ({ body: JSON.stringify({ buyer_id: `${run}-b${n}`, order_id: `${run}-o${n++}`, code, cart: opts.cart }) }),
        connections: opts.connections,
      };
      log(`redemptions, ${label}`);
      await load({ ...spec, seconds: 2 });
      return load({ ...spec, seconds: opts.seconds });
    };
    const before = await redeem("no webhook endpoint");
    const types = ["coupon.created", "coupon.updated", "coupon.deactivated", "coupon.exhausted", "claim.created", "redemption.reserved", "redemption.committed", "redemption.released", "review_coupon.issued"];
    const ep = await call("POST", "/v1/webhook-endpoints", sk, { url: `${receiver.url}/hook`, events: types });
    if (ep.status !== 201) throw new Error(`webhook bench endpoint: ${JSON.stringify(ep.body)}`);
    const startedWith = Date.now();
    const withHook = await redeem("one webhook endpoint subscribed");
    const drained = await drain(opts.dbFile, ep.body.webhook_endpoint.id, 120_000);
    const drainSeconds = (Date.now() - startedWith) / 1000;
    const received = ((await (await fetch(`${receiver.url}/count`)).json()) as { received: number }).received;
    log(`delivered ${fmt(received)} events (${fmt(drained.pending)} still pending) in ${drainSeconds.toFixed(1)} s from the start of the run`);
    await call("DELETE", `/v1/webhook-endpoints/${ep.body.webhook_endpoint.id}`, sk);
    const after = await redeem("no webhook endpoint, again");
    const none = (before.rps + after.rps) / 2;
    const ratio = withHook.rps / none;
    return {
      n: "4w",
      what: "`POST /v1/checkout/redemptions` with one webhook endpoint subscribed (outbox row in the batch, delivered by the server's worker to a local receiver) vs none",
      value: `${fmt(withHook.rps)} req/s vs ${fmt(none)} (${fmt(before.rps)}, ${fmt(after.rps)}); ${fmt(received)} events delivered, ${drained.failed} failed, all within ${drainSeconds.toFixed(0)} s`,
      p50: `${withHook.p50} ms`,
      p99: `${withHook.p99} ms`,
      ratio: `${ratio.toFixed(2)}× of none`,
      target: "≥ 0.85× of none",
      met: ratio >= 0.85 && drained.pending === 0 && drained.failed === 0 ? "yes" : "no",
    };
  } finally {
    await receiver.stop();
  }
}

/** Waits until the endpoint has no pending delivery (or the time is up); counts what is left and failed. */
async function drain(dbFile: string, endpointId: string, timeoutMs: number): Promise<{ pending: number; failed: number }> {
  const db = new Database(dbFile, { readonly: true });
  const count = (status: string) =>
    (db.prepare("SELECT count(*) AS n FROM webhook_deliveries WHERE endpoint_id = ? AND status = ?").get([endpointId, status]) as { n: number }).n;
  const deadline = Date.now() + timeoutMs;
  try {
    while (count("pending") > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    return { pending: count("pending"), failed: count("failed") };
  } finally {
    db.close();
  }
}
