/** R22 and R27 as the engine counts them: which uses count against a limit, and when a lapsed reservation matters. */
import { describe, expect, it } from "vitest";
import { countedUses, reservationLapsed, usedUpWhileReserved } from "../../worker/engine/reservations.js";

const NOW = Date.UTC(2026, 5, 1);

describe("R27: reservations lapse at their expiry (half-open)", () => {
  it("a reservation is live before its expiry and lapsed from it on", () => {
    expect(reservationLapsed(NOW + 1, NOW)).toBe(false);
    expect(reservationLapsed(NOW, NOW)).toBe(true);
    expect(reservationLapsed(NOW - 1, NOW)).toBe(true);
  });
});

describe("R22: uses counted against a per-customer limit", () => {
  it("counts committed uses and live reservations, not lapsed ones", () => {
    expect(countedUses([], NOW)).toBe(0);
    expect(
      countedUses(
        [
          { state: "committed", expires_at: NOW - 1_000 }, // committed: counts, whatever its old expiry
          { state: "reserved", expires_at: NOW + 1 }, // live
          { state: "reserved", expires_at: NOW }, // lapsed at this very moment
          { state: "reserved", expires_at: NOW - 60_000 }, // lapsed long ago, not yet released
        ],
        NOW,
      ),
    ).toBe(2);
  });
});

describe("R27: a used-up promo code with reserved units may get one back", () => {
  const code = { type: "promo_code" as const, quantity: 3, reserved_count: 1, used_count: 2 };
  it("only when it looks used up and some of that is reserved, and only for promo codes", () => {
    expect(usedUpWhileReserved(code)).toBe(true);
    expect(usedUpWhileReserved({ ...code, reserved_count: 0, used_count: 3 })).toBe(false); // all committed: nothing to give back
    expect(usedUpWhileReserved({ ...code, quantity: 4 })).toBe(false); // a unit is left anyway
    expect(usedUpWhileReserved({ ...code, type: "regular" })).toBe(false); // claims, not uses, count there
  });
});
