/**
 * Sending webhook deliveries: one pass takes the due ones (a lease, store/webhook-leases.ts), signs and
 * POSTs each, and records the answers. Plain functions over the database and a `WebhookPoster`; the loop
 * that runs passes is the host's (Node: adapters/node/webhook-worker.ts; Workers: the Cron Trigger).
 *
 * - Each endpoint's deliveries go out one after another, oldest first; the first failure stops that
 *   endpoint's share of the pass (the rest are given back unattempted) and rests the endpoint until that
 *   delivery's next attempt (at most 5 minutes), so order holds except around a retry that waits longer.
 *   Endpoints are served side by side.
 * - 2xx ends a delivery; anything else, or no answer within 10 s, is retried with exponential backoff and
 *   jitter on the shop clock, for 24 hours after the event, then `failed`.
 */
import type { Db } from "../../db/client.js";
import { signatureHeader } from "../client/webhooks.js";
import { toIso } from "../contract/common.js";
import { newId } from "../lib/ids.js";
import { checkWebhookUrl, type ShopMode } from "../lib/webhook-url.js";
import {
  endpointTargets,
  leaseDueDeliveries,
  recordOutcomes,
  type ClaimedDelivery,
  type EndpointTarget,
  type Outcome,
} from "../store/webhook-leases.js";

export const DELIVERY_TIMEOUT_MS = 10_000;
/** How long a process holds deliveries it took; another process takes them over after that. */
export const DEFAULT_LEASE_MS = 45_000;

export interface PostRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The shop's mode: which addresses a name may resolve to (lib/webhook-url.ts `addressAllowed`). */
  mode: ShopMode;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** An answer's status, or why there was none (`timeout`, `connection_refused`, `url_refused`, `aborted`, …). */
export type PostResult = { status: number } | { error: string };

/** POSTs without following redirects; the host's (Node: checked DNS; Workers: fetch). */
export interface WebhookPoster {
  post(req: PostRequest): Promise<PostResult>;
}

export interface DeliveryOptions {
  poster: WebhookPoster;
  /** Real time (leases, signature timestamps); retries are scheduled on each shop's clock in SQL. */
  clock: () => number;
  leaseMs?: number;
  /** Most deliveries of one endpoint per pass, and of all endpoints. */
  perEndpoint?: number;
  limit?: number;
  /** Aborts the pass's requests (a stopping process); their deliveries are given back unattempted. */
  signal?: AbortSignal;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

const MINUTE = 60_000;

/** The wait after the n-th failed attempt: 30 s doubling up to 4 h, jittered down by up to half. */
export function retryDelayMs(failedAttempts: number, random: () => number): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, failedAttempts - 1), 240 * MINUTE);
  return Math.round(base / 2 + (base / 2) * random());
}

/** The body every endpoint of the event receives: the stored object's JSON embedded as written. */
export function eventBody(d: Pick<ClaimedDelivery, "event_id" | "type" | "created_at" | "shop_id" | "object">): string {
  return `{"id":${JSON.stringify(d.event_id)},"type":${JSON.stringify(d.type)},"created_at":${JSON.stringify(toIso(d.created_at))},"shop_id":${JSON.stringify(d.shop_id)},"data":{"object":${d.object}}}`;
}

/** One pass: returns how many deliveries it took (0: nothing was due). */
export async function deliverDue(db: Db, o: DeliveryOptions): Promise<{ taken: number; succeeded: number; failed: number }> {
  const leaseMs = o.leaseMs ?? DEFAULT_LEASE_MS;
  const lease = newId("lease");
  const started = o.clock();
  const taken = await leaseDueDeliveries(db, lease, started, leaseMs, o.perEndpoint ?? 100, o.limit ?? 400);
  if (taken.length === 0) return { taken: 0, succeeded: 0, failed: 0 };
  const targets = await endpointTargets(db, [...new Set(taken.map((d) => d.endpoint_id))]);
  const byEndpoint = new Map<string, ClaimedDelivery[]>();
  for (const d of taken) byEndpoint.set(d.endpoint_id, [...(byEndpoint.get(d.endpoint_id) ?? []), d]);
  // Start a request only while it can end (10 s) well inside the lease; the first always goes. (A lease
  // shorter than that, as tests set, just halves it: a slow answer may then be sent again elsewhere.)
  const startBy = started + Math.max(leaseMs - DELIVERY_TIMEOUT_MS - 5_000, leaseMs / 2);
  const groups = await Promise.all(
    [...byEndpoint].map(([id, list]) => sendInOrder(list, targets.get(id), o, (first) => first || o.clock() < startBy)),
  );
  const outcomes = groups.flat();
  await recordOutcomes(db, lease, o.clock(), outcomes);
  return {
    taken: taken.length,
    succeeded: outcomes.filter((x) => x.kind === "succeeded").length,
    failed: outcomes.filter((x) => x.kind === "failed").length,
  };
}

async function sendInOrder(
  list: ClaimedDelivery[],
  target: EndpointTarget | undefined,
  o: DeliveryOptions,
  mayStart: (first: boolean) => boolean,
): Promise<Outcome[]> {
  const out: Outcome[] = [];
  let stopped = !target; // a deleted endpoint: its rows are gone with it, nothing to record
  for (const delivery of list) {
    if (stopped || o.signal?.aborted || !mayStart(out.length === 0)) {
      out.push({ delivery, kind: "returned" });
      continue;
    }
    const result = await attempt(delivery, target!, o);
    if ("error" in result && result.error === "aborted") {
      out.push({ delivery, kind: "returned" });
      stopped = true;
    } else if ("status" in result && result.status >= 200 && result.status < 300) {
      out.push({ delivery, kind: "succeeded", status: result.status });
    } else {
      const status = "status" in result ? result.status : null;
      const error = "error" in result ? result.error : null;
      out.push({ delivery, kind: "failed", status, error, delayMs: retryDelayMs(delivery.attempts + 1, o.random ?? Math.random) });
      stopped = true; // the rest of this endpoint waits, so it does not receive later events first
    }
  }
  return out;
}

async function attempt(d: ClaimedDelivery, target: EndpointTarget, o: DeliveryOptions): Promise<PostResult> {
  // Judged again at every attempt: the shop may have gone live since the endpoint was created.
  if (!checkWebhookUrl(target.url, target.mode).ok) return { error: "url_refused" };
  const body = eventBody(d);
  const t = Math.floor(o.clock() / 1000);
  const headers = {
    "content-type": "application/json",
    "user-agent": "edge-coupons-webhooks/1",
    "coupon-signature": await signatureHeader(target.secret, body, t),
  };
  try {
    return await o.poster.post({ url: target.url, headers, body, mode: target.mode, timeoutMs: DELIVERY_TIMEOUT_MS, signal: o.signal });
  } catch (err) {
    return { error: (err as Error).message || "network_error" };
  }
}
