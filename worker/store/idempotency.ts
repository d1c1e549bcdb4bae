/**
 * `Idempotency-Key` answers: the first answer to a key is stored with a hash of the request it answered,
 * in the same batch as the change it reports (or alone, for a refusal). The primary key (shop, key) makes
 * the first writer win; everyone else replays its answer.
 */
import type { InStatement } from "@libsql/client";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { idempotencyKeys } from "../../db/schema.js";

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

export interface StoredAnswer {
  shop_id: string;
  key: string;
  route: string;
  body_hash: string;
  status: number;
  response: unknown;
  /** `response` already as JSON text, if the caller has it. */
  response_json?: string;
  created_at: number;
}

/** The stored answer to a key, if any (every redemption with a key asks: one fixed statement, no query building). */
export async function getIdempotencyRow(db: Db, shopId: string, key: string): Promise<IdempotencyRow | undefined> {
  const rs = await db.$client.execute({
    sql: "SELECT shop_id, key, route, body_hash, status, response, created_at FROM idempotency_keys WHERE shop_id = ? AND key = ?",
    args: [shopId, key],
  });
  const r = rs.rows[0];
  if (!r) return undefined;
  return {
    shop_id: String(r.shop_id),
    key: String(r.key),
    route: String(r.route),
    body_hash: String(r.body_hash),
    status: r.status == null ? null : Number(r.status),
    response: r.response == null ? null : JSON.parse(String(r.response)),
    created_at: Number(r.created_at),
  };
}

/** The INSERT of an answer, only if the redemption `writtenId` was written in the same batch. */
export function storeAnswerStatement(a: StoredAnswer, writtenId: string): InStatement {
  return {
    sql: `INSERT INTO idempotency_keys (shop_id, key, route, body_hash, status, response, created_at)
      SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM redemptions WHERE id = ?)`,
    args: [a.shop_id, a.key, a.route, a.body_hash, a.status, a.response_json ?? JSON.stringify(a.response), a.created_at, writtenId],
  };
}

/** Stores an answer that changed nothing (a refusal); false when another answer holds the key already. */
export async function storeAnswerIfFirst(db: Db, a: StoredAnswer): Promise<boolean> {
  const res = await db.run(sql`INSERT INTO idempotency_keys (shop_id, key, route, body_hash, status, response, created_at)
    VALUES (${a.shop_id}, ${a.key}, ${a.route}, ${a.body_hash}, ${a.status}, ${JSON.stringify(a.response)}, ${a.created_at})
    ON CONFLICT (shop_id, key) DO NOTHING`);
  return res.rowsAffected === 1;
}
