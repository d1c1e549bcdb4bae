/**
 * Properties the other property suite does not state: which coupon the quote picks (R23: the best one,
 * largest discount then earliest to expire), and what a claim may be (R5, R9, R27: eligibility and the
 * validity it gets), over random wallets, facts and times.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claimDisplayState, evaluateClaim } from "../../worker/engine/claim-eligibility";
import { evaluateQuote } from "../../worker/engine/quote";
import type { BuyerFacts, Claim, Coupon } from "../../worker/engine/types";
import { cart, coupon, DAY, line, T0 } from "./fixtures";

const walletArb = fc
  .array(
    fc.record({
      amount: fc.integer({ min: 1, max: 3000 }),
      percent: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }),
      min: fc.integer({ min: 0, max: 6000 }),
      until: fc.integer({ min: 1, max: 5 }),
      state: fc.constantFrom("available" as const, "available" as const, "reserved" as const, "used" as const),
    }),
    { maxLength: 8 },
  )
  .map((entries) =>
    entries.map((e, i): { claim: Claim; coupon: Coupon } => ({
      coupon: coupon({
        id: `c${i}`,
        discount: e.percent
          ? { kind: "percent", percent_off: e.percent, max_discount_minor: null }
          : { kind: "fixed", amount_minor: e.amount },
        min_spend_minor: e.min,
      }),
      claim: { id: `k${i}`, coupon_id: `c${i}`, buyer_id: "b1", state: e.state, valid_from: T0 - DAY, valid_until: T0 + e.until * DAY },
    })),
  );

describe("R23: without a named code the quote applies the best claimed coupon", () => {
  it("no usable claim gives more; among equal discounts the one expiring first wins", () => {
    fc.assert(
      fc.property(walletArb, fc.integer({ min: 1, max: 10_000 }), (wallet, price) => {
        const q = evaluateQuote({
          now: T0,
          shop_currency: "USD",
          cart: cart([line("l1", "p1", 1, price)]),
          buyer_id: "b1",
          explain: false,
          wallet,
        });
        // What each usable claim alone would take off: the quote of a wallet holding only it.
        const alone = wallet
          .filter((w) => w.claim.state === "available")
          .map((w) => {
            const one = evaluateQuote({
              now: T0,
              shop_currency: "USD",
              cart: cart([line("l1", "p1", 1, price)]),
              buyer_id: "b1",
              explain: false,
              wallet: [w],
            });
            return { id: w.coupon.id, until: w.claim.valid_until, discount: one.applied?.discount_minor ?? 0 };
          })
          .filter((x) => x.discount > 0);
        if (alone.length === 0) {
          expect(q.applied).toBeNull();
          return;
        }
        const top = Math.max(...alone.map((x) => x.discount));
        const firstToExpire = Math.min(...alone.filter((x) => x.discount === top).map((x) => x.until));
        expect(q.applied?.discount_minor).toBe(top);
        const chosen = alone.find((x) => x.id === q.applied!.coupon_id)!;
        expect(chosen.until).toBe(firstToExpire);
        expect(q.best).toEqual({ coupon_id: chosen.id, discount_minor: top });
      }),
      { numRuns: 500 },
    );
  });
});

const factsArb: fc.Arbitrary<BuyerFacts> = fc.record({
  buyer_id: fc.constant("b1"),
  paid_order_times: fc.array(
    fc.integer({ min: -200, max: 0 }).map((d) => T0 + d * DAY),
    { maxLength: 3 },
  ),
  follows: fc.subarray([
    { target: "shop" as const, followed_at: T0 - 10 * DAY },
    { target: "live" as const, followed_at: T0 - DAY },
  ]),
  has_follower_grant: fc.boolean(),
});

const claimCouponArb = fc.record({
  type: fc.constantFrom("regular" as const, "follower" as const, "chat" as const),
  audience: fc.constantFrom("all" as const, "new" as const, "existing" as const, "repeat" as const),
  quantity: fc.integer({ min: 1, max: 5 }),
  claimed: fc.integer({ min: 0, max: 6 }),
  limit: fc.integer({ min: 1, max: 3 }),
  // A fixed range ends after it starts (the create rules refuse any other).
  fixed: fc.option(
    fc
      .record({ from: fc.integer({ min: -5, max: 5 }), len: fc.integer({ min: 1, max: 30 }) })
      .map(({ from, len }) => ({ from, to: from + len })),
    { nil: null },
  ),
  days: fc.integer({ min: 1, max: 365 }),
  deactivated: fc.boolean(),
  start: fc.integer({ min: -40, max: 5 }),
});

const heldArb = fc.array(
  fc.record({
    state: fc.constantFrom("available" as const, "reserved" as const, "used" as const),
    until: fc.integer({ min: -3, max: 10 }),
  }),
  { maxLength: 3 },
);

describe("R5, R9, R27: claim eligibility", () => {
  it("a claimable coupon has a unit left, no held claim, room under the limit, and a validity that starts at or after the claim and is not over", () => {
    fc.assert(
      fc.property(claimCouponArb, factsArb, heldArb, fc.boolean(), (k, facts, held, sent) => {
        const c = coupon({
          type: k.type,
          audience: k.type === "follower" ? "all_followers" : k.type === "chat" ? null : k.audience,
          quantity: k.quantity,
          claimed_count: k.claimed,
          per_customer_limit: k.type === "follower" ? null : k.limit,
          validity: k.fixed
            ? { kind: "fixed", starts_at: T0 + k.fixed.from * DAY, ends_at: T0 + k.fixed.to * DAY }
            : { kind: "days_after_claim", days: k.days },
          deactivated_at: k.deactivated ? T0 - 1 : null,
          claim_starts_at: T0 + k.start * DAY,
          claim_ends_at: T0 + (k.start + 60) * DAY,
        });
        const claims: Claim[] = held.map((h, i) => ({
          id: `k${i}`,
          coupon_id: c.id,
          buyer_id: "b1",
          state: h.state,
          valid_from: T0 - 20 * DAY,
          valid_until: T0 + h.until * DAY,
        }));
        const input = { coupon: c, now: T0, facts, buyer_claims: claims, sent_to_buyer: sent };
        const ev = evaluateClaim(input);
        expect(evaluateClaim(structuredClone(input))).toEqual(ev); // same input, same answer
        expect(ev.claimable).toBe(ev.reason === null);
        if (!ev.claimable) return;
        expect(c.deactivated_at).toBeNull();
        expect(c.claimed_count).toBeLessThan(c.quantity);
        expect(claims.length).toBeLessThan(k.type === "follower" ? 1 : k.limit);
        for (const h of claims) expect(claimDisplayState(h, c, T0)).not.toMatch(/^(available|reserved)$/);
        expect(ev.valid_from!).toBeGreaterThanOrEqual(T0);
        expect(ev.valid_until!).toBeGreaterThan(T0);
        expect(ev.valid_until!).toBeGreaterThan(ev.valid_from!);
        if (!k.fixed) expect(ev.valid_until! - ev.valid_from!).toBe(k.days * DAY);
        if (k.type === "chat") expect(sent).toBe(true);
        if (k.type === "follower") expect(facts.follows.length > 0 && !facts.has_follower_grant).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("without a buyer nothing is claimable, always for the same reason", () => {
    fc.assert(
      fc.property(claimCouponArb, (k) => {
        const ev = evaluateClaim({
          coupon: coupon({ type: k.type, quantity: k.quantity }),
          now: T0,
          facts: null,
          buyer_claims: [],
          sent_to_buyer: true,
        });
        expect(ev).toMatchObject({ claimable: false, reason: { code: "buyer_required" } });
      }),
      { numRuns: 100 },
    );
  });
});
