/**
 * Campaign codes in the benchmark: one `POST /v1/coupons` with `unique_codes` of 100,000 (row 8: codes
 * per second, and the database's growth per code after a WAL checkpoint), then the quote of a shared code
 * with those codes stored beside the million (row 6c, which must keep row 6b's ratio to 10,000 codes) and
 * the quote of random campaign codes (row 6d).
 */
import { checkpoint, databaseBytes } from "./seed.js";

export const CAMPAIGN_CODES = 100_000;

export interface CampaignRun {
  id: string;
  seconds: number;
  bytesPerCode: number;
  /** Some of its codes, in no particular order, to quote. */
  sample: string[];
}

export async function createCampaign(
  url: string,
  dbFile: string,
  sk: string,
  window: { active_starts_at: string; active_ends_at: string },
): Promise<CampaignRun> {
  checkpoint(dbFile);
  const before = databaseBytes(dbFile);
  const started = performance.now();
  const res = await fetch(`${url}/v1/coupons`, {
    method: "POST",
    headers: { authorization: `Bearer ${sk}`, "content-type": "application/json" },
    body: JSON.stringify({
      type: "promo_code",
      name: "Bench campaign",
      discount: { kind: "percent", percent_off: 10, max_discount_minor: 5000 },
      min_spend_minor: 1000,
      unique_codes: { count: CAMPAIGN_CODES, length: 7 },
      ...window,
    }),
  });
  const body = (await res.json()) as { coupon: { id: string } };
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 201) throw new Error(`campaign: ${res.status} ${JSON.stringify(body)}`);
  checkpoint(dbFile);
  const bytesPerCode = (databaseBytes(dbFile) - before) / CAMPAIGN_CODES;
  // 2,050 codes spread over the list: every 48th of the first pages would all share a prefix of the order.
  const sample: string[] = [];
  for (let cursor = ""; sample.length < 2_050; ) {
    const page = await fetch(`${url}/v1/coupons/${body.coupon.id}/codes?limit=100${cursor ? `&cursor=${cursor}` : ""}`, {
      headers: { authorization: `Bearer ${sk}` },
    });
    const { data, next_cursor } = (await page.json()) as { data: { code: string }[]; next_cursor: string | null };
    sample.push(...data.map((d) => d.code));
    if (!next_cursor) break;
    cursor = next_cursor;
  }
  return { id: body.coupon.id, seconds, bytesPerCode, sample };
}
