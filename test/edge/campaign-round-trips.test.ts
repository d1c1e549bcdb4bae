/**
 * A campaign's writes at the edge (README "A request at the edge"): the app configured as on Workers over
 * a real libSQL file, the isolate's caller cache at TTL 0 (the key's shop known, its fresh window lapsed),
 * counting each request's round trips. Creating a campaign and importing free codes are one round trip
 * each, the key checked inside the write; codes held in the region are found by the write's own batch
 * (R19: the campaign is written only if none of its codes is held; an import refuses the held ones and
 * adds the rest), a key revoked in another isolate is refused and writes nothing, a shop changed in
 * another isolate is planned again. A regular coupon of an addon shop is one round trip too: its batch
 * picks the addon's kind (R32).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { answer, at, claimableBody, DAY, makeTestApp, promoBody, type TestApp } from "../support/app.js";
import { calls } from "../support/api.js";
import { CallerCache } from "../../worker/lib/caller-cache.js";
import { getCouponRow, insertCouponGuarded } from "../../worker/store/coupons.js";
import { probes } from "./trips.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ edge: true, file: true });
  t.config.callerCache = new CallerCache(0);
});
const { counted, elsewhere, count, revokeFirstKeyElsewhere } = probes(() => t);

/** A campaign body: `n` codes of `length` characters, no shared code, starting tomorrow (codes are added while upcoming). */
function campaignBody(n: number, over: Parameters<typeof promoBody>[0] = {}, length = 8) {
  const {
    code: _c,
    quantity: _q,
    per_customer_limit: _p,
    ...rest
  } = promoBody({ active_starts_at: at(DAY), active_ends_at: at(3 * DAY), ...over });
  return { ...rest, unique_codes: { count: n, length } };
}

let made = 0;
/** A shop whose secret key this isolate has seen (its first request resolved it), and its campaign. */
async function shopWithCampaign(n = 3, name?: string) {
  const s = await t.shop(name ? { name } : undefined);
  const seller = calls(t, s.sk);
  const res = await answer(seller.createCoupon(campaignBody(n, { name: `Campaign ${++made}` })));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { s, seller, campaign: res.body.coupon! };
}

const codesOf = async (couponId: string) =>
  (await elsewhere("SELECT code FROM campaign_codes WHERE coupon_id = ? ORDER BY code", [couponId])).rows.map((r) => String(r.code));
const liveOf = (couponId: string) => count("SELECT count(*) AS n FROM live_codes WHERE coupon_id = ?", [couponId]);
const quantityOf = async (couponId: string) =>
  Number((await elsewhere("SELECT quantity FROM coupons WHERE id = ?", [couponId])).rows[0].quantity);

describe("creating a campaign: one round trip, its codes checked by the create batch itself", () => {
  it("R19: a campaign of 20 codes is one round trip; the answer, its codes and their live rows agree", async () => {
    const { s, seller } = await shopWithCampaign();
    const res = await counted(() => seller.createCoupon(campaignBody(20, { name: "Spring drop" }, 6)));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.trips).toBe(1);
    const coupon = res.body.coupon!;
    expect(coupon).toMatchObject({
      type: "promo_code",
      name: "Spring drop",
      code: null,
      quantity: 20,
      unique_codes: { count: 20, length: 6 },
    });
    const codes = await codesOf(coupon.id);
    expect(codes).toHaveLength(20);
    expect(new Set(codes).size).toBe(20);
    const prefix = (await elsewhere("SELECT code_prefix FROM shops WHERE id = ?", [s.id])).rows[0].code_prefix as string;
    for (const code of codes) expect(code).toMatch(new RegExp(`^${prefix}[A-Z0-9]{6}$`));
    expect(await liveOf(coupon.id)).toBe(20);
  });

  it("the create batch writes a campaign only if none of its codes is held, and reads back which were", async () => {
    const { s, campaign } = await shopWithCampaign();
    const held = (await codesOf(campaign.id))[0];
    const { seq: _seq, ...source } = (await getCouponRow(t.db, s.id, campaign.id))!;
    const now = Date.now();
    const copy = { ...source, id: "cpn_edge_copy", name: "Copy", quantity: 2 };
    const opts = { now, realNow: now, region: "US", audit: [] };
    const fresh = `${held.slice(0, -1)}${held.endsWith("Z") ? "Y" : "Z"}`;

    // One code held by the campaign: nothing is written, and the batch names it.
    const refused = await insertCouponGuarded(t.db, copy, { ...opts, campaignCodes: [held, fresh] });
    expect(refused).toEqual({ ok: false, conflict: "promo_code_taken", held: [held] });
    expect(await count("SELECT count(*) AS n FROM coupons WHERE id = ?", [copy.id])).toBe(0);
    expect(await codesOf(copy.id)).toEqual([]);

    // The held code redrawn: written whole, quantity and codes alike.
    const redrawn = `${fresh.slice(0, -2)}${fresh.endsWith("ZZ") ? "YY" : "ZZ"}`;
    const written = await insertCouponGuarded(t.db, copy, { ...opts, campaignCodes: [fresh, redrawn] });
    expect(written.ok).toBe(true);
    expect(await codesOf(copy.id)).toEqual([fresh, redrawn].sort());
    expect(await liveOf(copy.id)).toBe(2);
    expect(await liveOf(campaign.id)).toBe(3);
  });

  it("a key revoked in another isolate: 401, and no campaign, code or live row is written", async () => {
    const { s, seller } = await shopWithCampaign();
    await revokeFirstKeyElsewhere(s);
    const coupons = await count("SELECT count(*) AS n FROM coupons WHERE shop_id = ?", [s.id]);
    const codes = await count("SELECT count(*) AS n FROM live_codes WHERE shop_id = ?", [s.id]);
    const res = await counted(() => seller.createCoupon(campaignBody(5, { name: "Never" })));
    expect(res.status).toBe(401);
    expect(await count("SELECT count(*) AS n FROM coupons WHERE shop_id = ?", [s.id])).toBe(coupons);
    expect(await count("SELECT count(*) AS n FROM live_codes WHERE shop_id = ?", [s.id])).toBe(codes);
  });
});

