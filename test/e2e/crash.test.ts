/**
 * Crash safety: the real server is killed with SIGKILL in the middle of a burst of concurrent claims,
 * redemptions, commits, releases and coupon creations, then restarted on the same database file. Nothing
 * acknowledged is lost, nothing is doubled, and the counters kept beside the rows equal the rows:
 * coupons.claimed_count = count(claims), reserved_count / used_count = count(redemptions) by state.
 *
 * Why this holds: every limited write is one statement or one `db.batch` (one SQLite transaction), so a
 * kill lands before or after it, never inside. With WAL and `synchronous = NORMAL` a transaction is in the
 * WAL file once its COMMIT returns, and the operating system keeps that file when the process dies; the
 * next open replays it. (NORMAL does not fsync at each commit: on power loss or a kernel crash the last
 * transactions may be lost — still all or nothing each, never half — which this test does not cover.)
 */
import { createClient, type Client } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import type { ClientResponse } from "hono/client";
import { serverCalls, type CouponJson, type DistributiveOmit } from "../support/api.js";
import { answer, expectStatus, type Answer } from "../support/app.js";
import { startServer, type StartedServer } from "../support/server.js";

const servers: StartedServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

/** A typed call's answer, or status 0 when the server died with the request in flight. */
async function orDead<R extends ClientResponse<unknown, number, string>>(
  call: () => Promise<R>,
): Promise<Answer<R> | { status: 0; body: Record<string, never> }> {
  try {
    return await answer(call());
  } catch {
    return { status: 0, body: {} };
  }
}

const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
const CART = {
  currency: "USD",
  lines: [{ line_id: "l1", product_id: "p1", quantity: 1, unit_price_minor: 4000, product_discount_minor: 0 }],
  shipping_minor: 0,
  shipping_discount_minor: 0,
};
const rnd = () => Math.random().toString(36).slice(2, 8).toUpperCase();

/** Counters that disagree with the rows they count, per coupon of the shop (empty = all agree). */
async function counterMismatches(db: Client, shopId: string) {
  const rs = await db.execute({
    sql: `SELECT c.id, c.quantity, c.claimed_count, c.reserved_count, c.used_count,
            (SELECT count(*) FROM claims k WHERE k.coupon_id = c.id) AS claims,
            (SELECT count(*) FROM redemptions r WHERE r.coupon_id = c.id AND r.state = 'reserved') AS reserved,
            (SELECT count(*) FROM redemptions r WHERE r.coupon_id = c.id AND r.state = 'committed') AS committed
          FROM coupons c WHERE c.shop_id = ?`,
    args: [shopId],
  });
  const bad = rs.rows.filter(
    (r) =>
      Number(r.claimed_count) !== Number(r.claims) ||
      Number(r.reserved_count) !== Number(r.reserved) ||
      Number(r.used_count) !== Number(r.committed) ||
      Number(r.claims) > Number(r.quantity) ||
      Number(r.reserved) + Number(r.committed) > Number(r.quantity),
  );
  return { checked: rs.rows.length, bad: bad.map((r) => ({ ...r })) };
}

