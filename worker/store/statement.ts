/**
 * A statement built by a store function and run later, in one batch with others (an event's facts and
 * its stored answer, say). Services pass statements along without looking inside; only the store writes
 * and runs them.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";

export type Statement = SQL;

/** A statement-sized SQL value: this JSON text, as is. */
export const jsonText = (value: unknown): Statement => sql`${JSON.stringify(value)}`;

/** Runs statements as one batch (all or nothing); the results in order. */
export function runStatements(db: Db, statements: Statement[]) {
  return db.batch(statements.map((s) => db.run(s)) as [ReturnType<Db["run"]>]);
}
