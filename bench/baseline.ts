/** Row 1, the baseline every req/s is divided by (a Hono hello-world), and row 1b, the floor of a quote on this stack. */
import { benchCart } from "./engine.js";
import { type LoadResult, load, loadWithCpu, startScript } from "./http.js";
import type { Row } from "./report.js";
import { fmt, httpRow, log } from "./rows.js";

/** What the floor (row 1b) answers: the shape and size of the quote's answer for the benchmark's cart. */
const FLOOR_ANSWER = {
  subtotal_minor: 46_436,
  applied: {
    coupon_id: "cpn_aaaaaaaaaaaaaaaaaaaa",
    code: "BENCBENCH",
    discount_minor: 4_643,
    allocations: Array.from({ length: 20 }, (_, i) => ({ line_id: `l${i + 1}`, discount_minor: 232 })),
  },
  best: { coupon_id: "cpn_aaaaaaaaaaaaaaaaaaaa", discount_minor: 4_643 },
  candidates: [{ coupon_id: "cpn_aaaaaaaaaaaaaaaaaaaa", applicable: true, discount_minor: 4_643, reasons: [], code: "BENCBENCH" }],
  total_minor: 42_292,
};

export interface Baseline {
  base: LoadResult;
  floor: LoadResult | null;
  rows: Row[];
  bars: { label: string; rps: number; p99: number }[];
  /**
   * The reference (row 1's hello-world, or row 1b's floor) measured again now, for a row that brackets
   * itself with it: the machine's speed drifts by up to 1.5× within minutes, so a row is compared with the
   * reference measured just before and just after it rather than with row 1 from minutes earlier.
   */
  again(ref: "hello" | "floor"): Promise<LoadResult & { cpuUs: number }>;
  /** Stops the reference server. */
  stop(): Promise<void>;
}

/**
 * `row`, run between two measurements of its reference; the reference is their mean req/s. Also each
 * one's server CPU per answer (the reference's mean of the two): autocannon shares the machine's two
 * cores, and the lighter reference leaves it more of them, so the CPU ratio is the steadier reading.
 */
export async function bracketed(baseline: Baseline, ref: "hello" | "floor", row: () => Promise<LoadResult & { cpuUs: number }>) {
  const before = await baseline.again(ref);
  const result = await row();
  const after = await baseline.again(ref);
  const reference = { ...before, rps: (before.rps + after.rps) / 2, cpuUs: (before.cpuUs + after.cpuUs) / 2 };
  return { result, reference, before: before.rps, after: after.rps, cpuRatio: reference.cpuUs / result.cpuUs };
}

export async function baselineRows(opts: { connections: number; seconds: number; withFloor: boolean }): Promise<Baseline> {
  const { connections, seconds, withFloor } = opts;
  const rows: Row[] = [];
  const bars: Baseline["bars"] = [];
  log("baseline: Hono hello-world on @hono/node-server");
  const hello = await startScript("bench/hello-server.ts");
  await load({ url: `${hello.url}/`, connections, seconds: 2 }); // warm-up
  const base = await load({ url: `${hello.url}/`, connections, seconds });
  bars.push({ label: "Hello world (baseline)", rps: base.rps, p99: base.p99 });
  rows.push({
    n: "1",
    what: "Baseline: Hono hello-world (@hono/node-server)",
    value: `${fmt(base.rps)} req/s`,
    p50: `${base.p50} ms`,
    p99: `${base.p99} ms`,
    ratio: "1.00×",
    target: "—",
    met: "n/a",
  });
  let floor: LoadResult | null = null;
  const floorSpec = {
    url: `${hello.url}/floor`,
    method: "POST" as const,
    body: JSON.stringify({ buyer_id: "bench-buyer", code: "BENCBENCH", cart: benchCart(20) }),
    connections,
  };
  await fetch(`${hello.url}/floor`, { method: "PUT", body: JSON.stringify(FLOOR_ANSWER) });
  if (withFloor) {
    log("floor: the same server parsing a quote's body and answering a quote-sized JSON");
    const spec = floorSpec;
    await load({ ...spec, seconds: 2 });
    floor = await load({ ...spec, seconds });
    bars.push({ label: "Floor: parse + answer", rps: floor.rps, p99: floor.p99 });
    rows.push(
      httpRow(
        "1b",
        "Floor of a quote: the same Hono server parsing the quote's 20-line body and answering a quote-sized JSON (no auth, validation or database)",
        floor,
        base,
        "—",
      ),
    );
  }
  return {
    base,
    floor,
    rows,
    bars,
    again: (ref) =>
      loadWithCpu(hello.child.pid ?? -1, ref === "hello" ? { url: `${hello.url}/`, connections, seconds } : { ...floorSpec, seconds }),
    stop: () => hello.stop(),
  };
}
