/** Row 4: redemptions by distinct buyers at full load, and the race that must not oversell. */
import Database from "libsql";
import type { benchCart } from "./engine.js";
import { type LoadResult, load } from "./http.js";
import type { Row } from "./report.js";
import { httpRow, log } from "./rows.js";

/**
 * Redemptions by distinct buyers at full load, then an oversell probe: 1,000 distinct buyers race for a
 * code with 200 units, and the database must hold exactly 200 live uses. Falls back to claims, or to a
 * "route not available" row, while those routes do not exist.
 */
export async function redemptionRow(
  url: string,
  dbFile: string,
  shop: { id: string; sk: string },
  promo: (code: string, quantity: number) => Promise<{ id: string; code: string }>,
  cart: ReturnType<typeof benchCart>,
  base: LoadResult,
  { connections, seconds }: { connections: number; seconds: number },
): Promise<{ row: Row; load?: LoadResult }> {
  const target = "≥ 2,000/s, no unit oversold";
  const run = `r${Date.now().toString(36)}`;
  const coupon = await promo("REDEEM", 1_000_000);
  const body = (n: number, code: string) => JSON.stringify({ buyer_id: `${run}-b${n}`, order_id: `${run}-o${n}`, code, cart });
  const probe = await fetch(`${url}/v1/checkout/redemptions`, {
    method: "POST",
    headers: { authorization: `Bearer ${shop.sk}`, "content-type": "application/json", "idempotency-key": `${run}-probe` },
    body: body(-1, coupon.code),
  });
  const probeBody = (await probe.json()) as { code?: string };
  if (probe.status === 404 && probeBody.code === "route_not_found") {
    log("POST /v1/checkout/redemptions: route not available");
    return {
      row: {
        n: "4",
        what: "`POST /v1/checkout/redemptions`, distinct buyers",
        value: "route not available (not built yet)",
        p50: "—",
        p99: "—",
        ratio: "—",
        target,
        met: "n/a",
      },
    };
  }
  if (probe.status !== 201) throw new Error(`redemption probe: ${probe.status} ${JSON.stringify(probeBody)}`);
  log("POST /v1/checkout/redemptions");
  let n = 0;
  const spec = (code: string) => ({
    url: `${url}/v1/checkout/redemptions`,
    method: "POST" as const,
    headers: { authorization: `Bearer ${shop.sk}` },
    next: () => ({ body: body(n, code), headers: { "idempotency-key": `${run}-k${n++}` } }),
    connections,
  });
  await load({ ...spec(coupon.code), seconds: 2 });
  const r = await load({ ...spec(coupon.code), seconds });

  // Oversell probe: exactly `quantity` uses may exist, however many buyers race.
  const small = await promo("OVERSELL", 200);
  const races = await Promise.all(
    Array.from({ length: 1000 }, async (_, i) => {
      const res = await fetch(`${url}/v1/checkout/redemptions`, {
        method: "POST",
        headers: { authorization: `Bearer ${shop.sk}`, "content-type": "application/json", "idempotency-key": `${run}-o${i}` },
        body: JSON.stringify({ buyer_id: `${run}-ob${i}`, order_id: `${run}-oo${i}`, code: small.code, cart }),
      });
      await res.arrayBuffer();
      return res.status;
    }),
  );
  const won = races.filter((s) => s === 201).length;
  const dbFileCount = countUses(dbFile, small.id);
  const oversold = won > 200 || dbFileCount.counter > 200 || dbFileCount.rows > 200;
  const note = `; race of 1,000 buyers for 200 units: ${won} × 201, counter ${dbFileCount.counter}, rows ${dbFileCount.rows}`;
  const row = httpRow("4", "`POST /v1/checkout/redemptions`, distinct buyers", r, base, target);
  return { row: { ...row, value: row.value + note, met: r.rps >= 2000 && !oversold ? "yes" : "no" }, load: r };
}

/** Live uses of a coupon as the database holds them: its counter and its non-released redemption rows. */
function countUses(dbFile: string, couponId: string): { counter: number; rows: number } {
  const db = new Database(dbFile, { readonly: true });
  const c = db.prepare("SELECT reserved_count + used_count AS n FROM coupons WHERE id = ?").get([couponId]) as { n: number };
  const r = db.prepare("SELECT count(*) AS n FROM redemptions WHERE coupon_id = ? AND state <> 'released'").get([couponId]) as {
    n: number;
  };
  db.close();
  return { counter: c.n, rows: r.n };
}
