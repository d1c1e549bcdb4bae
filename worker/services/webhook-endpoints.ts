/**
 * A shop's webhook endpoints (create with the secret shown once, list, delete) and their deliveries
 * (list, manual retry). Endpoint times are real time; delivery times are the shop clock, as the retry
 * schedule is (a test shop's retries follow its test clock). Each route is one round trip where the
 * database is far: its reads in one batch, or its one guarded write, carrying the caller's key check.
 */
import {
  MAX_ENDPOINTS_PER_SHOP,
  serializeDelivery,
  serializeEndpoint,
  type CreateEndpointInput,
  type ListInput,
  type WebhookDelivery,
  type WebhookEndpoint,
} from "../contract/webhooks.js";
import type { Seller } from "../lib/caller.js";
import { decodeCursor, encodeCursor } from "../lib/cursor.js";
import type { Deps } from "../lib/deps.js";
import { newId, randomString } from "../lib/ids.js";
import { ApiError, notFound } from "../lib/problem.js";
import { addressAllowed, checkWebhookUrl } from "../lib/webhook-url.js";
import { readAll } from "../store/batch.js";
import {
  deleteEndpoint,
  deliveryPageRead,
  endpointPageRead,
  endpointRead,
  insertEndpointGuarded,
  retryDeliveryRow,
  type EndpointRow,
} from "../store/webhooks.js";

const refuseUrl = (reason: string) =>
  new ApiError(422, "url_not_allowed", `The webhook URL ${reason}.`, [{ path: "url", code: "url_not_allowed", message: reason }]);

/**
 * The URL as the shop may use it: judged as written (every runtime), then, where the host resolves
 * names, every address its name resolves to. A live shop's name must resolve, and only to public
 * addresses; a test shop's name may also fail to resolve now (its deliveries then fail and are retried).
 */
async function acceptedUrl(deps: Deps, raw: string, mode: "test" | "live"): Promise<string> {
  const verdict = checkWebhookUrl(raw, mode);
  if (!verdict.ok) throw refuseUrl(verdict.reason);
  if (!verdict.ip && deps.resolveHost) {
    let addresses: string[] = [];
    try {
      addresses = await deps.resolveHost(verdict.host);
    } catch {
      if (mode === "live") throw refuseUrl(`names a host that does not resolve (${verdict.host})`);
    }
    const bad = addresses.find((a) => !addressAllowed(a, mode));
    if (bad) throw refuseUrl(`names a host that resolves to ${bad}, which ${mode === "live" ? "a live shop" : "a shop"} may not reach`);
  }
  return verdict.url.href;
}

export async function createEndpoint(
  deps: Deps,
  seller: Seller,
  input: CreateEndpointInput,
): Promise<{ webhook_endpoint: WebhookEndpoint & { secret: string } }> {
  const url = await acceptedUrl(deps, input.url, seller.shop.mode);
  const row: EndpointRow = {
    id: newId("whe"),
    shop_id: seller.shop.id,
    url,
    events: input.events,
    secret: `whsec_${randomString(32)}`,
    created_at: deps.clock(),
    paused_until: null,
  };
  if (!(await insertEndpointGuarded(deps.db, row, MAX_ENDPOINTS_PER_SHOP, seller.keyId, deps)))
    throw new ApiError(409, "too_many_endpoints", `A shop may have at most ${MAX_ENDPOINTS_PER_SHOP} webhook endpoints; delete one first.`);
  return { webhook_endpoint: { ...serializeEndpoint(row), secret: row.secret } };
}

export async function listEndpoints(
  deps: Deps,
  seller: Seller,
  q: ListInput,
): Promise<{ data: WebhookEndpoint[]; next_cursor: string | null }> {
  const { rows } = await readAll(deps.db, deps.reads(), deps, {
    rows: endpointPageRead(deps.db, seller.shop.id, q.limit + 1, decodeCursor(q.cursor)),
  });
  const page = rows.slice(0, q.limit);
  return { data: page.map(serializeEndpoint), next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].pos) : null };
}

/** Deleting stops its deliveries at once, pending ones included (README "Webhooks"). */
export async function removeEndpoint(
  deps: Deps,
  seller: Seller,
  id: string,
): Promise<{ webhook_endpoint: WebhookEndpoint; deleted: true }> {
  const row = await deleteEndpoint(deps.db, seller.shop.id, id, seller.keyId, deps.clock(), deps);
  if (!row) throw notFound("webhook endpoint");
  return { webhook_endpoint: serializeEndpoint(row), deleted: true };
}

export async function listDeliveries(
  deps: Deps,
  seller: Seller,
  endpointId: string,
  q: ListInput,
): Promise<{ data: WebhookDelivery[]; next_cursor: string | null }> {
  // The endpoint and the page together: the page of an endpoint the shop lacks is empty and unused.
  const { endpoint, rows } = await readAll(deps.db, deps.reads(), deps, {
    endpoint: endpointRead(deps.db, seller.shop.id, endpointId),
    rows: deliveryPageRead(deps.db, seller.shop.id, endpointId, q.limit + 1, decodeCursor(q.cursor)),
  });
  if (!endpoint) throw notFound("webhook endpoint");
  const page = rows.slice(0, q.limit);
  return { data: page.map(serializeDelivery), next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].seq) : null };
}

/** Due at once (the shop clock), whatever its status; a delivery in flight records its own answer too. */
export async function retryDelivery(deps: Deps, seller: Seller, id: string): Promise<{ webhook_delivery: WebhookDelivery }> {
  const row = await retryDeliveryRow(deps.db, seller.shop.id, id, seller.now, deps);
  if (!row) throw notFound("webhook delivery");
  return { webhook_delivery: serializeDelivery(row) };
}
