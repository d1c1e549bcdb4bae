/**
 * A shop's rows of a small table (its API keys, its webhook endpoints), newest first by SQLite's rowid:
 * insertion order, where `created_at` can tie (a shop's first two keys are made in one instant), so a page
 * boundary never skips or repeats a row. `before` is the previous page's last rowid (`pos`).
 */
import { and, desc, eq, type InferSelectModel, lt, sql } from "drizzle-orm";
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client.js";
import { queryRead, type Read } from "./batch.js";

type ShopTable = SQLiteTable & { shop_id: AnySQLiteColumn };

export function shopRowsByRowid<T extends ShopTable>(
  db: Db,
  table: T,
  shopId: string,
  limit: number,
  before: number | null,
): Read<(InferSelectModel<T> & { pos: number })[]> {
  const where = [eq(table.shop_id, shopId)];
  if (before != null) where.push(lt(sql`rowid`, before));
  return queryRead(
    () =>
      db
        .select({ row: table as SQLiteTable, pos: sql<number>`rowid` })
        .from(table as SQLiteTable)
        .where(and(...where))
        .orderBy(desc(sql`rowid`))
        .limit(limit),
    (rows) => rows.map((r) => ({ ...(r.row as InferSelectModel<T>), pos: Number(r.pos) })),
  );
}
