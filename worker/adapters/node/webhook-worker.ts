/**
 * The webhook delivery worker of a Node process (`npm start`): passes of `deliverDue` back to back while
 * there is work, else a cheap read every `pollMs` (no write lock taken while idle). Several processes on
 * one database file each run one; the lease (store/webhook-leases.ts) gives each delivery to one of them.
 * `stop()` takes nothing new, aborts the requests in flight (their deliveries are given back unattempted,
 * for whichever process runs next) and resolves once the pass has recorded that.
 */
import type { Db } from "../../../db/client.js";
import { deliverDue, type DeliveryOptions } from "../../services/webhook-delivery.js";
import { anyDeliveryDue } from "../../store/webhook-leases.js";
import { createNodePoster } from "./webhook-post.js";

export interface WebhookWorkerOptions extends Partial<Omit<DeliveryOptions, "signal">> {
  /** Idle poll interval (default 250 ms): the most a new event waits before its first attempt. */
  pollMs?: number;
  onError?: (err: unknown) => void;
}

export function startWebhookWorker(db: Db, opts: WebhookWorkerOptions = {}): { stop(): Promise<void> } {
  const abort = new AbortController();
  const pollMs = opts.pollMs ?? 250;
  const options: DeliveryOptions = {
    ...opts,
    poster: opts.poster ?? createNodePoster(),
    clock: opts.clock ?? Date.now,
    signal: abort.signal,
  };
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((r) => {
      const t = setTimeout(r, ms);
      wake = () => {
        clearTimeout(t);
        r();
      };
    });

  const loop = async () => {
    while (!abort.signal.aborted) {
      let busy = false;
      try {
        if (await anyDeliveryDue(db, options.clock())) busy = (await deliverDue(db, options)).taken > 0;
      } catch (err) {
        (opts.onError ?? ((e) => console.error("webhook delivery pass failed", e)))(err);
      }
      if (!busy && !abort.signal.aborted) await sleep(pollMs);
    }
  };
  const running = loop();
  return {
    async stop() {
      abort.abort();
      wake?.();
      await running;
    },
  };
}
