/**
 * Shops: created by the platform operator, configured by it or (in part) by their seller; a test shop's
 * clock set by its seller. Any
 * write to a shop's row makes this process forget the keys it resolved for the shop, whose cached rows
 * carry the old settings (lib/caller-cache.ts).
 */
import { toIso, toMillis } from "../contract/common.js";
import {
  ADMIN_ONLY_SHOP_FIELDS,
  MAX_ORIGINS,
  serializeShop,
  type CreateShopInput,
  type Shop,
  type UpdateShopInput,
} from "../contract/shops.js";
import { shopNow, type Seller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { ApiError, notFound } from "../lib/problem.js";
import { readAll } from "../store/batch.js";
import { insertShop, setShopTestClock, shopPatchIsEmpty, shopRead, updateShopSettings } from "../store/shops.js";

export async function createShop(deps: Deps, input: CreateShopInput) {
  const created = await insertShop(deps.db, input, deps.clock());
  return { ...created, shop: serializeShop(created.shop) };
}

/** Who manages shop settings: the platform operator (any shop), or a seller (its own shop only). */
export type ShopManager = { kind: "admin" } | Seller;

/** Another shop is as unknown to a seller as one that never existed (404, never 403). */
function ownOrAny(manager: ShopManager, id: string): void {
  if (manager.kind === "secret" && manager.shop.id !== id) throw notFound("shop");
}

/** One read, which carries a seller's key check where the database is far (README "A request at the edge"). */
export async function readShop(deps: Deps, manager: ShopManager, id: string): Promise<{ shop: Shop }> {
  ownOrAny(manager, id);
  const { shop } = await readAll(deps.db, deps.reads(), deps, { shop: shopRead(deps.db, id) });
  if (!shop) throw notFound("shop");
  return { shop: serializeShop(shop) };
}

/**
 * A seller may change its own shop's `allowed_origins` (replace, add, remove) and `min_fixed_minor`; the
 * name, `addon_coupons` and `blocked_words` stay the platform operator's (403 naming the fields). Each change leaves a
 * `shop_updated` entry in the shop's operation log.
 */
export async function updateShop(deps: Deps, manager: ShopManager, id: string, patch: UpdateShopInput): Promise<{ shop: Shop }> {
  ownOrAny(manager, id);
  if (manager.kind === "secret") {
    const refused = ADMIN_ONLY_SHOP_FIELDS.filter((f) => patch[f] !== undefined);
    if (refused.length)
      throw new ApiError(
        403,
        "forbidden",
        "Only the platform operator may change a shop's name, addon coupons and blocked words.",
        refused.map((f) => ({ path: f, code: "admin_only", message: "only the platform operator may change this" })),
      );
  }
  const { allowed_origins_add, allowed_origins_remove, ...set } = patch;
  const change = { set, origins_add: allowed_origins_add, origins_remove: allowed_origins_remove };
  // Nothing to change: the shop as it is (readShop's one read). Else one guarded batch: the audit entry,
  // the UPDATE and the row after, with the seller's key check first where the database is far.
  if (shopPatchIsEmpty(change)) return readShop(deps, manager, id);
  const actor = manager.kind === "secret" ? manager.keyId : "admin";
  const out = await updateShopSettings(deps.db, id, change, { now: deps.clock(), actor, maxOrigins: MAX_ORIGINS }, deps);
  deps.forgetShop(id);
  if (out === undefined) throw notFound("shop");
  if (out === "too_many_origins")
    throw new ApiError(422, "validation_failed", `A shop allows at most ${MAX_ORIGINS} origins.`, [
      { path: "allowed_origins_add", code: "too_big", message: `the list would hold more than ${MAX_ORIGINS} origins` },
    ]);
  return { shop: serializeShop(out) };
}

/** Freezes (or, with null, releases) a test shop's clock; every time rule of the shop then uses it. */
export async function setTestClock(deps: Deps, seller: Seller, now: string | null): Promise<{ now: string; frozen: boolean }> {
  if (seller.shop.mode !== "test") throw new ApiError(403, "live_shop", "Only test shops have a test clock.");
  const frozen = now === null ? null : toMillis(now);
  // One guarded UPDATE … RETURNING, the key check beside it: the shop was planned as `seller.shop`, and
  // its mode (decided above) never changes after creation.
  const row = await setShopTestClock(deps.db, seller.shop.id, frozen, deps);
  deps.forgetShop(seller.shop.id); // the next call must see the new clock
  return { now: toIso(shopNow(row ?? seller.shop, deps.clock())), frozen: frozen !== null };
}
