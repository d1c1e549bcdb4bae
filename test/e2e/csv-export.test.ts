/**
 * A 100,000-row CSV download from a really started server (`npm start`'s `worker/node.ts`): every row
 * arrives and parses (RFC 4180, including values with quotes, commas and line breaks), sent as a chunked,
 * compressed stream rather than a body built whole first. The rows are written straight into the server's database
 * file in batches (through the API they would take minutes), as a second process would.
 */
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNativeClient } from "../../worker/adapters/node/native-client/index.js";
import { serverCalls } from "../support/api.js";
import { expectStatus } from "../support/app.js";
import { startServer, type StartedServer } from "../support/server.js";

const ROWS = 100_000;
let server: StartedServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("a 100,000-row export", () => {
  it("streams every redemption of the shop as CSV rows that all arrive and parse", { timeout: 120_000 }, async () => {
    const { secretKey: sk, shopId } = server.demo;
    const promo = await expectStatus(
      serverCalls(server.url, sk).createCoupon({
        type: "promo_code",
        name: "Export",
        code: "EXPORT",
        discount: { kind: "fixed", amount_minor: 500 },
        quantity: 1_000_000,
        active_starts_at: new Date(Date.now() - 60_000).toISOString(),
        active_ends_at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      }),
      201,
    );
    const couponId = promo.coupon.id;

    const db = createNativeClient(server.dbFile);
    const base = Date.UTC(2030, 0, 1);
    try {
      for (let from = 0; from < ROWS; from += 10_000) {
        // Every 1,000th order id needs quoting: a comma, quotes and a CRLF line break.
        await db.execute({
          sql: `WITH RECURSIVE n(i) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO redemptions (id, shop_id, coupon_id, claim_id, buyer_id, order_id, code, state, discount_minor, subtotal_minor,
              allocations, reserved_at, expires_at, committed_at, released_at, release_reason)
            SELECT printf('red_%07d', i), ?, ?, NULL, 'buyer-' || (i % 997),
              CASE WHEN i % 1000 = 0 THEN 'order "' || i || '", ok' || char(13, 10) || 'next' ELSE 'order-' || i END,
              'DEMOEXPORT', 'committed', 500, 4000 + i % 100, '[{"line_id":"l1","discount_minor":500}]',
              ? + i * 1000, ? + i * 1000 + 1800000, ? + i * 1000 + 60000, NULL, NULL
            FROM n`,
          args: [from, from + 9_999, shopId, couponId, base, base, base],
        });
      }
    } finally {
      db.close();
    }

    const res = await fetch(`${server.url}/v1/redemptions`, { headers: { authorization: `Bearer ${sk}`, accept: "text/csv" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="redemptions-\d{4}-\d{2}-\d{2}\.csv"$/);
    // Streamed: the server did not know the length up front.
    expect(res.headers.get("content-length")).toBeNull();
    expect(res.headers.get("transfer-encoding")).toBe("chunked");
    // Compressed on the way (fetch asks for it), as a stream too: Node's compression never reads a download whole.
    expect(["br", "gzip"]).toContain(res.headers.get("content-encoding"));

    const started = performance.now();
    const parser = Readable.fromWeb(res.body as never).pipe(parse({ columns: true }));
    let count = 0;
    let outOfOrder = 0;
    let previous = Number.POSITIVE_INFINITY;
    const seen = new Set<string>();
    const wrong: unknown[] = [];
    for await (const row of parser as AsyncIterable<Record<string, string>>) {
      const i = Number(row.id.slice(4));
      // Newest first: ids were written in time order.
      if (!(i < previous)) outOfOrder++;
      previous = i;
      seen.add(row.id);
      const order = i % 1000 === 0 ? `order "${i}", ok\r\nnext` : `order-${i}`;
      if (
        row.order_id !== order ||
        row.buyer_id !== `buyer-${i % 997}` ||
        row.subtotal_minor !== String(4000 + (i % 100)) ||
        row.state !== "committed"
      )
        wrong.push(row);
      count++;
    }
    console.log(`100,000-row CSV read and parsed in ${Math.round(performance.now() - started)} ms`);
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(outOfOrder).toBe(0);
    expect(count).toBe(ROWS);
    expect(seen.size).toBe(ROWS);
    expect(previous).toBe(0);
  });
});