describe("crash safety (SIGKILL mid-burst, restart on the same file)", () => {
  it("R27: nothing acknowledged is lost, nothing is doubled, counters equal rows, over two kills", async () => {
    let server = await startServer();
    servers.push(server);
    const dbFile = server.dbFile;
    const shopId = server.demo.shopId;
    const sk = server.demo.secretKey;

    // What the server acknowledged (2xx) before each kill, to look for after the restart.
    const acked = { claims: [] as string[], redemptions: new Map<string, string>(), coupons: [] as string[] };

    for (let round = 0; round < 2; round++) {
      const api = serverCalls(server.url, sk);
      // Set-up (not interrupted): coupons to race on, claims to redeem, reservations to commit or release.
      const mk = async (body: DistributiveOmit<CouponJson, "name">) => {
        const { coupon } = await expectStatus(api.createCoupon({ name: `Crash ${round} ${rnd()}`, ...body } as CouponJson), 201);
        acked.coupons.push(coupon.id);
        return coupon;
      };
      const window = {
        claim_starts_at: iso(-60_000),
        claim_ends_at: iso(60 * 86_400_000),
        validity: { kind: "days_after_claim" as const, days: 7 },
      };
      const r1 = await mk({ type: "regular", discount: { kind: "fixed", amount_minor: 500 }, quantity: 40, ...window });
      const r2 = await mk({ type: "regular", discount: { kind: "fixed", amount_minor: 500 }, quantity: 60, ...window });
      const promo = () =>
        mk({
          type: "promo_code",
          code: `K${rnd()}`.slice(0, 8),
          discount: { kind: "fixed", amount_minor: 500 },
          quantity: 30,
          per_customer_limit: null,
          active_starts_at: iso(-60_000),
          active_ends_at: iso(86_400_000),
        });
      const p1 = await promo();
      const p2 = await promo();
      const holders = Array.from({ length: 20 }, (_, i) => `holder-${round}-${i}`);
      for (const buyer of holders) acked.claims.push((await expectStatus(api.claim(r2.id, { buyer_id: buyer }), 201)).claim.id);
      const pending: string[] = [];
      for (let i = 0; i < 20; i++) {
        const order = { code: p2.code!, buyer_id: `pend-${round}-${i}`, order_id: `pend-${round}-${i}`, cart: CART };
        const { redemption } = await expectStatus(api.redeem(order), 201);
        pending.push(redemption.id);
        acked.redemptions.set(redemption.id, "reserved");
      }
      // The burst: every kind of write at once; the kill comes when about a third has been answered.
      // A job runs one typed call and, if an answer arrived, acknowledges what it says (whether or not the
      // kill follows it).
      type Job = () => Promise<{ status: number; body: unknown }>;
      const job =
        <R extends ClientResponse<unknown, number, string>>(call: () => Promise<R>, ack: (r: Answer<R>) => unknown): Job =>
        async () => {
          const r = await orDead(call);
          if (r.status !== 0) ack(r as Answer<R>);
          return r;
        };
      const jobs: Job[] = [];
      // Enough work that some of it is still in flight when the kill lands: with writes committed in
      // groups the server answers a small burst's remainder before the signal arrives.
      for (let i = 0; i < 150; i++)
        jobs.push(
          job(
            () => api.claim(r1.id, { buyer_id: `burst-${round}-${i}` }),
            (r) => r.status === 201 && acked.claims.push(r.body.claim!.id),
          ),
        );
      for (let i = 0; i < 120; i++)
        jobs.push(
          job(
            () => api.redeem({ code: p1.code!, buyer_id: `pb-${round}-${i}`, order_id: `po-${round}-${i}`, cart: CART }),
            (r) => r.status === 201 && acked.redemptions.set(r.body.redemption!.id, "reserved"),
          ),
        );
      for (const buyer of holders)
        jobs.push(
          job(
            () => api.redeem({ coupon_id: r2.id, buyer_id: buyer, order_id: `ho-${buyer}`, cart: CART }),
            (r) => r.status === 201 && acked.redemptions.set(r.body.redemption!.id, "reserved"),
          ),
        );
      pending.forEach((id, i) => {
        jobs.push(
          job(
            () => (i % 2 ? api.release(id) : api.commit(id)),
            (r) => r.status === 200 && acked.redemptions.set(id, r.body.redemption!.state),
          ),
        );
      });
      for (let i = 0; i < 10; i++)
        jobs.push(
          job(
            () =>
              api.createCoupon({
                type: "promo_code",
                name: `Burst ${round} ${i} ${rnd()}`,
                discount: { kind: "fixed", amount_minor: 100 },
                quantity: 5,
                active_starts_at: iso(-60_000),
                active_ends_at: iso(86_400_000),
              }),
            (r) => r.status === 201 && acked.coupons.push(r.body.coupon!.id),
          ),
        );
      jobs.sort(() => Math.random() - 0.5);

      let answered = 0;
      let killed: Promise<void> | null = null;
      const killAt = Math.floor(jobs.length * (round === 0 ? 0.25 : 0.5));
      const results = await Promise.all(
        jobs.map(async (run) => {
          const r = await run();
          if (r.status !== 0) expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
          if (++answered === killAt) killed = server.kill();
          return r;
        }),
      );
      await killed;
      // The kill really came mid-burst: some requests were answered, the others died with the process.
      const cut = results.filter((r) => r.status === 0).length;
      expect(answered).toBe(jobs.length);
      expect(cut, `round ${round}: every request was answered before the kill landed`).toBeGreaterThan(0);
      expect(results.length - cut).toBeGreaterThanOrEqual(killAt);

      // The file as the dead process left it: counters equal rows, limits hold, the database is sound.
      const db = createClient({ url: `file:${dbFile}` });
      try {
        expect((await db.execute("PRAGMA integrity_check")).rows[0][0]).toBe("ok");
        const { checked, bad } = await counterMismatches(db, shopId);
        expect(checked).toBeGreaterThan(0);
        expect(bad).toEqual([]);
        // Nothing lost: every acknowledged claim, redemption (in its acknowledged state) and coupon is there.
        const ids = (sql: string) => db.execute(sql).then((rs) => new Set(rs.rows.map((r) => String(r[0]))));
        const claims = await ids("SELECT id FROM claims");
        expect(acked.claims.filter((id) => !claims.has(id))).toEqual([]);
        const states = new Map((await db.execute("SELECT id, state FROM redemptions")).rows.map((r) => [String(r.id), String(r.state)]));
        const lostOrChanged = [...acked.redemptions].filter(([id, state]) => states.get(id) !== state);
        expect(lostOrChanged).toEqual([]);
        const coupons = await ids("SELECT id FROM coupons");
        expect(acked.coupons.filter((id) => !coupons.has(id))).toEqual([]);
        // Nothing doubled: one claim per buyer per coupon here, one live redemption per order, and exactly
        // one `created` audit entry per coupon (written in the coupon's own batch).
        const dupClaims = await db.execute("SELECT coupon_id, buyer_id FROM claims GROUP BY coupon_id, buyer_id HAVING count(*) > 1");
        expect(dupClaims.rows).toEqual([]);
        const dupOrders = await db.execute(
          "SELECT shop_id, order_id FROM redemptions WHERE state <> 'released' GROUP BY shop_id, order_id HAVING count(*) > 1",
        );
        expect(dupOrders.rows).toEqual([]);
        const audit = await db.execute({
          sql: `SELECT c.id, (SELECT count(*) FROM audit_entries a WHERE a.coupon_id = c.id AND a.action IN ('created', 'duplicated', 'addon_created')) AS n
                FROM coupons c WHERE c.shop_id = ?`,
          args: [shopId],
        });
        expect(audit.rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
      } finally {
        db.close();
      }
      // Restart on the same file: it serves again, and a new write keeps the books straight.
      server = await startServer({ dbFile });
      servers.push(server);
      const after = serverCalls(server.url, sk);
      acked.claims.push((await expectStatus(after.claim(r2.id, { buyer_id: `after-${round}` }), 201)).claim.id);
      const perf = await expectStatus(after.performance(r1.id), 200);
      expect(perf.claims + perf.remaining).toBe(40);
    }
  }, 120_000);
});
