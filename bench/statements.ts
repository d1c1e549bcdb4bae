/**
 * Where a request's database time goes: the coupon look-up every quote runs, through `@libsql/client`
 * (which prepares the statement and reads its column metadata on every call), through the server's native
 * client (worker/adapters/node/native-client: prepared once, rows built per column list) and as a bare native libSQL
 * statement prepared once. CPU microseconds per call, on the bench's database file.
 */
import { createClient } from "@libsql/client";
import Database from "libsql";
import { createNativeClient } from "../worker/adapters/node/native-client/index.js";

/** Calls before measuring, the same for each way, so each runs JIT-compiled code. */
const WARM_UP = 2000;
const LOOKUP = `SELECT * FROM coupons WHERE shop_id = ? AND code = ? ORDER BY +seq DESC LIMIT 1`;

function cpuPerCall(fn: () => unknown, n: number): number {
  for (let i = 0; i < WARM_UP; i++) fn();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const cu = process.cpuUsage(c0);
  return (cu.user + cu.system) / n;
}

export interface StatementCost {
  clientUs: number;
  serverUs: number;
  nativeUs: number;
  columns: number;
}

export async function statementCost(dbFile: string, shopId: string, code: string): Promise<StatementCost> {
  const client = createClient({ url: `file:${dbFile}` });
  const args = [shopId, code];
  // The client's execute is synchronous inside its promise; awaiting in a loop measures the same work.
  for (let i = 0; i < WARM_UP; i++) await client.execute({ sql: LOOKUP, args });
  const n = 3000;
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await client.execute({ sql: LOOKUP, args });
  const cu = process.cpuUsage(c0);
  const clientUs = (cu.user + cu.system) / n;
  client.close();
  const server = createNativeClient(dbFile);
  for (let i = 0; i < WARM_UP; i++) await server.execute({ sql: LOOKUP, args });
  const s0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await server.execute({ sql: LOOKUP, args });
  const su = process.cpuUsage(s0);
  const serverUs = (su.user + su.system) / n;
  server.close();
  const db = new Database(dbFile, { readonly: true });
  const stmt = db.prepare(LOOKUP);
  stmt.raw(true);
  const columns = stmt.columns().length;
  const nativeUs = cpuPerCall(() => stmt.all(args), n);
  db.close();
  return { clientUs, serverUs, nativeUs, columns };
}
