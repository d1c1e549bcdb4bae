/**
 * Money helpers. All amounts are integer minor units; floats never carry money. Where a product of
 * two amounts could leave the safe-integer range we switch to BigInt rather than lose a cent.
 */
import type { Allocation } from "./types";

/** Throws unless `n` is a safe integer (>= min). Inputs are validated by the routes; this catches bugs. */
export function assertMinor(n: number, what: string, min = 0): void {
  if (!Number.isSafeInteger(n) || n < min) {
    throw new RangeError(`${what} must be a safe integer >= ${min}, got ${n}`);
  }
}

/** A safe integer >= 0: `assertMinor`'s test, for loops that word the error only when there is one. */
export const isMinor = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/**
 * floor(a * b / d) for non-negative safe integers, exact. Returns the quotient and the remainder
 * (a*b mod d) because the spread needs the remainder to rank leftovers.
 */
export function mulDivFloor(a: number, b: number, d: number): { q: number; r: number } {
  const p = a * b;
  if (Number.isSafeInteger(p)) {
    // Float division of safe integers can round up to the next integer; the remainder corrects it.
    let q = Math.floor(p / d);
    let r = p - q * d;
    if (r < 0) {
      q -= 1;
      r += d;
    } else if (r >= d) {
      q += 1;
      r -= d;
    }
    return { q, r };
  }
  const big = BigInt(a) * BigInt(b);
  const bd = BigInt(d);
  return { q: Number(big / bd), r: Number(big % bd) };
}

/**
 * Spread `total` over lines in proportion to their value (R25, API "Money"): each line gets
 * floor(total * value / Σvalue); the minor units left over go one each to the largest remainders,
 * ties to the earlier line. The parts sum exactly to `total`; a line of value 0 gets 0; no line gets
 * more than its value (total <= Σvalue is required for that, and enforced).
 */
export function spreadDiscount(total: number, lines: { line_id: string; value: number }[]): Allocation[] {
  assertMinor(total, "total");
  const n = lines.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (!isMinor(lines[i].value)) assertMinor(lines[i].value, `value of line ${lines[i].line_id}`);
    sum += lines[i].value;
  }
  assertMinor(sum, "sum of line values");
  if (total > sum) throw new RangeError(`cannot spread ${total} over lines worth ${sum}`);

  const out: Allocation[] = new Array(n);
  if (total === 0 || sum === 0) {
    for (let i = 0; i < n; i++) out[i] = { line_id: lines[i].line_id, discount_minor: 0 };
    return out;
  }
  const rem: number[] = new Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const { q, r } = mulDivFloor(total, lines[i].value, sum);
    out[i] = { line_id: lines[i].line_id, discount_minor: q };
    rem[i] = r;
    given += q;
  }
  let left = total - given; // < number of lines with a non-zero remainder
  if (left > 0) {
    const order: number[] = new Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    // Remainders share the denominator `sum`, so comparing them as integers is exact.
    sortRemainders = rem;
    order.sort(byRemainderThenLine);
    sortRemainders = NO_REMAINDERS;
    for (let k = 0; left > 0; k++, left--) out[order[k]].discount_minor += 1;
  }
  return out;
}

// The spread's sort order as a module-level comparator over the remainders being sorted (set around the
// one synchronous sort call), rather than a closure made for every applied quote.
const NO_REMAINDERS: number[] = [];
let sortRemainders = NO_REMAINDERS;
const byRemainderThenLine = (a: number, b: number): number => sortRemainders[b] - sortRemainders[a] || a - b;

/** ISO 4217 currencies whose minor unit is not 1/100. Everything else has two decimals. */
const ZERO_DECIMAL = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "ISK",
  "JPY",
  "KMF",
  "KRW",
  "PYG",
  "RWF",
  "UGX",
  "UYI",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);
const THREE_DECIMAL = new Set(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]);

/** Number of decimals of the currency's minor unit. */
export function currencyExponent(currency: string): number {
  const c = currency.toUpperCase();
  if (ZERO_DECIMAL.has(c)) return 0;
  if (THREE_DECIMAL.has(c)) return 3;
  return 2;
}

/** "20.00 USD", "1500 JPY", "-0.05 EUR": integer math only, so no float rounding shows up in messages. */
export function formatMoney(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount must be a safe integer, got ${minor}`);
  const cur = currency.toUpperCase();
  const exp = currencyExponent(cur);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (exp === 0) return `${sign}${abs} ${cur}`;
  const unit = 10 ** exp;
  const major = Math.floor(abs / unit);
  const frac = String(abs - major * unit).padStart(exp, "0");
  return `${sign}${major}.${frac} ${cur}`;
}
