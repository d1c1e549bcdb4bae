/**
 * A 100,000-code campaign is one batch: the real server is killed with SIGKILL while it writes one, and
 * after a restart on the same file the campaign is there whole (coupon, 100,000 codes, 100,000 live rows)
 * or not at all, with no code or live row left without its coupon. The kill is timed by the write-ahead
 * log growing, which it does only while the batch's transaction writes its pages, before its COMMIT.
 */
import { createClient } from "@libsql/client";
import { statSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { serverCalls } from "../support/api.js";
import { expectStatus } from "../support/app.js";
import { httpCall } from "../support/http.js";
import { startServer, type StartedServer } from "../support/server.js";

const servers: StartedServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

const walBytes = (dbFile: string) => {
  try {
    return statSync(`${dbFile}-wal`).size;
  } catch {
    return 0;
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("crash safety of a 100,000-code campaign", () => {
  it("SIGKILL while its batch is written leaves all of it or none", async () => {
    const server = await startServer();
    servers.push(server);
    const { dbFile } = server;
    const sk = server.demo.secretKey;
    const name = "Crash campaign";
    const baseline = walBytes(dbFile);

    let answered = false;
    const request = httpCall(server.url, sk, "POST", "/v1/coupons", {
      type: "promo_code",
      name,
      discount: { kind: "fixed", amount_minor: 500 },
      unique_codes: { count: 100_000, length: 7 },
      active_starts_at: new Date(Date.now() - 60_000).toISOString(),
      active_ends_at: new Date(Date.now() + 86_400_000).toISOString(),
    }).then(
      (r) => {
        answered = true;
        return r;
      },
      () => null, // the server died with the request in flight
    );
    // Kill once the log has grown by 1 MB: the batch is writing and has not committed (no answer yet).
    const deadline = Date.now() + 60_000;
    while (walBytes(dbFile) < baseline + 1_000_000 && !answered && Date.now() < deadline) await sleep(5);
    const cutMidWrite = !answered;
    await server.kill();
    const answer = await request;
    expect(cutMidWrite, `the creation answered before the kill: ${String(JSON.stringify(answer?.body)).slice(0, 200)}`).toBe(true);

    // The file as the dead process left it, replayed on open: all or none.
    const db = createClient({ url: `file:${dbFile}` });
    try {
      expect((await db.execute("PRAGMA integrity_check")).rows[0][0]).toBe("ok");
      const coupons = await db.execute({ sql: "SELECT id, quantity FROM coupons WHERE name = ?", args: [name] });
      const codes = Number((await db.execute("SELECT count(*) AS n FROM campaign_codes")).rows[0].n);
      const orphanCodes = Number(
        (await db.execute("SELECT count(*) AS n FROM campaign_codes k WHERE NOT EXISTS (SELECT 1 FROM coupons c WHERE c.id = k.coupon_id)"))
          .rows[0].n,
      );
      const orphanLive = Number(
        (await db.execute("SELECT count(*) AS n FROM live_codes l WHERE NOT EXISTS (SELECT 1 FROM coupons c WHERE c.id = l.coupon_id)"))
          .rows[0].n,
      );
      expect(orphanCodes).toBe(0);
      expect(orphanLive).toBe(0);
      if (coupons.rows.length === 0) {
        expect(codes).toBe(0);
      } else {
        const id = String(coupons.rows[0].id);
        expect(Number(coupons.rows[0].quantity)).toBe(100_000);
        expect(codes).toBe(100_000);
        const live = await db.execute({ sql: "SELECT count(*) AS n FROM live_codes WHERE coupon_id = ?", args: [id] });
        expect(Number(live.rows[0].n)).toBe(100_000);
        const audit = await db.execute({
          sql: "SELECT count(*) AS n FROM audit_entries WHERE coupon_id = ? AND action = 'created'",
          args: [id],
        });
        expect(Number(audit.rows[0].n)).toBe(1);
      }
    } finally {
      db.close();
    }

    // Restarted on the same file it serves again, and a small campaign is written whole.
    const again = await startServer({ dbFile });
    servers.push(again);
    const api = serverCalls(again.url, sk);
    const small = await expectStatus(
      api.createCoupon({
        type: "promo_code",
        name: "After the crash",
        discount: { kind: "fixed", amount_minor: 500 },
        unique_codes: { count: 10, length: 7 },
        active_starts_at: new Date(Date.now() - 60_000).toISOString(),
        active_ends_at: new Date(Date.now() + 86_400_000).toISOString(),
      }),
      201,
    );
    const listed = await expectStatus(api.codes(small.coupon.id), 200);
    expect(listed.data).toHaveLength(10);
  }, 120_000);
});
