import { describe, expect, it } from "vitest";
import { claimDisplayState, claimValidity, evaluateClaim, type ClaimInput } from "../../worker/engine/claim-eligibility";
import type { BuyerFacts } from "../../worker/engine/types";
import { claim, coupon, DAY, T0 } from "./fixtures";

const facts = (over: Partial<BuyerFacts> = {}): BuyerFacts => ({
  buyer_id: "b1",
  paid_order_times: [],
  follows: [],
  has_follower_grant: false,
  ...over,
});
const ask = (over: Partial<ClaimInput> = {}) =>
  evaluateClaim({ coupon: coupon(), now: T0, facts: facts(), buyer_claims: [], sent_to_buyer: false, ...over });
const why = (over: Partial<ClaimInput> = {}) => ask(over).reason?.code ?? null;

describe("evaluateClaim", () => {
  it("an eligible buyer may claim; the claim gets its validity", () => {
    expect(ask()).toEqual({ claimable: true, reason: null, valid_from: T0, valid_until: T0 + 30 * DAY });
  });

  it("no buyer → buyer_required, before anything else", () => {
    expect(why({ facts: null, coupon: coupon({ deactivated_at: T0 - 1 }) })).toBe("buyer_required");
  });

  it("R28: a deactivated coupon cannot be claimed", () => {
    expect(why({ coupon: coupon({ deactivated_at: T0 - 1 }) })).toBe("deactivated");
  });

  it("claim window is half-open: not_started before, expired at the end", () => {
    const c = coupon({ claim_starts_at: T0 + 1, claim_ends_at: T0 + 40 * DAY });
    expect(why({ coupon: c })).toBe("not_started");
    expect(why({ coupon: c, now: T0 + 1 })).toBe(null);
    expect(why({ coupon: c, now: T0 + 40 * DAY })).toBe("expired");
  });

  it("R6: audience new / existing / repeat gates regular coupons", () => {
    const buyer = facts({ paid_order_times: [T0 - DAY] });
    expect(why({ coupon: coupon({ audience: "new" }), facts: buyer })).toBe("audience_mismatch");
    expect(why({ coupon: coupon({ audience: "new" }) })).toBe(null);
    expect(why({ coupon: coupon({ audience: "existing" }), facts: buyer })).toBe(null);
    expect(why({ coupon: coupon({ audience: "repeat" }), facts: buyer })).toBe("audience_mismatch");
    expect(why({ coupon: coupon({ audience: "repeat" }), facts: facts({ paid_order_times: [T0 - DAY, T0 - 50 * DAY] }) })).toBe(null);
  });

  it("R7: a paid-then-refunded order still makes the buyer not new", () => {
    // refunds do not remove the paid time from the facts; the engine must not need them
    expect(why({ coupon: coupon({ audience: "new" }), facts: facts({ paid_order_times: [T0 - 3 * DAY] }) })).toBe("audience_mismatch");
  });

  const follower = coupon({
    type: "follower",
    audience: "all_followers",
    per_customer_limit: null,
    discount: { kind: "fixed", amount_minor: 300 },
  });
  it("R10: only a current follower may claim a follower coupon", () => {
    expect(why({ coupon: follower })).toBe("not_a_follower");
    expect(why({ coupon: follower, facts: facts({ follows: [{ target: "live", followed_at: T0 - 100 * DAY }] }) })).toBe(null);
  });

  it("R10: new_followers needs a follow at or after the claim window start", () => {
    const nf = { ...follower, audience: "new_followers" as const, claim_starts_at: T0 - DAY };
    expect(why({ coupon: nf, facts: facts({ follows: [{ target: "shop", followed_at: T0 - DAY - 1 }] }) })).toBe("audience_mismatch");
    expect(why({ coupon: nf, facts: facts({ follows: [{ target: "shop", followed_at: T0 - DAY }] }) })).toBe(null);
  });

  it("R11: a buyer who already holds a follower grant gets already_claimed, even re-following", () => {
    const f = facts({ follows: [{ target: "shop", followed_at: T0 }], has_follower_grant: true });
    expect(why({ coupon: follower, facts: f })).toBe("already_claimed");
  });

  it("R11: a second claim of the same follower coupon is already_claimed, even after using the first", () => {
    const f = facts({ follows: [{ target: "shop", followed_at: T0 }] });
    expect(why({ coupon: follower, facts: f, buyer_claims: [claim({ state: "used" })] })).toBe("already_claimed");
  });

  it("R12: eligibility follows the facts at claim time (a follow made a moment ago counts)", () => {
    const nf = { ...follower, audience: "new_followers" as const, claim_starts_at: T0 - 10 * DAY };
    expect(why({ coupon: nf, facts: facts() })).toBe("not_a_follower");
    expect(why({ coupon: nf, facts: facts({ follows: [{ target: "shop", followed_at: T0 - 1 }] }) })).toBe(null);
  });

  it("R13: review coupons are never claimed from the storefront", () => {
    expect(why({ coupon: coupon({ type: "review", audience: null }) })).toBe("audience_mismatch");
  });

  it("R17: a chat coupon needs to have been sent to this buyer", () => {
    const chat = coupon({ type: "chat", audience: null });
    expect(why({ coupon: chat })).toBe("not_sent_to_buyer");
    expect(why({ coupon: chat, sent_to_buyer: true })).toBe(null);
  });

  it("R9: while a claim is available another is already_claimed; reserved claims count as held", () => {
    expect(why({ buyer_claims: [claim()] })).toBe("already_claimed");
    expect(why({ buyer_claims: [claim({ state: "reserved" })] })).toBe("already_claimed");
  });

  it("R9: after using it, the buyer may claim again while the per-customer limit allows", () => {
    const c = coupon({ per_customer_limit: 2 });
    expect(why({ coupon: c, buyer_claims: [claim({ state: "used" })] })).toBe(null);
    expect(why({ coupon: c, buyer_claims: [claim({ state: "used" }), claim({ id: "k2", state: "used" })] })).toBe(
      "per_customer_limit_reached",
    );
  });

  it("R9: per_customer_limit defaults to 1 and counts every claim ever made (expired ones too)", () => {
    const c = coupon({ per_customer_limit: null });
    expect(why({ coupon: c, buyer_claims: [claim({ state: "used" })] })).toBe("per_customer_limit_reached");
    expect(why({ coupon: coupon({ per_customer_limit: 1 }), buyer_claims: [claim({ valid_until: T0 })] })).toBe(
      "per_customer_limit_reached",
    );
  });

  it("R27: quantity exhausted once claims reach the quantity", () => {
    expect(why({ coupon: coupon({ quantity: 5, claimed_count: 5 }) })).toBe("quantity_exhausted");
    expect(why({ coupon: coupon({ quantity: 5, claimed_count: 4 }) })).toBe(null);
  });

  it("checks run in order: window before audience before limit before quantity", () => {
    const all = coupon({ audience: "existing", claim_starts_at: T0 + 1, claimed_count: 100, quantity: 100 });
    expect(why({ coupon: all, buyer_claims: [claim()] })).toBe("not_started");
    expect(why({ coupon: { ...all, claim_starts_at: T0 }, buyer_claims: [claim()] })).toBe("audience_mismatch");
    expect(why({ coupon: { ...all, claim_starts_at: T0, audience: "all" }, buyer_claims: [claim()] })).toBe("already_claimed");
    expect(why({ coupon: { ...all, claim_starts_at: T0, audience: "all" } })).toBe("quantity_exhausted");
  });

  it("every refusal carries an English message", () => {
    const r = ask({ coupon: coupon({ type: "chat", audience: null }) });
    expect(r.claimable).toBe(false);
    expect(r.reason?.message).toMatch(/sent/);
    expect(r.valid_from).toBeUndefined();
  });
});

