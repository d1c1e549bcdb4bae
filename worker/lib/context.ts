/** The Hono environment every route sees: the app's dependencies, who is calling, and the parsed body. */
import type { Db } from "../../db/client.js";
import type { Caller } from "./caller.js";
import type { AppConfig } from "./config.js";

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
