/**
 * Node's webhook POST and DNS check. The request connects only to addresses the shop may reach: the
 * socket's own `lookup` resolves the name and refuses it if ANY address it yields is not allowed
 * (lib/webhook-url.ts), so the address checked is the address connected to (no window for a DNS answer
 * to change in between). IP literals never reach `lookup`; they are judged before (checkWebhookUrl).
 * `node:http` follows no redirects: a 3xx is an answer like any non-2xx.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { PostRequest, PostResult, WebhookPoster } from "../../services/webhook-delivery.js";
import { addressAllowed, checkWebhookUrl, type ShopMode } from "../../lib/webhook-url.js";

type Resolver = (host: string) => Promise<string[]>;

/** Every address of a name (A and AAAA), as the operating system resolves it. */
export const resolveHost: Resolver = (host) =>
  new Promise((ok, fail) =>
    dnsLookup(host, { all: true, verbatim: true } as LookupAllOptions, (err, addresses: LookupAddress[]) =>
      err ? fail(err) : ok(addresses.map((a) => a.address)),
    ),
  );

class RefusedAddress extends Error {
  code = "url_refused";
}

/** A socket `lookup` that resolves with `resolve` and refuses a name with any address `mode` may not reach. */
export function checkedLookup(mode: ShopMode, resolve: Resolver = resolveHost): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (all) => {
        const bad = all.find((a) => !addressAllowed(a, mode));
        if (all.length === 0 || bad) {
          callback(new RefusedAddress(`${hostname} resolves to ${bad ?? "nothing"}`), "", 4);
          return;
        }
        const family = (a: string) => (a.includes(":") ? 6 : 4);
        if ((options as { all?: boolean }).all)
          (callback as never as (e: null, a: LookupAddress[]) => void)(
            null,
            all.map((address) => ({ address, family: family(address) })),
          );
        else callback(null, all[0], family(all[0]));
      },
      (err: NodeJS.ErrnoException) => callback(err, "", 4),
    );
  };
}

const ERRORS: Record<string, string> = {
  ECONNREFUSED: "connection_refused",
  ECONNRESET: "connection_reset",
  ENOTFOUND: "dns_failed",
  EAI_AGAIN: "dns_failed",
  url_refused: "url_refused",
};

/** Answers read past this are dropped (only the status matters). */
const MAX_ANSWER_BYTES = 64 * 1024;

export function createNodePoster(opts: { resolve?: Resolver } = {}): WebhookPoster {
  // Kept-alive connections per mode: a busy endpoint is not reconnected (and re-resolved) per event.
  const agents = new Map<string, http.Agent>();
  const agentFor = (protocol: string, mode: ShopMode) => {
    const key = `${protocol}${mode}`;
    let agent = agents.get(key);
    if (!agent) {
      const o = { keepAlive: true, maxSockets: 4, lookup: checkedLookup(mode, opts.resolve) };
      agent = protocol === "https:" ? new https.Agent(o) : new http.Agent(o);
      agents.set(key, agent);
    }
    return agent;
  };
  return {
    post(req: PostRequest): Promise<PostResult> {
      const verdict = checkWebhookUrl(req.url, req.mode);
      if (!verdict.ok) return Promise.resolve({ error: "url_refused" });
      const url = verdict.url;
      return new Promise<PostResult>((done) => {
        let settled = false;
        const finish = (r: PostResult) => {
          if (settled) return;
          settled = true;
          req.signal?.removeEventListener("abort", onAbort);
          done(r);
        };
        const send = url.protocol === "https:" ? https.request : http.request;
        const out = send(url, {
          method: "POST",
          agent: agentFor(url.protocol, req.mode),
          headers: { ...req.headers, "content-length": String(Buffer.byteLength(req.body)) },
        });
        // One deadline for the whole exchange, the answer's body included (its socket is then dropped).
        const timer = setTimeout(() => {
          finish({ error: "timeout" });
          out.destroy();
        }, req.timeoutMs);
        out.on("close", () => clearTimeout(timer));
        const onAbort = () => {
          finish({ error: "aborted" });
          out.destroy();
        };
        req.signal?.addEventListener("abort", onAbort, { once: true });
        out.on("response", (res) => {
          // The status decides; the rest of the answer is read (so the connection can be reused) up to a bound.
          finish({ status: res.statusCode ?? 0 });
          let read = 0;
          res.on("data", (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_ANSWER_BYTES) out.destroy();
          });
          res.on("error", () => {});
        });
        out.on("error", (err: NodeJS.ErrnoException) => finish({ error: ERRORS[err.code ?? ""] ?? err.code ?? "network_error" }));
        out.end(req.body);
      });
    },
  };
}
