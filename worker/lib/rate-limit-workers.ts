/**
 * The guessing limiter on Cloudflare Workers. Isolates share no memory, so failed look-ups are counted in
 * a Durable Object per bucket (one place for every isolate and colo); a found code never calls one.
 *
 * Binding (wrangler.toml), with the class exported from the Worker's main module:
 *   [[durable_objects.bindings]]  name = "RATE_LIMITER", class_name = "RateLimitCounter"
 *   [[migrations]]                tag = "v1-rate-limiter", new_sqlite_classes = ["RateLimitCounter"]
 *
 * What the success path knows without a Durable Object call (`knownWait`):
 * - the isolate's own view of each bucket it has counted in: the count and window end the object last
 *   answered, plus the failures this isolate sent since (so a burst inside one isolate is refused once
 *   the limit is reached locally, before any answer arrives);
 * - the colo's cache (Cache API): a bucket found over its limit is written there until its window ends,
 *   so the other isolates of the colo refuse it too.
 * What it cannot know: a block learned only in another colo. There a blocked client's look-ups of codes
 * that exist are answered until its first failed look-up in this colo comes back refused (README
 * "Guessing codes").
 */
import { takeSlot, waitUntil, WINDOW_MS, type Bucket, type GuessLimiter, type KnownBlocks, type Window } from "./rate-limit.js";

/** The parts of the Durable Object runtime used here (structural, so Node's type check needs no globals). */
export interface CounterStorage {
  get<T>(key: string): Promise<T | undefined>;
  put<T>(key: string, value: T): Promise<void>;
  deleteAll(): Promise<void>;
  setAlarm(scheduledTime: number): Promise<void>;
}
export interface CounterState {
  storage: CounterStorage;
}
export interface CounterNamespace {
  idFromName(name: string): unknown;
  get(id: never): { fetch(input: string, init?: RequestInit): Promise<Response> };
}

/** What a counter answers: the wait (0 = counted within the limit), and its window's count and end. */
export interface TakeAnswer {
  wait: number;
  count: number;
  end: number;
}

/** The Durable Object class: `POST /take?limit=&now=` → `TakeAnswer`. One fixed one-minute window. */
export class RateLimitCounter {
  constructor(
    private readonly state: CounterState,
    _env?: unknown,
  ) {}

  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const now = Number(url.searchParams.get("now"));
    const limit = Number(url.searchParams.get("limit"));
    if (url.pathname !== "/take") return new Response("not found", { status: 404 });
    if (!Number.isFinite(now) || !(limit >= 1)) return new Response("now and limit are required", { status: 400 });
    // One request at a time per object, and no other event runs between this read and the write below
    // (input gates), so check-and-count is atomic across every isolate that asks.
    const w = await this.state.storage.get<Window>("w");
    const { next, wait } = takeSlot(w, limit, now);
    if (next) {
      await this.state.storage.put("w", next);
      // Scheduled on the object's own clock (the caller's `now` only places attempts in windows).
      if (next.count === 1) await this.state.storage.setAlarm(Date.now() + WINDOW_MS);
    }
    const held = next ?? w!;
    return Response.json({ wait, count: held.count, end: held.start + WINDOW_MS } satisfies TakeAnswer);
  }

  /** The window has ended: forget it (a later failure starts a new one). */
  async alarm(): Promise<void> {
    await this.state.storage.deleteAll();
  }
}

/** The colo's cache of buckets known to be over their limit (the Workers Cache API, where there is one). */
export interface BlockCache {
  /** The latest end of a known block among `keys`, or 0. */
  blockedUntil(keys: readonly string[]): Promise<number>;
  block(key: string, untilMs: number, nowMs: number): Promise<void>;
}

interface CacheLike {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
}

/** A `BlockCache` over a named Cache API cache (never served to clients: only this Worker reads it). */
export function cacheApiBlocks(open: () => Promise<CacheLike>): BlockCache {
  let cache: Promise<CacheLike> | undefined;
  const url = (key: string) => `https://guessing.invalid/${encodeURIComponent(key)}`;
  return {
    async blockedUntil(keys) {
      cache ??= open();
      const c = await cache;
      const found = await Promise.all(keys.map((k) => c.match(url(k))));
      let until = 0;
      for (const res of found) if (res) until = Math.max(until, Number(res.headers.get("x-blocked-until")) || 0);
      return until;
    },
    async block(key, untilMs, nowMs) {
      cache ??= open();
      const c = await cache;
      const seconds = waitUntil(untilMs, nowMs);
      await c.put(url(key), new Response(null, { headers: { "cache-control": `max-age=${seconds}`, "x-blocked-until": String(untilMs) } }));
    },
  };
}

/** The `GuessLimiter` the app asks on Workers: one `RateLimitCounter` object per bucket. */
export class DurableObjectRateLimiter implements GuessLimiter {
  /** This isolate's view of each bucket: its window as the object last answered it. */
  private seen = new Map<string, { count: number; end: number }>();
  /** Failures this isolate has sent to a bucket's object and not yet heard back about. */
  private pending = new Map<string, number>();

  constructor(
    private readonly namespace: CounterNamespace,
    private readonly colo?: BlockCache,
  ) {}

  known(buckets: readonly Bucket[], nowMs: number): KnownBlocks {
    // The colo's cache is asked at once, beside the look-up; the isolate's memory when the answer is due.
    const colo = this.colo?.blockedUntil(buckets.map((b) => b.key)).catch(() => 0) ?? Promise.resolve(0);
    return {
      wait: async () => {
        let end = await colo;
        for (const b of buckets) {
          const s = this.seen.get(b.key);
          const live = s && s.end > nowMs ? s : null;
          // Failures in flight count as if already answered: a burst is refused here once it reaches the limit.
          const count = (live?.count ?? 0) + (this.pending.get(b.key) ?? 0);
          if (count >= b.limit) end = Math.max(end, live?.end ?? nowMs + WINDOW_MS);
        }
        return end > nowMs ? waitUntil(end, nowMs) : 0;
      },
    };
  }

  async countFailure(buckets: readonly Bucket[], nowMs: number): Promise<number> {
    for (const b of buckets) {
      this.pending.set(b.key, (this.pending.get(b.key) ?? 0) + 1);
      let answer: TakeAnswer;
      try {
        answer = await this.take(b, nowMs);
      } finally {
        const left = (this.pending.get(b.key) ?? 1) - 1;
        if (left > 0) this.pending.set(b.key, left);
        else this.pending.delete(b.key);
      }
      if (this.seen.size > 50_000) this.forgetEnded(nowMs);
      this.seen.set(b.key, { count: answer.count, end: answer.end });
      if (answer.wait > 0) {
        await this.colo?.block(b.key, answer.end, nowMs).catch(() => {});
        return answer.wait;
      }
    }
    return 0;
  }

  private async take(b: Bucket, nowMs: number): Promise<TakeAnswer> {
    const stub = this.namespace.get(this.namespace.idFromName(b.key) as never);
    const res = await stub.fetch(`https://rate-limit/take?limit=${b.limit}&now=${nowMs}`, { method: "POST" });
    if (!res.ok) throw new Error(`rate limiter answered ${res.status}`);
    return (await res.json()) as TakeAnswer;
  }

  private forgetEnded(nowMs: number): void {
    for (const [k, v] of this.seen) if (v.end <= nowMs) this.seen.delete(k);
  }
}
