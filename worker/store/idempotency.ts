/**
 * `Idempotency-Key` answers: the first answer to a key is stored with a hash of the request it answered,
 * in the same batch as the change it reports (or alone, for a refusal). The primary key (shop, key) makes
 * the first writer win; everyone else replays its answer.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { idempotencyKeys } from "../../db/schema.js";

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

export interface StoredAnswer {
  shop_id: string;
  key: string;
  route: string;
  body_hash: string;
  status: number;
  response: unknown;
  created_at: number;
}

export async function getIdempotencyRow(db: Db, shopId: string, key: string): Promise<IdempotencyRow | undefined> {
  return (
    await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.shop_id, shopId), eq(idempotencyKeys.key, key)))
      .limit(1)
  )[0];
}

/** The INSERT of an answer, only if `onlyIf` holds (the change it reports was written). */
export function storeAnswerSql(a: StoredAnswer, onlyIf: SQL): SQL {
  return sql`INSERT INTO idempotency_keys (shop_id, key, route, body_hash, status, response, created_at)
    SELECT ${a.shop_id}, ${a.key}, ${a.route}, ${a.body_hash}, ${a.status}, ${JSON.stringify(a.response)}, ${a.created_at}
    WHERE ${onlyIf}`;
}

/** Stores an answer that changed nothing (a refusal); false when another answer holds the key already. */
export async function storeAnswerIfFirst(db: Db, a: StoredAnswer): Promise<boolean> {
  const res = await db.run(sql`INSERT INTO idempotency_keys (shop_id, key, route, body_hash, status, response, created_at)
    VALUES (${a.shop_id}, ${a.key}, ${a.route}, ${a.body_hash}, ${a.status}, ${JSON.stringify(a.response)}, ${a.created_at})
    ON CONFLICT (shop_id, key) DO NOTHING`);
  return res.rowsAffected === 1;
}
