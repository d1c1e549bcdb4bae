/** The Hono environment every route sees: the database, config, and who is calling. */
import type { Db } from "../../db/client.js";
import type { AppConfig } from "./config.js";
import type { shops } from "../../db/schema.js";

export type ShopRow = typeof shops.$inferSelect;

export type Caller =
  | { kind: "admin" }
  | { kind: "secret" | "publishable"; keyId: string; shop: ShopRow };

export interface AppEnv {
  Variables: {
    db: Db;
    config: AppConfig;
    requestId: string;
    caller: Caller | null;
  };
}
