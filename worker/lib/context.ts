/** The Hono environment every route sees: the app's dependencies, who is calling, and the parsed body. */
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
    /** The request's JSON body as `bodyGuard` parsed it; unset when the body is empty. */
    body?: unknown;
  };
}
