/** Applies the committed drizzle-kit migrations (`db/migrations`) to a database; used by Node and deploy. */
import { migrate } from "drizzle-orm/libsql/migrator";
import { fileURLToPath } from "node:url";
import type { Db } from "./client.js";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

export async function applyMigrations(db: Db): Promise<void> {
  await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
}