describe("importing campaign codes: one round trip when its codes are free", () => {
  it("adds the free codes in one round trip, refusing malformed and repeated entries; quantity, audit and codes follow", async () => {
    const { s, seller, campaign } = await shopWithCampaign();
    const res = await counted(() => seller.addCodes(campaign.id, { codes: ["own1", "OWN2", "own1", "x", "OWN3"] }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.trips).toBe(1);
    expect(res.body).toEqual({
      added: 3,
      refused: [
        { code: "own1", reason: "duplicate_in_request" },
        { code: "x", reason: "code_invalid" },
      ],
    });
    expect(await quantityOf(campaign.id)).toBe(6);
    const prefix = (await elsewhere("SELECT code_prefix FROM shops WHERE id = ?", [s.id])).rows[0].code_prefix as string;
    expect(await codesOf(campaign.id)).toEqual(expect.arrayContaining([`${prefix}OWN1`, `${prefix}OWN2`, `${prefix}OWN3`]));
    expect(await liveOf(campaign.id)).toBe(6);
    const entry = (await elsewhere("SELECT changes FROM audit_entries WHERE coupon_id = ? AND action = 'updated'", [campaign.id])).rows;
    expect(entry.map((r) => JSON.parse(String(r.changes)))).toEqual([{ codes_added: 3, before: { quantity: 3 }, after: { quantity: 6 } }]);

    // The write kept its row as the isolate's copy: the next import plans from it, one round trip again.
    const next = await counted(() => seller.addCodes(campaign.id, { codes: ["OWN4"] }));
    expect(next).toMatchObject({ status: 200, trips: 1, body: { added: 1, refused: [] } });
    expect(await quantityOf(campaign.id)).toBe(7);
  });

  it("R19: codes held in the region (its own, another shop's) are refused and the rest added; quantity is the count of codes", async () => {
    const { s, seller, campaign } = await shopWithCampaign(3, "Same Prefix A");
    const twin = await t.shop({ name: "Same Prefix B" }); // the same prefix: its codes are ones this shop could name
    expect(twin.code_prefix).toBe(s.code_prefix);
    const own = (await codesOf(campaign.id))[0];
    const prefix = s.code_prefix;
    expect((await answer(calls(t, twin.sk).createCoupon(promoBody({ code: "SHARED9", name: "Shared" })))).status).toBe(201);
    const res = await counted(() => seller.addCodes(campaign.id, { codes: [own.slice(prefix.length), "SHARED9", "FRESH1"] }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      added: 1,
      refused: [
        { code: own.slice(prefix.length), reason: "promo_code_taken" },
        { code: "SHARED9", reason: "promo_code_taken" },
      ],
    });
    // The batch that found them held wrote nothing and read them back; the rest went in the next one.
    expect(res.trips).toBe(2);
    expect(await quantityOf(campaign.id)).toBe(4);
    expect(await liveOf(campaign.id)).toBe(4);
    expect((await codesOf(campaign.id)).length).toBe(4);
    expect(await count("SELECT count(*) AS n FROM audit_entries WHERE coupon_id = ? AND action = 'updated'", [campaign.id])).toBe(1);
  });

  it("a key revoked in another isolate: 401, and nothing is added", async () => {
    const { s, seller, campaign } = await shopWithCampaign();
    await revokeFirstKeyElsewhere(s);
    const res = await counted(() => seller.addCodes(campaign.id, { codes: ["NEVER1"] }));
    expect(res.status).toBe(401);
    expect(await quantityOf(campaign.id)).toBe(3);
    expect(await liveOf(campaign.id)).toBe(3);
    expect((await codesOf(campaign.id)).length).toBe(3);
  });

  it("a shop whose test clock moved elsewhere is planned again: its campaign has started, so nothing is added (409)", async () => {
    const { s, seller, campaign } = await shopWithCampaign();
    await elsewhere("UPDATE shops SET test_clock_now = ? WHERE id = ?", [Date.now() + 2 * DAY, s.id]);
    const res = await counted(() => seller.addCodes(campaign.id, { codes: ["LATE1"] }));
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body).toMatchObject({ code: "edit_not_allowed" });
    expect(await quantityOf(campaign.id)).toBe(3);
  });

  it("a campaign edited in another isolate: the copy's version refuses the write, which is planned again from the row", async () => {
    const { seller, campaign } = await shopWithCampaign();
    await elsewhere("UPDATE coupons SET name = 'Renamed', version = version + 1 WHERE id = ?", [campaign.id]);
    const res = await counted(() => seller.addCodes(campaign.id, { codes: ["AGAIN1"] }));
    expect(res).toMatchObject({ status: 200, body: { added: 1, refused: [] } });
    expect(res.trips).toBe(2);
    expect(await quantityOf(campaign.id)).toBe(4);
    const version = Number((await elsewhere("SELECT version FROM coupons WHERE id = ?", [campaign.id])).rows[0].version);
    expect(version).toBe(campaign.version + 2);
  });
});

