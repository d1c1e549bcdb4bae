/**
 * Where a request's database time goes: the coupon look-up every quote runs, through `@libsql/client`
 * (which prepares the statement and reads its column metadata on every call) and through a native libSQL
 * statement prepared once. CPU microseconds per call, on the bench's database file.
 */
import { createClient } from "@libsql/client";
import Database from "libsql";

const LOOKUP = `SELECT * FROM coupons WHERE shop_id = ? AND code = ? ORDER BY +seq DESC LIMIT 1`;

function cpuPerCall(fn: () => unknown, n: number): number {
  for (let i = 0; i < 200; i++) fn();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const cu = process.cpuUsage(c0);
  return (cu.user + cu.system) / n;
}

export async function statementCost(dbFile: string, shopId: string, code: string): Promise<{ clientUs: number; nativeUs: number; columns: number }> {
  const client = createClient({ url: `file:${dbFile}` });
  const args = [shopId, code];
  // The client's execute is synchronous inside its promise; awaiting in a loop measures the same work.
  for (let i = 0; i < 200; i++) await client.execute({ sql: LOOKUP, args });
  const n = 3000;
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await client.execute({ sql: LOOKUP, args });
  const cu = process.cpuUsage(c0);
  const clientUs = (cu.user + cu.system) / n;
  client.close();
  const db = new Database(dbFile, { readonly: true });
  const stmt = db.prepare(LOOKUP);
  stmt.raw(true);
  const columns = stmt.columns().length;
  const nativeUs = cpuPerCall(() => stmt.all(args), n);
  db.close();
  return { clientUs, nativeUs, columns };
}
