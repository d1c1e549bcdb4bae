import { describe, expect, it } from "vitest";
import { promoCodeAvailability } from "../../worker/engine/promo-code-availability";
import { promo, T0 } from "./fixtures";

const codes = (c: Parameters<typeof promoCodeAvailability>[0], now = T0) => promoCodeAvailability(c, now).map((r) => r.code);

describe("promo code availability", () => {
  it("R21: usable only inside its half-open active window", () => {
    const c = promo({ active_starts_at: T0, active_ends_at: T0 + 60_000 });
    expect(codes(c, T0 - 1)).toEqual(["not_started"]);
    expect(codes(c, T0)).toEqual([]);
    expect(codes(c, T0 + 59_999)).toEqual([]);
    expect(codes(c, T0 + 60_000)).toEqual(["expired"]);
  });

  it("R28: a deactivated code says deactivated, whatever its window", () => {
    expect(codes(promo({ deactivated_at: T0, active_starts_at: T0 + 1000 }))).toEqual(["deactivated"]);
  });

  it("R27: reserved plus used uses reaching the quantity leave nothing", () => {
    expect(codes(promo({ quantity: 3, reserved_count: 1, used_count: 2 }))).toEqual(["quantity_exhausted"]);
    expect(codes(promo({ quantity: 3, reserved_count: 1, used_count: 1 }))).toEqual([]);
  });
});
