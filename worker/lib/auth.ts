/**
 * Who is calling: the platform operator (admin token), a shop's secret key (server side) or publishable
 * key (storefront), and for buyer-specific calls, the buyer. Keys are looked up by their SHA-256 hash.
 */
import type { Context, MiddlewareHandler } from "hono";
import { findActiveKey } from "../store/api-keys.js";
import { shopNow, type Caller, type Seller, type ShopCaller } from "./caller.js";
import { sessionCaller, slidePlannedSession } from "./console-session.js";
import type { AppEnv } from "./context.js";
import { sha256Hex, timingSafeEqual } from "./crypto.js";
import { requestDeps, type Deps } from "./deps.js";
import { verifyBuyerToken } from "./jwt.js";
import { CallerChanged, checksKeyInBatch, unknownKey } from "./planned-caller.js";
import { ApiError, problemBody } from "./problem.js";

const KEY_PATTERN = /^(sk|pk)_(test|live)_[A-Za-z0-9]{16,64}$/;

/**
 * Resolves the caller onto `c.get("caller")`: the bearer credential, or without one the console session
 * (lib/console-session.ts), or null; routes then demand the kind they need.
 */
export const identifyCaller: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("authorization");
  const caller = header ? await resolveCaller(c, header) : await sessionCaller(c);
  c.set("caller", caller);
  // Checked here, before any body or query is validated, so a public key learns nothing about the
  // shape of seller routes (403 whatever it sends); the caller is set first so CORS still applies.
  if (caller?.kind === "publishable" && !publishableMayCall(c.req.method, c.req.path))
    throw new ApiError(403, "forbidden", "A publishable key reaches only storefront, checkout quote and promo-code lookup routes.");
  await next();
  // A planned key must have been checked before anything succeeded (lib/planned-caller.ts).
  const pending = c.get("pendingKey");
  if (pending && !pending.confirmed && c.res.status < 400) {
    console.error(`[${c.get("requestId")}] ${c.req.method} ${c.req.path} answered ${c.res.status} before its key was checked`);
    c.res = new Response(
      JSON.stringify(problemBody(500, "internal_error", "Something went wrong on our side; the request id helps us find it.")),
      {
        status: 500,
        headers: { "Content-Type": "application/problem+json" },
      },
    );
  }
  if (!header) await slidePlannedSession(c);
};

/**
 * README "Security and durability", keys: `/v1/storefront/*`, `/v1/checkout/quote`, `GET /v1/promo-codes/{code}` —
 * but not the seller's `GET /v1/promo-codes/availability`, whose route is matched before `{code}`.
 */
export function publishableMayCall(method: string, path: string): boolean {
  if (path.startsWith("/v1/storefront/")) return true;
  if (method === "POST" && path === "/v1/checkout/quote") return true;
  return (method === "GET" || method === "HEAD") && /^\/v1\/promo-codes\/[^/]+$/.test(path) && path !== "/v1/promo-codes/availability";
}

async function resolveCaller(c: Context<AppEnv>, header: string): Promise<Caller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiError(401, "unauthorized", "Authorization must be `Bearer <key>`.");
  const token = match[1];
  if (timingSafeEqual(token, c.get("config").adminToken)) return { kind: "admin" };
  if (!KEY_PATTERN.test(token)) throw unknownKey();
  const config = c.get("config");
  const cache = config.callerCache;
  const now = config.now();
  const epoch = cache?.epoch() ?? 0;
  // A route that checks the key in its own first batch plans with the key's shop as last seen, however
  // old (lib/planned-caller.ts); a publishable key only where it may call the route at all.
  const planned = config.oneRoundTrip && checksKeyInBatch(c) ? cache?.plan(token) : undefined;
  if (planned && (planned.caller.kind === "secret" || publishableMayCall(c.req.method, c.req.path))) {
    c.set("pendingKey", { token, hash: planned.hash, planned: planned.caller, confirmed: false, epoch });
    return planned.caller;
  }
  const cached = cache?.get(token, now);
  if (cached) return cached;
  const hash = await sha256Hex(token);
  const caller = await findActiveKey(c.get("db"), hash);
  if (!caller) throw unknownKey();
  cache?.set(token, hash, caller, now, epoch);
  return caller;
}

