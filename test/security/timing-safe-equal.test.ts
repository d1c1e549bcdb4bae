/** The admin token comparison: equal only for the same string, whatever the lengths or characters. */
import { describe, expect, it } from "vitest";
import { timingSafeEqual } from "../../worker/lib/crypto.js";

describe("timingSafeEqual (admin token check)", () => {
  const secret = "adm_0123456789abcdefABCDEF";
  it("accepts the same string only", () => {
    expect(timingSafeEqual(secret, secret)).toBe(true);
    expect(timingSafeEqual(`${secret.slice(0, -1)}X`, secret)).toBe(false);
    expect(timingSafeEqual(`X${secret.slice(1)}`, secret)).toBe(false);
  });
  it("refuses a prefix, an extension and the empty string", () => {
    expect(timingSafeEqual(secret.slice(0, -1), secret)).toBe(false);
    expect(timingSafeEqual(`${secret}0`, secret)).toBe(false);
    expect(timingSafeEqual("", secret)).toBe(false);
  });
  it("never accepts against an empty secret", () => {
    expect(timingSafeEqual("", "")).toBe(false);
    expect(timingSafeEqual("x", "")).toBe(false);
  });
  it("compares non-ASCII text by its characters", () => {
    expect(timingSafeEqual("adm_ünïcødé", "adm_ünïcødé")).toBe(true);
    expect(timingSafeEqual("adm_unicode", "adm_ünïcødé")).toBe(false);
    // A character whose low byte matches another's must still differ.
    expect(timingSafeEqual("adm_\u0141", "adm_\u0041")).toBe(false);
  });
});
