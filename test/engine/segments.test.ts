import { describe, expect, it } from "vitest";
import { isExistingCustomer, isNewCustomer, isRepeatCustomer, matchesAudience } from "../../worker/engine/segments";
import type { BuyerFacts } from "../../worker/engine/types";
import { DAY, T0 } from "./fixtures";

const facts = (over: Partial<BuyerFacts> = {}): BuyerFacts => ({
  buyer_id: "b1",
  paid_order_times: [],
  follows: [],
  has_follower_grant: false,
  ...over,
});

describe("segments", () => {
  it("R6/R7: no paid order → new, not existing", () => {
    expect(isNewCustomer(facts())).toBe(true);
    expect(isExistingCustomer(facts())).toBe(false);
  });
  it("R7: one paid order (even if later refunded, it stays in paid_order_times) → not new, existing", () => {
    const f = facts({ paid_order_times: [T0] });
    expect(isNewCustomer(f)).toBe(false);
    expect(isExistingCustomer(f)).toBe(true);
  });
  it("R6: repeat = two paid orders at most 90 days apart, inclusive, in any order", () => {
    expect(isRepeatCustomer(facts({ paid_order_times: [T0] }))).toBe(false);
    expect(isRepeatCustomer(facts({ paid_order_times: [T0 + 90 * DAY, T0] }))).toBe(true);
    expect(isRepeatCustomer(facts({ paid_order_times: [T0, T0 + 90 * DAY + 1] }))).toBe(false);
    // far apart first, then a close pair later
    expect(isRepeatCustomer(facts({ paid_order_times: [T0 + 400 * DAY, T0, T0 + 300 * DAY] }))).toBe(false);
    expect(isRepeatCustomer(facts({ paid_order_times: [T0 + 400 * DAY, T0, T0 + 350 * DAY] }))).toBe(true);
  });
  it("R6: repeat check does not reorder the caller's facts", () => {
    const times = [T0 + 10 * DAY, T0];
    isRepeatCustomer(facts({ paid_order_times: times }));
    expect(times).toEqual([T0 + 10 * DAY, T0]);
  });
  it("R6: matchesAudience for customer audiences", () => {
    const fresh = facts();
    const once = facts({ paid_order_times: [T0] });
    expect(matchesAudience("all", fresh, T0)).toBe(true);
    expect(matchesAudience("new", fresh, T0)).toBe(true);
    expect(matchesAudience("new", once, T0)).toBe(false);
    expect(matchesAudience("existing", once, T0)).toBe(true);
    expect(matchesAudience("existing", fresh, T0)).toBe(false);
    expect(matchesAudience("repeat", once, T0)).toBe(false);
  });
  it("R10: all_followers needs a current follow; new_followers a follow at or after the window start", () => {
    expect(matchesAudience("all_followers", facts(), T0)).toBe(false);
    expect(matchesAudience("all_followers", facts({ follows: [{ target: "live", followed_at: T0 - DAY }] }), T0)).toBe(true);
    expect(matchesAudience("new_followers", facts({ follows: [{ target: "shop", followed_at: T0 - 1 }] }), T0)).toBe(false);
    expect(matchesAudience("new_followers", facts({ follows: [{ target: "shop", followed_at: T0 }] }), T0)).toBe(true);
    expect(
      matchesAudience(
        "new_followers",
        facts({
          follows: [
            { target: "shop", followed_at: T0 - DAY },
            { target: "live", followed_at: T0 + 5 },
          ],
        }),
        T0,
      ),
    ).toBe(true);
  });
});