describe("claimValidity (R5)", () => {
  it("days_after_claim: [now, now + days)", () => {
    expect(claimValidity(coupon({ validity: { kind: "days_after_claim", days: 7 } }), T0 + 5)).toEqual({
      valid_from: T0 + 5,
      valid_until: T0 + 5 + 7 * DAY,
    });
  });
  it("fixed: the fixed range, never before the claim itself", () => {
    const c = coupon({ validity: { kind: "fixed", starts_at: T0 + DAY, ends_at: T0 + 9 * DAY } });
    expect(claimValidity(c, T0)).toEqual({ valid_from: T0 + DAY, valid_until: T0 + 9 * DAY });
    expect(claimValidity(c, T0 + 2 * DAY)).toEqual({ valid_from: T0 + 2 * DAY, valid_until: T0 + 9 * DAY });
  });
  it("R5: a fixed validity that is already over is not handed out", () => {
    const c = coupon({ validity: { kind: "fixed", starts_at: T0 - 9 * DAY, ends_at: T0 } });
    expect(why({ coupon: c })).toBe("expired");
  });
});

describe("claimDisplayState", () => {
  const c = coupon();
  it("R5: an available claim past valid_until shows expired (half-open)", () => {
    expect(claimDisplayState(claim({ valid_until: T0 + 1 }), c, T0)).toBe("available");
    expect(claimDisplayState(claim({ valid_until: T0 }), c, T0)).toBe("expired");
  });
  it("R28: claims not yet used of a deactivated coupon are void; used ones stay used", () => {
    const off = coupon({ deactivated_at: T0 - 1 });
    expect(claimDisplayState(claim(), off, T0)).toBe("void");
    expect(claimDisplayState(claim({ state: "reserved" }), off, T0)).toBe("void");
    expect(claimDisplayState(claim({ state: "used" }), off, T0)).toBe("used");
  });
});
