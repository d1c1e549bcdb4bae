/**
 * The guessing limiter on Cloudflare Workers. Isolates share no memory, so the in-process counter of
 * `rate-limit.ts` would give each isolate (and each colo) its own budget; a Durable Object per limited key
 * is one place that counts every failed look-up for that key, wherever the request landed.
 *
 * Binding (wrangler.toml), with the class exported from the Worker's main module:
 *   [[durable_objects.bindings]]
 *   name = "RATE_LIMITER"
 *   class_name = "RateLimitCounter"
 *   [[migrations]]
 *   tag = "v1-rate-limiter"
 *   new_sqlite_classes = ["RateLimitCounter"]
 * and in the entry: `config.rateLimiter = new DurableObjectRateLimiter(env.RATE_LIMITER)`.
 *
 * One object per key (`idFromName(key)`), holding one fixed one-minute window like the Node limiter. An
 * object runs one request at a time and its storage survives eviction, so the count is exact; an alarm
 * deletes the window once it has ended, so idle keys cost no storage.
 */
import { peekSlot, refundSlot, takeSlot, WINDOW_MS, type RateLimiter, type Window } from "./rate-limit.js";

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

/** The Durable Object class: `POST /take?limit=&now=` → `{wait}`, `POST /peek?limit=&now=` → `{wait}`, `POST /refund?now=` → `{}`. */
export class RateLimitCounter {
  constructor(
    private readonly state: CounterState,
    _env?: unknown,
  ) {}

  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const now = Number(url.searchParams.get("now"));
    if (!Number.isFinite(now)) return new Response("now is required", { status: 400 });
    // One request at a time per object, and no other event runs between this read and the write below
    // (input gates), so check-and-count is atomic across every isolate that asks.
    const w = await this.state.storage.get<Window>("w");
    if (url.pathname === "/take") {
      const { next, wait } = takeSlot(w, Number(url.searchParams.get("limit")), now);
      if (next) {
        await this.state.storage.put("w", next);
        // Scheduled on the object's own clock (the caller's `now` only places attempts in windows).
        if (next.count === 1) await this.state.storage.setAlarm(Date.now() + WINDOW_MS);
      }
      return Response.json({ wait });
    }
    if (url.pathname === "/peek") return Response.json({ wait: peekSlot(w, Number(url.searchParams.get("limit")), now) });
    if (url.pathname === "/refund") {
      const next = refundSlot(w, now);
      if (next) await this.state.storage.put("w", next);
      return Response.json({});
    }
    return new Response("not found", { status: 404 });
  }

  /** The window has ended: forget it (a later failure starts a new one). */
  async alarm(): Promise<void> {
    await this.state.storage.deleteAll();
  }
}

/** The `RateLimiter` the app asks, backed by one `RateLimitCounter` object per key. */
export class DurableObjectRateLimiter implements RateLimiter {
  constructor(private readonly namespace: CounterNamespace) {}

  private stub(key: string) {
    return this.namespace.get(this.namespace.idFromName(key) as never);
  }

  async take(key: string, limit: number, nowMs: number): Promise<number> {
    const res = await this.stub(key).fetch(`https://rate-limit/take?limit=${limit}&now=${nowMs}`, { method: "POST" });
    if (!res.ok) throw new Error(`rate limiter answered ${res.status}`);
    return ((await res.json()) as { wait: number }).wait;
  }

  async refund(key: string, nowMs: number): Promise<void> {
    const res = await this.stub(key).fetch(`https://rate-limit/refund?now=${nowMs}`, { method: "POST" });
    if (!res.ok) throw new Error(`rate limiter answered ${res.status}`);
  }

  async peek(key: string, limit: number, nowMs: number): Promise<number> {
    const res = await this.stub(key).fetch(`https://rate-limit/peek?limit=${limit}&now=${nowMs}`, { method: "POST" });
    if (!res.ok) throw new Error(`rate limiter answered ${res.status}`);
    return ((await res.json()) as { wait: number }).wait;
  }
}
