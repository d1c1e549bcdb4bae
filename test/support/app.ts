/**
 * An in-process app over a real libSQL database (`:memory:` or a temp file), with the committed
 * migrations applied: the same `createApp` the servers use. Suites call it through Hono's `testClient`
 * (`t.api(key)`), typed by the routes' contracts; `t.call` sends raw requests where no contract can type
 * them (broken JSON, other media types, paths no route has).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Db } from "../../db/client.js";
import { applyMigrations } from "../../db/migrate.js";
import { useNodeFastPaths } from "../../worker/adapters/node/host.js";
import { createNativeClient, type NativeClient } from "../../worker/adapters/node/native-client/index.js";
import { testClient } from "hono/testing";
import type { ClientResponse } from "hono/client";
import { createApp, type AppType } from "../../worker/app.js";
import type { AppConfig } from "../../worker/lib/config.js";
import { configFromEnv } from "../../worker/lib/env-config.js";
import { signBuyerToken } from "../../worker/lib/jwt.js";
import { ReadCache } from "../../worker/store/read-cache.js";
import type { z } from "@hono/zod-openapi";
import type { CreateCouponBody, CreatePromoCode } from "../../worker/contract/coupons.js";
import type { CreateShopBody, Shop } from "../../worker/contract/shops.js";
import { ProblemSchema } from "../../worker/contract/common.js";
import { buildDocument } from "../../worker/lib/openapi-document.js";
import { checkEveryExchange, ContractChecker } from "./contract.js";

export const ADMIN = "adm_test_token_0123456789";

/** The API as `testClient` types it. */
export type Api = ReturnType<typeof testClient<AppType>>;

export interface TestApp {
  app: AppType;
  db: Db;
  /** The database file (or ":memory:"). */
  path: string;
  /** The native client under `db` (its data version, statement counts). */
  client: NativeClient;
  config: AppConfig;
  /** The typed API client, calling with `key` (`Authorization: Bearer`) and any other headers. */
  api(key?: string, headers?: Record<string, string>): Api;
  /** JSON request helper: returns status, headers and the parsed body. */
  call(method: string, path: string, opts?: { key?: string; body?: unknown; headers?: Record<string, string> }): Promise<Res>;
  /** A new shop (test mode unless said otherwise) and its keys. */
  shop(over?: Partial<ShopInput>): Promise<ShopKeys>;
  /** Requests sent to the database so far (each `execute` or `batch`: a round trip to a remote one). */
  trips(): number;
}

export interface Res<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** The body of `POST /v1/shops`. */
export type ShopInput = z.input<typeof CreateShopBody>;

export interface ShopKeys {
  id: string;
  code_prefix: string;
  sk: string;
  pk: string;
  buyerSecret: string;
  shop: Shop;
  /** A buyer token for this shop (HS256, 1 hour). */
  token(buyerId: string): Promise<string>;
}

/** One checker per test process: every app of it has the same document. */
let checker: ContractChecker | undefined;
export const contractChecker = (app: AppType) => (checker ??= new ContractChecker(buildDocument(app)));

/**
 * `edge: true` configures the app as the Workers entry does (one batch per request with the key check
 * inside, no read cache but the latest coupons, WebCrypto's SHA-256) over the same local database, so the
 * edge's request plans run in process; `trips()` counts what they send.
 */
