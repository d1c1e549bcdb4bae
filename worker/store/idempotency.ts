/**
 * `Idempotency-Key` answers: the first answer to a key is stored with a hash of the request it answered,
 * in the same batch as the change it reports (or alone, for a refusal). The primary key (shop, key) makes
 * the first writer win; everyone else replays its answer.
 */
import type { InStatement } from "@libsql/client";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { idempotencyKeys } from "../../db/schema.js";
import { UNCHECKED, writeBatch, type Read, type WritePlan } from "./batch.js";
import { fixedSql } from "./statement.js";
import { keyGuard } from "./key-check.js";

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
  const rs = await db.$client.execute({ sql: ANSWER, args: [shopId, key] });
  return answerFromRows(rs.rows);
}

const ANSWER = "SELECT shop_id, key, route, body_hash, status, response, created_at FROM idempotency_keys WHERE shop_id = ? AND key = ?";

/** `getIdempotencyRow` as a read that may ride in a batch with the key check (store/batch.ts). */
export function idempotencyRowRead(db: Db, shopId: string, key: string): Read<IdempotencyRow | undefined> {
  return {
    key: null,
    load: () => getIdempotencyRow(db, shopId, key),
    query: () => db.all(fixedSql(ANSWER, [shopId, key])),
    map: (rows) => answerFromRows(rows as Record<string, unknown>[]),
  };
}

function answerFromRows(rows: readonly Record<string, unknown>[]): IdempotencyRow | undefined {
  const r = rows[0];
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

/**
 * Stores an answer that changed nothing (a refusal); false when another answer holds the key already. With
 * a key check planned, only while the key is active (store/key-check.ts).
 */
export async function storeAnswerIfFirst(db: Db, a: StoredAnswer, plan: WritePlan = UNCHECKED): Promise<boolean> {
  const [res] = (await writeBatch(db, plan, [
    db.run(sql`INSERT INTO idempotency_keys (shop_id, key, route, body_hash, status, response, created_at)
      SELECT ${a.shop_id}, ${a.key}, ${a.route}, ${a.body_hash}, ${a.status}, ${JSON.stringify(a.response)}, ${a.created_at}
      WHERE ${keyGuard(plan.keyCheck)}
      ON CONFLICT (shop_id, key) DO NOTHING`),
  ])) as { rowsAffected: number }[];
  return res.rowsAffected === 1;
}
