/**
 * The webhook POST where the host has only `fetch` (Workers). It follows no redirect (`redirect:
 * "manual"`: a 3xx is an answer like any non-2xx) and gives up after the timeout. What it cannot do is
 * see the addresses a name resolves to: Workers have no DNS API, so only the URL as written is judged
 * (lib/webhook-url.ts: scheme, IP literals in every spelling, loopback names, single labels). The
 * request leaves from Cloudflare's network, not from the operator's, which is what a name resolving to a
 * private address would otherwise reach (README "Webhooks").
 */
import type { PostRequest, PostResult, WebhookPoster } from "../services/webhook-delivery.js";
import { checkWebhookUrl } from "./webhook-url.js";

export const fetchPoster: WebhookPoster = {
  async post(req: PostRequest): Promise<PostResult> {
    if (!checkWebhookUrl(req.url, req.mode).ok) return { error: "url_refused" };
    const abort = new AbortController();
    let why = "timeout";
    const timer = setTimeout(() => abort.abort(), req.timeoutMs);
    const onAbort = () => {
      why = "aborted";
      abort.abort();
    };
    req.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const res = await fetch(req.url, { method: "POST", headers: req.headers, body: req.body, redirect: "manual", signal: abort.signal });
      // Only the status matters; the answer is not read.
      await res.body?.cancel();
      return { status: res.status };
    } catch (err) {
      return { error: abort.signal.aborted ? why : (err as Error).name === "TypeError" ? "network_error" : (err as Error).message };
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener("abort", onAbort);
    }
  },
};
