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

/**
 * A fixed statement text with `?` arguments as Drizzle SQL, so the one text both runs alone through the
 * client (`db.$client.execute`, prepared once on Node) and rides in a Drizzle batch.
 */
export function fixedSql(text: string, args: readonly unknown[]): Statement {
  const parts = text.split("?");
  if (parts.length !== args.length + 1) throw new Error(`fixedSql: ${parts.length - 1} placeholders, ${args.length} arguments`);
  return sql.join(parts.flatMap((p, i) => (i === 0 ? [sql.raw(p)] : [sql`${args[i - 1]}`, sql.raw(p)])));
}
