/**
 * Compression for the Node server (Workers need none: Cloudflare compresses at its edge). Wraps the app's
 * `fetch`, so the app itself stays the same on both hosts.
 *
 * Why not hono/compress: on Node 20 it has only CompressionStream (gzip and deflate, no Brotli) and it
 * compresses every answer anew, the docs viewer's 1.7 MB bundle included; keeping that bundle as Brotli
 * once makes it about a fifth smaller and costs nothing per request after the first (bench/notes.md).
 *
 * - Text answers (HTML, CSS, JS, JSON, problem+json, SVG…) of at least 1 KB are sent as Brotli when the
 *   client accepts `br`, else gzip; smaller ones are not worth a compression frame (hono/compress draws
 *   the same line).
 * - Answers with a strong `ETag` are static files (the widget, the docs viewer): they are compressed once
 *   at Brotli's best setting and the bytes are kept, keyed by ETag. Their ETag is sent weakened (`W/"…"`),
 *   as the compressed bytes differ from the identity ones; `If-None-Match` compares weakly.
 * - Every compressible answer says `Vary: Accept-Encoding`, so a shared cache keeps the variants apart.
 * - Downloads (`Content-Disposition: attachment`, the lists' CSV) are streamed by the app page by page and
 *   may be any size: they are compressed as they stream, never read whole first.
 */
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { promisify } from "node:util";
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from "node:zlib";

const br = promisify(brotliCompress);
const gz = promisify(gzip);

const COMPRESSIBLE = /^(?:text\/|image\/svg\+xml|application\/(?:json|javascript|xml|[\w.-]+\+(?:json|xml)))/i;
const MIN_BYTES = 1024;
/** Static answers kept compressed: few files, so a small count bounds the memory. */
const KEEP = 32;

type Encoding = "br" | "gzip";

/** The best encoding the client accepts (RFC 9110 §12.5.3), or null for identity. */
export function chooseEncoding(accept: string | null): Encoding | null {
  if (!accept) return null;
  const q: Record<string, number> = {};
  for (const part of accept.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    q[name.trim()] = qp ? Number(qp.slice(2)) || 0 : 1;
  }
  const ok = (e: Encoding) => (q[e] ?? q["*"] ?? 0) > 0;
  return ok("br") ? "br" : ok("gzip") ? "gzip" : null;
}

/** A streamed body, compressed as it goes (quality 4 for Brotli, as for answers made per request). */
function compressStream(body: ReadableStream<Uint8Array>, enc: Encoding): ReadableStream<Uint8Array> {
  const zip = enc === "gzip" ? createGzip() : createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
  return Readable.toWeb(Readable.fromWeb(body as NodeReadableStream<Uint8Array>).pipe(zip)) as ReadableStream<Uint8Array>;
}

function compress(body: Uint8Array, enc: Encoding, best: boolean): Promise<Buffer> {
  if (enc === "gzip") return gz(body, { level: best ? 9 : 6 });
  // Quality 11 is Brotli's smallest, slow on large bodies (seconds for the 1.7 MB docs viewer): kept for
  // static files under 256 KB, 9 above; 4 for answers made per request (about gzip's speed, smaller).
  const quality = best ? (body.byteLength <= 256 * 1024 ? 11 : 9) : 4;
  return br(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
  });
}

type Fetch<A extends unknown[]> = (request: Request, ...rest: A) => Response | Promise<Response>;

/**
 * The app's `fetch`, compressing as above. An answer left as is is returned as the same object (its
 * headers amended in place), so @hono/node-server still writes it on its direct path.
 */
export function withCompression<A extends unknown[]>(fetch: Fetch<A>): Fetch<A> {
  const kept = new Map<string, Promise<Buffer>>();
  return async (request, ...rest) => {
    const res = await fetch(request, ...rest);
    const headers = res.headers;
    const status = res.status;
    if (!COMPRESSIBLE.test(headers.get("content-type") ?? "") || headers.has("content-encoding")) return res;
    headers.append("Vary", "Accept-Encoding");
    const enc = chooseEncoding(request.headers.get("accept-encoding"));
    const noTransform = /\bno-transform\b/i.test(headers.get("cache-control") ?? "");
    if (!enc || noTransform || request.method === "HEAD" || status === 204 || status === 206 || status === 304) return res;
    if (res.body && /^\s*attachment\b/i.test(headers.get("content-disposition") ?? "")) {
      headers.set("Content-Encoding", enc);
      headers.delete("Content-Length");
      return new Response(compressStream(res.body, enc), { status, headers });
    }
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.byteLength < MIN_BYTES) return new Response(body, { status, headers });
    const etag = headers.get("etag");
    let packed: Buffer;
    if (etag !== null && !etag.startsWith("W/")) {
      const key = `${etag}|${enc}`;
      let entry = kept.get(key);
      if (!entry) {
        entry = compress(body, enc, true);
        entry.catch(() => kept.delete(key));
        kept.set(key, entry);
        if (kept.size > KEEP) kept.delete(kept.keys().next().value!);
      }
      packed = await entry;
      headers.set("ETag", `W/${etag}`);
    } else {
      packed = await compress(body, enc, false);
    }
    headers.set("Content-Encoding", enc);
    headers.delete("Content-Length");
    return new Response(new Uint8Array(packed.buffer as ArrayBuffer, packed.byteOffset, packed.byteLength), { status, headers });
  };
}
