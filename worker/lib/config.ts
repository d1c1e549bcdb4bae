/** Everything the app needs from its host, passed to `createApp` by the Node or Workers entry. */
import type { Db } from "../../db/client.js";
import type { Context } from "hono";
import type { AppEnv } from "./context.js";
import type { CallerCache } from "./caller-cache.js";
import type { SyncSha256 } from "./crypto.js";
import type { GuessLimiter } from "./rate-limit.js";
import type { ParseCompiler } from "./router.js";
import type { ReadCache } from "../store/read-cache.js";

export interface AppConfig {
  /** Platform operator token; compared in constant time. */
  adminToken: string;
  /** Real time source (tokens, rate limits, and shops without a test clock). */
  now: () => number;
  /** Failed code look-ups allowed per minute to one client (a buyer, or a client address) of a shop. */
  failedLookupsPerMinute: number;
  /** Failed code look-ups allowed per minute to a whole shop, all its clients together (the ceiling). */
  shopFailedLookupsPerMinute: number;
  /** The platform's blocked words for promo codes (R20; entries as engine/text-safety.ts reads them). */
  blockedWords: string[];
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  rateLimiter: GuessLimiter;
  /**
   * The database is a network round trip away (Workers): reads go together in one batch, and routes marked
   * `keyCheckedInBatch` check the caller's key inside it (README "A request at the edge").
   */
  oneRoundTrip?: boolean;
  /** Resolved keys, per process or isolate; writes to a shop or its keys must call `dropShop`. */
  callerCache?: CallerCache;
  /**
   * Hot reads (codes, wallets, a buyer's uses) kept while the database is unchanged; only where the host
   * can tell that (Node's local file: `NativeClient.dataVersion`). Absent: every read goes to the database.
   */
  readCache?: ReadCache;
  /** SHA-256 (hex) computed synchronously where the host has it (Node's `crypto`); else WebCrypto's async one. */
  sha256Hex?: SyncSha256;
  /** Compiles a request schema's success path where the host may generate code (Node); else zod parses alone (lib/router.ts). */
  compileParse?: ParseCompiler;
  /** The client's address where the host knows it (Node: the socket; Workers: `cf-connecting-ip`). */
  clientAddress?: (c: Context<AppEnv>) => string | undefined;
  /**
   * Every address a host name resolves to, where the host can resolve names (Node's DNS): a live shop's
   * webhook URL must resolve to public addresses only. Absent (Workers): only the URL as written is judged.
   */
  resolveHost?: (host: string) => Promise<string[]>;
  /** Static assets the host provides (the widget bundle, the demo page, the seller console), if any; see worker/site/. */
  assets?: {
    widgetJs?: () => Promise<string>;
    /**
     * A module served beside the widget, by its path under `/widget/` without `.js` (`coupon-summary`,
     * `locales/de`): its source, importing the widget relatively (`../widget.js`, `../../widget.js`);
     * undefined for a module the host does not have.
     */
    widgetModuleJs?: (name: string) => Promise<string | undefined>;
    /** The modules beside the widget, as `widgetModuleJs` names them (listed by `/widget/manifest.json`). */
    widgetModules?: string[];
    /** A file of the docs viewer (swagger-ui-dist), where the host serves it itself (Node; Workers use `[assets]`). */
    docsFile?: (name: string) => Promise<Uint8Array<ArrayBuffer> | undefined>;
    demoHtml?: () => Promise<string>;
    console?: () => Promise<ConsoleAssets>;
  };
}

export interface AppDeps {
  db: Db;
  config: AppConfig;
}

/** The seller console as built by scripts/build-console.ts: its page and its scripts by file name. */
export interface ConsoleAssets {
  html: string;
  /** Script name → source; empty where the host serves the scripts as static files (Workers' `[assets]`). */
  files: Record<string, string>;
}
