/** The prose of bench/results/REPORT.md: what each row measures, and where a request's time goes in this run. */
import { fmt } from "./rows.js";
import type { StatementCost } from "./statements.js";

export function whereTimeGoes(
  s: StatementCost,
  quoteUs: number,
  quotesPerSecond: number,
  redeemUs: number,
  quoteOfFloor: number | null,
): string {
  const engineUs = 1e6 / quotesPerSecond;
  return `Where the time goes (measured in this run)
- A quote costs the server about ${fmt(quoteUs)} µs (1 / its req/s at full load on one core). Repeated, it
  runs no SQL statement: the code's coupon and the buyer's wallet come from the read cache, which answers
  only while the WAL-index header (what SQLite's \`data_version\` compares; one pread per request) and the
  process's own write count are unchanged. What is left is HTTP, Hono's middleware, JSON parsing,
  validating the 20-line cart (its success path compiled from the zod schema, about 5 µs; zod itself took
  25–45 µs, bench/notes.md), the engine and writing the answer.${
    quoteOfFloor != null
      ? `
  Row 1b is the floor of any quote on this stack: parsing the same body and answering a JSON of the same
  size; the quote reaches ${(quoteOfFloor * 100).toFixed(0)} % of it.`
      : ""
  }
- On a cache miss the code look-up costs ${fmt(s.serverUs)} µs of CPU through the native client (Drizzle's mapping
  on top; ${s.columns} columns), ${fmt(s.nativeUs)} µs as a bare native statement, and ${fmt(s.clientUs)} µs through
  \`@libsql/client\`, which prepares every statement again on every call.
- The engine needs ${engineUs.toFixed(1)} µs per quote of 10 candidates × 20 lines, ${(engineUs / 10).toFixed(2)} µs per
  coupon judged. Row 5a reads the target as quotes/s, 5b as coupon evaluations/s.
- A redemption costs about ${fmt(redeemUs)} µs. It reads nothing before its write: the code's coupon is priced
  as last read and the guarded INSERT re-checks it (same version, not deactivated, in its window, a unit
  left, the buyer under the limit), and an Idempotency-Key replay is recognised by that same write. The
  write is one batch (redemption row, counter, idempotency answer); the batches of one event-loop turn
  commit in one transaction, each in its own savepoint, so concurrent checkouts share their COMMIT. The
  race in row 4 shows the quantity holding under it.`;
}

export const NOTES = `Notes
- Rows 1–4: req/s counts 2xx answers only; p50/p99 come from autocannon (whole milliseconds) at the stated connections.
- Row 1b runs on the baseline's server: \`POST /floor\` parses the quote's body and answers a JSON as long as
  the quote's answer, with nothing else. No quote on this stack can be faster; it bounds row 3's ratio.
- Rows 2 and 3 are each divided by their reference measured again just before and just after them (the
  mean of the two): row 2 by the hello-world, row 3's "of 1b" by the floor. The machine's speed drifts by
  up to 1.5× within minutes, so row 1 from minutes earlier is no fair yardstick; rows 1 and 1b show the
  first measurement. Row 3's plain ratio is still to row 1. Beside the req/s ratio (what the target is
  judged by), each shows the ratio of server CPU per request (the reference's over the row's, from /proc):
  autocannon shares the two cores and takes more of them against the lighter reference, so that reading
  moves less with the machine.
- Row 4 needs \`POST /v1/checkout/redemptions\`; each request is a new buyer, order and Idempotency-Key.
- Rows 4w/4x: a test shop's redemptions with one webhook endpoint subscribed to every event type, divided by
  the mean of a run without before and one after. 4w: the receiver is unreachable, so each redemption's
  batch writes its outbox row and the deliveries wait (the endpoint rests after one failed attempt). 4x:
  the same server's worker also signs and POSTs every event to a receiver in its own process.
- Row 5a's ratio is to a loop that only sums the same cart's lines (the floor of any quote computation);
  row 5b is row 5a × 10 (each quote judges all 10 candidate coupons against the cart).
- Rows 6a/6b: one connection, one request after another, each quoting a random one of the stored codes
  (so the index lookup is not one cached page), 2,000 requests after 50 warm-up ones.
- Row 7: file growth (after a WAL checkpoint) while seeding, scaled to one million codes; seeded codes carry
  no product list. Seeding uses 500-row INSERTs in one transaction through the native libSQL driver.
- Row 8: one \`POST /v1/coupons\` with \`unique_codes: {count: 100000, length: 7}\` against the running server, timed
  by the client (drawing, the region check and the one batch); B/code is the file's growth after a WAL checkpoint
  (the code, its \`live_codes\` row, and both tables' indexes). Rows 6c and 6d repeat row 6 after it: a shared
  code's quote must keep row 6b's ratio with the campaign's codes stored beside the million.`;