describe("R32 at the edge: a regular coupon of an addon shop and its addon in one round trip", () => {
  it("the batch picks the addon's kind: a follower addon while the shop has no live follower coupon, then a repurchase addon", async () => {
    const s = await t.shop({ addon_coupons: true });
    const seller = calls(t, s.sk);
    await answer(seller.listCoupons()); // the key's shop known to this isolate
    const first = await counted(() => seller.createCoupon(claimableBody("regular", { name: "Spring" })));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.trips).toBe(1);
    const parent = first.body.coupon!;
    expect(first.body.addons?.map((a) => [a.type, a.audience, a.name, a.origin])).toEqual([
      ["follower", "all_followers", "Spring addon follow", "addon"],
    ]);
    // The first addon is a live follower coupon: the next regular coupon's addon is a repurchase one.
    const second = await counted(() => seller.createCoupon(claimableBody("regular", { name: "Summer" })));
    expect(second.trips).toBe(1);
    expect(second.body.addons?.map((a) => [a.type, a.audience, a.name])).toEqual([["regular", "repeat", "Summer addon repeat"]]);
    // One addon per parent, each with both history entries.
    for (const p of [parent, second.body.coupon!]) {
      expect(await count("SELECT count(*) AS n FROM coupons WHERE parent_id = ?", [p.id])).toBe(1);
      expect(await count("SELECT count(*) AS n FROM audit_entries WHERE coupon_id = ? AND action = 'addon_created'", [p.id])).toBe(1);
    }
    expect(await count("SELECT count(*) AS n FROM coupons WHERE shop_id = ?", [s.id])).toBe(4);
  });

  it("a key revoked in another isolate: 401, and neither the coupon nor an addon is written", async () => {
    const s = await t.shop({ addon_coupons: true });
    await answer(calls(t, s.sk).listCoupons());
    await revokeFirstKeyElsewhere(s);
    const res = await counted(() => calls(t, s.sk).createCoupon(claimableBody("regular", { name: "Never" })));
    expect(res.status).toBe(401);
    expect(await count("SELECT count(*) AS n FROM coupons WHERE shop_id = ?", [s.id])).toBe(0);
  });
});
