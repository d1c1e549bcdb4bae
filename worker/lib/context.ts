/** The Hono environment every route sees: the app's dependencies, who is calling, and the parsed body. */
import type { Db } from "../../db/client.js";
import type { Caller } from "./caller.js";
import type { AppConfig } from "./config.js";
import type { PendingKey } from "./planned-caller.js";

export interface AppEnv {
  Variables: {
    db: Db;
    config: AppConfig;
    requestId: string;
    caller: Caller | null;
    /** The caller's key, planned with and checked by the route's own first batch (lib/planned-caller.ts). */
    pendingKey?: PendingKey;
    /** The request's JSON body as `bodyGuard` parsed it; unset when the body is empty. */
    body?: unknown;
  };
}
