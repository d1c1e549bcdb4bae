/**
 * The Worker as deployed (worker/index.ts), with its RATE_LIMITER binding wrapped to count the calls made
 * to the guessing limiter's Durable Objects, for test/workers/round-trips.test.ts: `GET
 * /__test/limiter-calls` answers the count (wrangler dev runs one isolate, whose memory holds it). Only
 * the tests run this entry.
 */
import worker, { type WorkerEnv } from "../../worker/index.js";
import type { CounterNamespace } from "../../worker/lib/rate-limit-workers.js";

export { RateLimitCounter } from "../../worker/index.js";

let calls = 0;
// Keyed by the env object, as worker/index.ts keys its app: the same env gets the same wrapped one.
const wrapped = new WeakMap<object, WorkerEnv>();

function counting(env: WorkerEnv): WorkerEnv {
  let out = wrapped.get(env);
  if (!out) {
    const ns = env.RATE_LIMITER;
    const counted: CounterNamespace | undefined = ns && {
      idFromName: (name) => ns.idFromName(name),
      get: (id) => {
        const stub = ns.get(id);
        return {
          fetch: (input, init) => {
            calls++;
            return stub.fetch(input, init);
          },
        };
      },
    };
    out = { ...env, RATE_LIMITER: counted };
    wrapped.set(env, out);
  }
  return out;
}

type Ctx = Parameters<typeof worker.fetch>[2];

export default {
  fetch(request: Request, env: WorkerEnv, ctx: Ctx) {
    if (new URL(request.url).pathname === "/__test/limiter-calls") return Response.json({ calls });
    return worker.fetch(request, counting(env), ctx);
  },
  scheduled(event: Parameters<typeof worker.scheduled>[0], env: WorkerEnv, ctx: Ctx) {
    return worker.scheduled(event, counting(env), ctx);
  },
};
