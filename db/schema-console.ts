/** The seller console's sessions (README "Seller console"), exported with the rest by db/schema.ts. */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Seller console sessions (README "Seller console"): a signed-in browser holds a random token in an
 * HttpOnly cookie; only its SHA-256 is stored here, so a database leak yields no usable session. A
 * session acts as the secret key it was opened with (`key_id`), and dies with that key's revocation.
 * It expires after 12 hours without use (`expires_at` slides forward as it is used).
 */
export const consoleSessions = sqliteTable(
  "console_sessions",
  {
    token_hash: text("token_hash").primaryKey(),
    shop_id: text("shop_id").notNull(),
    key_id: text("key_id").notNull(),
    created_at: integer("created_at").notNull(),
    last_used_at: integer("last_used_at").notNull(),
    expires_at: integer("expires_at").notNull(),
  },
  (t) => [index("console_sessions_expiry").on(t.expires_at)],
);
