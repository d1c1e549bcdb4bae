/**
 * Shops: created and configured by the platform operator; a test shop's clock set by its seller. Any
 * write to a shop's row makes this process forget the keys it resolved for the shop, whose cached rows
 * carry the old settings (lib/caller-cache.ts).
 */
import { toIso, toMillis } from "../contract/common.js";
import { serializeShop, type CreateShopInput, type Shop, type UpdateShopInput } from "../contract/shops.js";
import { shopNow, type Seller } from "../lib/caller.js";
import type { Deps } from "../lib/deps.js";
import { ApiError, notFound } from "../lib/problem.js";
import { getShop, insertShop, setShopTestClock, updateShopRow } from "../store/shops.js";

export async function createShop(deps: Deps, input: CreateShopInput) {
  const created = await insertShop(deps.db, input, deps.clock());
  return { ...created, shop: serializeShop(created.shop) };
}

export async function readShop(deps: Deps, id: string): Promise<{ shop: Shop }> {
  const shop = await getShop(deps.db, id);
  if (!shop) throw notFound("shop");
  return { shop: serializeShop(shop) };
}

export async function updateShop(deps: Deps, id: string, patch: UpdateShopInput): Promise<{ shop: Shop }> {
  const row = await updateShopRow(deps.db, id, patch, deps.clock());
  deps.forgetShop(id);
  if (!row) throw notFound("shop");
  return { shop: serializeShop(row) };
}

/** Freezes (or, with null, releases) a test shop's clock; every time rule of the shop then uses it. */
export async function setTestClock(deps: Deps, seller: Seller, now: string | null): Promise<{ now: string; frozen: boolean }> {
  if (seller.shop.mode !== "test") throw new ApiError(403, "live_shop", "Only test shops have a test clock.");
  const frozen = now === null ? null : toMillis(now);
  const row = await setShopTestClock(deps.db, seller.shop.id, frozen);
  deps.forgetShop(seller.shop.id); // the next call must see the new clock
  return { now: toIso(shopNow(row ?? seller.shop, deps.clock())), frozen: frozen !== null };
}