/**
 * Runs a service for the caller `require` demands, with the request's `Deps`. When the caller was planned
 * (lib/planned-caller.ts) and its batch found the shop changed, the service runs again for the shop as it
 * is: nothing was written (its writes are guarded by the planned shop), and it is rare.
 */
export async function withCaller<C, T>(
  c: Context<AppEnv>,
  require: (c: Context<AppEnv>) => C,
  run: (caller: C, deps: Deps) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run(require(c), requestDeps(c));
    } catch (err) {
      if (!(err instanceof CallerChanged) || attempt >= 2) throw err;
    }
  }
}

export function requireAdmin(c: Context<AppEnv>): void {
  const caller = c.get("caller");
  if (!caller) throw new ApiError(401, "unauthorized", "This route needs the platform admin token.");
  if (caller.kind !== "admin") throw new ApiError(403, "forbidden", "This route needs the platform admin token.");
}

/** The seller behind a secret key (seller routes). */
export function requireSecret(c: Context<AppEnv>): Seller {
  const caller = c.get("caller");
  if (!caller) throw new ApiError(401, "unauthorized", "This route needs a secret key (`sk_…`).");
  if (caller.kind !== "secret") throw new ApiError(403, "forbidden", "This route needs a secret key (`sk_…`).");
  return { shop: caller.shop, keyId: caller.keyId, kind: "secret", now: shopNow(caller.shop, c.get("config").now()) };
}

/** The platform operator, or the seller behind a secret key (shop settings: the operator's, partly the seller's). */
export function requireAdminOrSecret(c: Context<AppEnv>): { kind: "admin" } | Seller {
  const caller = c.get("caller");
  if (caller?.kind === "admin") return caller;
  if (caller?.kind === "publishable")
    throw new ApiError(403, "forbidden", "This route needs the platform admin token or a secret key (`sk_…`).");
  return requireSecret(c);
}

/** The shop of a secret- or publishable-key caller (storefront and checkout routes). */
export function requireShopKey(c: Context<AppEnv>): ShopCaller {
  const caller = c.get("caller");
  if (!caller) throw new ApiError(401, "unauthorized", "This route needs a publishable or secret key.");
  if (caller.kind === "admin") throw new ApiError(403, "forbidden", "This route needs a shop's key, not the admin token.");
  return { shop: caller.shop, keyId: caller.keyId, kind: caller.kind, now: shopNow(caller.shop, c.get("config").now()) };
}

/**
 * The buyer of a storefront or checkout call. A secret-key caller names the buyer by `buyer_id`; a
 * publishable-key caller only by `X-Buyer-Token` (a `buyer_id` from it is refused with 422). A bad or
 * expired token is 401. Token expiry uses real time, never the test clock.
 */
export async function resolveBuyer(c: Context<AppEnv>, caller: ShopCaller, buyerIdField: string | undefined): Promise<string | null> {
  const token = c.req.header("x-buyer-token");
  if (caller.kind === "publishable" && buyerIdField !== undefined) {
    throw new ApiError(422, "validation_failed", "A publishable key names the buyer only by `X-Buyer-Token`.", [
      { path: "buyer_id", code: "not_allowed", message: "Not allowed with a publishable key; send X-Buyer-Token." },
    ]);
  }
  if (token !== undefined && token !== "") {
    const result = await verifyBuyerToken(token, caller.shop.buyer_token_secret, Math.floor(c.get("config").now() / 1000));
    if (!result.ok) throw new ApiError(401, "invalid_buyer_token", `X-Buyer-Token refused: ${result.why}.`);
    if (buyerIdField !== undefined && buyerIdField !== result.sub)
      throw new ApiError(422, "validation_failed", "`buyer_id` differs from the buyer token's subject.");
    return result.sub;
  }
  return buyerIdField ?? null;
}
