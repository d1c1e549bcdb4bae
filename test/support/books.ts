/**
 * A coupon's books: the counters kept beside the rows, next to the rows they count. After any mix of
 * reservations, commits, releases and refunds they must agree: reserved_count = reserved rows, used_count
 * = committed rows not given back, budget_spent_minor = their discount, and a campaign's codes in each
 * state = the uses that hold them.
 */
export const BOOKS_SQL = `SELECT c.quantity, c.budget_minor, c.reserved_count, c.used_count, c.budget_spent_minor,
    (SELECT count(*) FROM redemptions r WHERE r.coupon_id = c.id AND r.state = 'reserved') AS reserved_rows,
    (SELECT count(*) FROM redemptions r WHERE r.coupon_id = c.id AND r.state = 'committed' AND r.returned_at IS NULL) AS used_rows,
    (SELECT COALESCE(sum(r.discount_minor), 0) FROM redemptions r WHERE r.coupon_id = c.id
       AND (r.state = 'reserved' OR (r.state = 'committed' AND r.returned_at IS NULL))) AS spent_rows,
    (SELECT count(*) FROM campaign_codes k WHERE k.coupon_id = c.id) AS codes,
    (SELECT count(*) FROM campaign_codes k WHERE k.coupon_id = c.id AND k.state = 'reserved') AS codes_reserved,
    (SELECT count(*) FROM campaign_codes k WHERE k.coupon_id = c.id AND k.state = 'redeemed') AS codes_redeemed,
    (SELECT count(*) FROM live_codes l WHERE l.coupon_id = c.id) AS live_rows
  FROM coupons c WHERE c.id = ?`;

export interface Books {
  quantity: number;
  budget_minor: number | null;
  reserved_count: number;
  used_count: number;
  budget_spent_minor: number;
  reserved_rows: number;
  used_rows: number;
  spent_rows: number;
  codes: number;
  codes_reserved: number;
  codes_redeemed: number;
  live_rows: number;
}

export function toBooks(row: Record<string, unknown>): Books {
  const n = (k: string) => (row[k] == null ? null : Number(row[k]));
  return {
    quantity: n("quantity")!,
    budget_minor: n("budget_minor"),
    reserved_count: n("reserved_count")!,
    used_count: n("used_count")!,
    budget_spent_minor: n("budget_spent_minor")!,
    reserved_rows: n("reserved_rows")!,
    used_rows: n("used_rows")!,
    spent_rows: n("spent_rows")!,
    codes: n("codes")!,
    codes_reserved: n("codes_reserved")!,
    codes_redeemed: n("codes_redeemed")!,
    live_rows: n("live_rows")!,
  };
}

/** What disagrees in the books (empty when the counters equal the rows and every limit holds). */
export function booksMismatches(b: Books, campaign: boolean): string[] {
  const bad: string[] = [];
  if (b.reserved_count !== b.reserved_rows) bad.push(`reserved_count ${b.reserved_count} ≠ ${b.reserved_rows} rows`);
  if (b.used_count !== b.used_rows) bad.push(`used_count ${b.used_count} ≠ ${b.used_rows} rows`);
  if (b.budget_spent_minor !== b.spent_rows) bad.push(`budget_spent_minor ${b.budget_spent_minor} ≠ ${b.spent_rows} in rows`);
  if (b.budget_minor != null && b.spent_rows > b.budget_minor) bad.push(`spent ${b.spent_rows} > budget ${b.budget_minor}`);
  if (b.reserved_rows + b.used_rows > b.quantity) bad.push(`uses ${b.reserved_rows + b.used_rows} > quantity ${b.quantity}`);
  if (campaign) {
    if (b.codes !== b.quantity) bad.push(`codes ${b.codes} ≠ quantity ${b.quantity}`);
    if (b.codes_reserved !== b.reserved_rows) bad.push(`reserved codes ${b.codes_reserved} ≠ ${b.reserved_rows} reservations`);
    if (b.codes_redeemed !== b.used_rows) bad.push(`redeemed codes ${b.codes_redeemed} ≠ ${b.used_rows} uses`);
  }
  return bad;
}
