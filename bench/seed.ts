/**
 * Stores many promo codes straight into the database file, the way a big marketplace would have them:
 * multi-row INSERTs of 500 rows (coupon + its live_codes row) through the native driver, all inside one
 * transaction, so a million codes take seconds rather than the hours a million API calls would.
 */
import Database from "libsql";
import { statSync } from "node:fs";

const ROWS_PER_STATEMENT = 500;

const COUPON_COLUMNS = [
  "id",
  "shop_id",
  "type",
  "name",
  "discount_kind",
  "amount_minor",
  "min_spend_minor",
  "scope_kind",
  "code",
  "active_starts_at",
  "active_ends_at",
  "quantity",
  "origin",
  "seq",
  "created_at",
  "updated_at",
] as const;

export interface SeedTarget {
  dbFile: string;
  shopId: string;
  codePrefix: string;
  region: string;
}

/** Base-36 suffix of 6 characters: 2.1 billion distinct codes, fits the 2..8 suffix rule. */
const suffix = (n: number) => n.toString(36).toUpperCase().padStart(6, "0");

/**
 * Inserts codes number `from` .. `to - 1` (suffix `S` + base 36) for the shop. Returns seconds taken.
 * Codes are live for 20 days from now, in the shop's region, like ones created through the API.
 */
export function seedPromoCodes(t: SeedTarget, from: number, to: number): number {
  const started = performance.now();
  const db = new Database(t.dbFile, { timeout: 10_000 });
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  const now = Date.now();
  const seqBase = (db.prepare("SELECT COALESCE(MAX(seq), 0) AS s FROM coupons WHERE shop_id = ?").get([t.shopId]) as { s: number }).s;
  const couponRow = `(${COUPON_COLUMNS.map(() => "?").join(",")})`;
  const stmtFor = (n: number) => ({
    coupons: db.prepare(`INSERT INTO coupons (${COUPON_COLUMNS.join(",")}) VALUES ${Array(n).fill(couponRow).join(",")}`),
    live: db.prepare(
      `INSERT INTO live_codes (region, code, coupon_id, shop_id, active_ends_at) VALUES ${Array(n).fill("(?,?,?,?,?)").join(",")}`,
    ),
  });
  const full = stmtFor(ROWS_PER_STATEMENT);
  db.exec("BEGIN");
  try {
    for (let start = from; start < to; start += ROWS_PER_STATEMENT) {
      const end = Math.min(start + ROWS_PER_STATEMENT, to);
      const stmts = end - start === ROWS_PER_STATEMENT ? full : stmtFor(end - start);
      const c: unknown[] = [];
      const l: unknown[] = [];
      for (let i = start; i < end; i++) {
        const id = `cpn_seed${i.toString(36).padStart(8, "0")}`;
        const code = `${t.codePrefix}S${suffix(i)}`;
        const ends = now + 20 * 86_400_000;
        c.push(
          id,
          t.shopId,
          "promo_code",
          `Seeded ${i}`,
          "fixed",
          100 + (i % 50) * 10,
          (i % 10) * 500,
          "shop",
          code,
          now - 3_600_000,
          ends,
          1000,
          "manual",
          seqBase + 1 + i - from,
          now,
          now,
        );
        l.push(t.region, code, id, t.shopId, ends);
      }
      stmts.coupons.run(c);
      stmts.live.run(l);
    }
    db.exec("COMMIT");
  } catch (err) {
    db.exec("ROLLBACK");
    throw err;
  }
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  db.close();
  return (performance.now() - started) / 1000;
}

/** Size of the database on disk (main file plus any WAL not yet checkpointed). */
export function databaseBytes(dbFile: string): number {
  const size = (f: string) => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  return size(dbFile) + size(`${dbFile}-wal`);
}

/** Folds the WAL into the main file so the size measured is the database's own. */
export function checkpoint(dbFile: string): void {
  const db = new Database(dbFile, { timeout: 10_000 });
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  db.close();
}

export const seededCode = (prefix: string, i: number) => `${prefix}S${suffix(i)}`;
