/**
 * Rows 6, 7 and 8: a quote's latency with 10,000 and then a million promo codes stored, the database's size
 * per million codes, and a campaign of 100,000 single-use codes created in one request (then row 6 again
 * beside it). Also measures what one code look-up statement costs, for the report's prose.
 */
import { CAMPAIGN_CODES, createCampaign } from "./campaign.js";
import { sequentialLatency } from "./http.js";
import type { Row } from "./report.js";
import { fmt, log, ms } from "./rows.js";
import { checkpoint, databaseBytes, seedPromoCodes, seededCode } from "./seed.js";
import { type StatementCost, statementCost } from "./statements.js";

export interface LatencyContext {
  url: string;
  dbFile: string;
  shop: { id: string; prefix: string; sk: string };
  /** The promo code every quote row uses. */
  code: string;
  seedTarget: Parameters<typeof seedPromoCodes>[0];
  window: { active_starts_at: string; active_ends_at: string };
  quoteBody: (code: string) => string;
  /** Codes already seeded, and codes stored for rows 6b–6d. */
  small: number;
  big: number;
}

export async function latencyRows(ctx: LatencyContext): Promise<{ rows: Row[]; stmt: StatementCost }> {
  const rows: Row[] = [];
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });
  const quoteAt = async (stored: number, pick = () => seededCode(ctx.shop.prefix, Math.floor(Math.random() * stored))) => {
    const url = `${ctx.url}/v1/checkout/quote`;
    let i = 0;
    const codes = Array.from({ length: 2050 }, pick);
    return sequentialLatency(
      url,
      () => ({
        method: "POST",
        headers: { ...auth(ctx.shop.sk), "content-type": "application/json" },
        body: ctx.quoteBody(codes[i++ % codes.length]),
      }),
      2000,
      (b) => {
        if (!(b as { applied: unknown }).applied) throw new Error(`quote did not apply the code: ${JSON.stringify(b)}`);
      },
    );
  };
  log(`quote latency with ${fmt(ctx.small)} codes`);
  const at10k = await quoteAt(ctx.small);

  // (7) Database size per million codes, from the growth while seeding the rest.
  checkpoint(ctx.dbFile);
  const before = databaseBytes(ctx.dbFile);
  log(`seeding ${fmt(ctx.big - ctx.small)} more promo codes (one transaction, 500-row INSERTs)`);
  const seedSeconds = seedPromoCodes(ctx.seedTarget, ctx.small, ctx.big);
  checkpoint(ctx.dbFile);
  const after = databaseBytes(ctx.dbFile);
  log(`seeded in ${seedSeconds.toFixed(1)} s; database ${(after / 1e6).toFixed(0)} MB`);
  log(`quote latency with ${fmt(ctx.big)} codes`);
  const atBig = await quoteAt(ctx.big);
  const growth = atBig.p50 / at10k.p50;
  rows.push({
    n: "6a",
    what: `Quote, ${fmt(ctx.small)} codes stored (1 connection, random code)`,
    value: "—",
    p50: ms(at10k.p50),
    p99: ms(at10k.p99),
    ratio: "1.00×",
    target: "—",
    met: "n/a",
  });
  rows.push({
    n: "6b",
    what: `Quote, ${fmt(ctx.big)} codes stored (1 connection, random code)`,
    value: `seeded in ${seedSeconds.toFixed(1)} s`,
    p50: ms(atBig.p50),
    p99: ms(atBig.p99),
    ratio: `${growth.toFixed(2)}× of 10k`,
    target: "p50 ≤ 1.5× of 10k",
    met: growth <= 1.5 ? "yes" : "no",
  });
  const perMillion = ((after - before) / (ctx.big - ctx.small)) * 1_000_000;

  // (8) A campaign of 100,000 single-use codes in one request, then (6c) the shared codes' quote beside it.
  log(`campaign: ${fmt(CAMPAIGN_CODES)} codes in one POST /v1/coupons`);
  const camp = await createCampaign(ctx.url, ctx.dbFile, ctx.shop.sk, ctx.window);
  rows.push({
    n: "8",
    what: `Campaign: ${fmt(CAMPAIGN_CODES)} single-use codes in one \`POST /v1/coupons\` (\`unique_codes\`, 7 characters; growth after a checkpoint)`,
    value: `${fmt(CAMPAIGN_CODES / camp.seconds)} codes/s (${camp.seconds.toFixed(1)} s)`,
    p50: "—",
    p99: "—",
    ratio: `${fmt(camp.bytesPerCode)} B/code`,
    target: "one request, seconds",
    met: camp.seconds < 10 ? "yes" : "no",
  });
  log(`quote latency of shared codes with the campaign stored too`);
  const withCampaign = await quoteAt(ctx.big);
  const campaignGrowth = withCampaign.p50 / at10k.p50;
  rows.push({
    n: "6c",
    what: `Quote, ${fmt(ctx.big)} shared codes + a ${fmt(CAMPAIGN_CODES)}-code campaign stored (random shared code)`,
    value: "—",
    p50: ms(withCampaign.p50),
    p99: ms(withCampaign.p99),
    ratio: `${campaignGrowth.toFixed(2)}× of 10k`,
    target: "p50 ≤ 1.5× of 10k",
    met: campaignGrowth <= 1.5 ? "yes" : "no",
  });
  const campaignQuote = await quoteAt(ctx.big, () => camp.sample[Math.floor(Math.random() * camp.sample.length)]);
  rows.push({
    n: "6d",
    what: `Quote of a random code of that campaign (same database)`,
    value: "—",
    p50: ms(campaignQuote.p50),
    p99: ms(campaignQuote.p99),
    ratio: `${(campaignQuote.p50 / at10k.p50).toFixed(2)}× of 10k`,
    target: "—",
    met: "n/a",
  });
  const stmt = await statementCost(ctx.dbFile, ctx.shop.id, ctx.code);
  rows.push({
    n: "7",
    what: "Database size per million promo codes (coupon + live_codes rows, indexes)",
    value: `${(perMillion / 1e6).toFixed(0)} MB`,
    p50: "—",
    p99: "—",
    ratio: `${fmt(perMillion / 1_000_000)} B/code`,
    target: "—",
    met: "n/a",
  });
  return { rows, stmt };
}