export async function makeTestApp(opts: { file?: boolean | string; env?: Record<string, string>; edge?: boolean } = {}): Promise<TestApp> {
  // The native client, as the Node server uses for local databases (WAL, busy timeout, foreign keys).
  // `file: true` is a new temp file; a path opens that file (a second app on it acts as a second process).
  const path =
    typeof opts.file === "string" ? opts.file : opts.file ? join(mkdtempSync(join(tmpdir(), "coupons-")), "db.sqlite") : ":memory:";
  const client = createNativeClient(path);
  await applyMigrations(createDb(client));
  let sent = 0;
  const counted = new Proxy(client, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (prop !== "execute" && prop !== "batch") return typeof v === "function" ? v.bind(target) : v;
      return (...args: unknown[]) => {
        sent++;
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const db = createDb(counted);
  const config = configFromEnv(opts.env ?? {}, ADMIN);
  if (opts.edge ?? process.env.TEST_EDGE === "1") {
    config.oneRoundTrip = true;
    config.readCache = ReadCache.latestOnly();
  } else {
    // As the Node server: reads are cached while the database is unchanged, so every suite runs through it.
    useNodeFastPaths(config, client);
  }
  const app = createApp({ db, config });
  // Every exchange of every suite keeps the OpenAPI document, or the call that broke it fails.
  checkEveryExchange(app, () => contractChecker(app));
  const api: TestApp["api"] = (key, headers = {}) =>
    testClient(app, undefined, undefined, { headers: key ? { ...headers, authorization: `Bearer ${key}` } : headers });
  const call: TestApp["call"] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.key) headers.authorization = `Bearer ${o.key}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      headers["content-type"] ??= "application/json";
      body = typeof o.body === "string" ? o.body : JSON.stringify(o.body);
    }
    const res = await app.request(path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
  let n = 0;
  const shop: TestApp["shop"] = async (over = {}) => {
    n++;
    const json = {
      name: `Shop ${n}`,
      region: "US",
      currency: "USD",
      mode: "test" as const,
      allowed_origins: [],
      addon_coupons: false,
      ...over,
    };
    const b = await expectStatus(api(ADMIN).v1.shops.$post({ json }), 201);
    return {
      id: b.shop.id,
      code_prefix: b.shop.code_prefix,
      sk: b.secret_key,
      pk: b.publishable_key,
      buyerSecret: b.buyer_token_secret,
      shop: b.shop,
      token: (buyerId: string) => signBuyerToken(b.buyer_token_secret, buyerId, Math.floor(Date.now() / 1000) + 3600),
    };
  };
  return { app, db, path, client, config, api, call, shop, trips: () => sent };
}

/** The answer of a typed call with this status: its body, typed by the route's contract for that status. */
type BodyOf<R, S extends number> = R extends ClientResponse<infer T, S, "json"> ? T : never;

/** A raw answer's body as the problem+json every refusal is: checked against the Problem schema, then typed. */
export function problemOf(res: { body: unknown }): z.infer<typeof ProblemSchema> {
  return ProblemSchema.parse(res.body);
}

/** A raw answer's body checked against a contract schema (`worker/contract/`), then typed by it. */
export function bodyAs<S extends z.ZodType>(res: { body: unknown }, schema: S): z.output<S> {
  return schema.parse(res.body);
}

/** Every field any of a union's members has, each optional and typed as that member types it. */
export type AnyOf<U> = { [K in U extends unknown ? keyof U : never]?: U extends { [P in K]?: infer V } ? V : never };

/** A typed call's answer whatever its status: the body holds the fields of every answer the route declares. */
export interface Answer<R extends ClientResponse<unknown, number, string>> {
  status: R["status"];
  headers: Headers;
  body: AnyOf<BodyOf<R, R["status"]>>;
}

/** The answer of a typed call, for tests that look at the status, headers and body together. */
export async function answer<R extends ClientResponse<unknown, number, string>>(call: R | Promise<R>): Promise<Answer<R>> {
  const res = await call;
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
}

/**
 * Asserts a typed call answered `status` and reads its body as that status's contract types it; a
 * different status fails with the answer's body in the message.
 */
export async function expectStatus<R extends ClientResponse<unknown, number, string>, S extends R["status"]>(
  call: R | Promise<R>,
  status: S,
): Promise<BodyOf<R, S>> {
  const res = await call;
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as BodyOf<R, S>;
}

/** RFC 3339 time `ms` from a base (default: real now). */
export const at = (offsetMs: number, base = Date.now()) => new Date(base + offsetMs).toISOString();
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A one-line cart of `value` minor units. */
export function cart(
  lines: { product_id?: string; quantity?: number; unit_price_minor: number; product_discount_minor?: number }[],
  currency = "USD",
) {
  return {
    currency,
    lines: lines.map((l, i) => ({
      line_id: `l${i + 1}`,
      product_id: l.product_id ?? `p${i + 1}`,
      quantity: l.quantity ?? 1,
      unit_price_minor: l.unit_price_minor,
      product_discount_minor: l.product_discount_minor ?? 0,
    })),
    shipping_minor: 0,
    shipping_discount_minor: 0,
  };
}

type PromoInput = z.input<typeof CreatePromoCode>;
type ClaimableInput<T extends "regular" | "follower" | "chat"> = Extract<z.input<typeof CreateCouponBody>, { type: T }>;

/** A promo-code creation body with sensible defaults. */
export function promoBody(over: Partial<PromoInput> = {}): PromoInput {
  return {
    type: "promo_code",
    name: `Promo ${Math.random().toString(36).slice(2, 8)}`,
    discount: { kind: "fixed", amount_minor: 500 },
    min_spend_minor: 0,
    quantity: 100,
    active_starts_at: at(-MINUTE),
    active_ends_at: at(7 * DAY),
    ...over,
  };
}

/** A claimable coupon's creation body (regular by default; follower and chat too) with sensible defaults. */
export function claimableBody<T extends "regular" | "follower" | "chat" = "regular">(
  type: T = "regular" as T,
  over: Partial<ClaimableInput<T>> = {},
): ClaimableInput<T> {
  return {
    type,
    name: `${type} ${Math.random().toString(36).slice(2, 8)}`,
    discount: { kind: "fixed", amount_minor: type === "follower" ? 300 : 500 },
    claim_starts_at: at(-MINUTE),
    claim_ends_at: at(60 * DAY),
    validity: { kind: "days_after_claim", days: 7 },
    quantity: 10,
    ...over,
  } as ClaimableInput<T>;
}
