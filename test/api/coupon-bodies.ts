/** Coupon bodies for the coupon suites, valid unless a test overrides a field. */
import type { CouponJson } from "../support/api.js";
import { at, DAY, HOUR, promoBody } from "../support/app.js";

export const rnd = () => Math.random().toString(36).slice(2, 8);
export const window = { claim_starts_at: at(-HOUR), claim_ends_at: at(40 * DAY) };

const claimBody =
  (type: "regular" | "follower" | "review" | "chat", label: string, amount_minor: number) =>
  (o: Record<string, unknown> = {}) => ({
    type,
    name: `${label} ${rnd()}`,
    discount: { kind: "fixed", amount_minor },
    quantity: 10,
    ...window,
    validity: { kind: "days_after_claim", days: 7 },
    ...o,
  });

export const bodies = {
  regular: claimBody("regular", "Reg", 50),
  follower: claimBody("follower", "Fol", 300),
  review: claimBody("review", "Rev", 300),
  chat: claimBody("chat", "Chat", 50),
  promo_code: (o: Record<string, unknown> = {}) => promoBody({ discount: { kind: "fixed", amount_minor: 50 }, ...o }),
};

/** A regular coupon open for claims since an hour ago (the manage and duplicate suites). */
export const regular = (over: Partial<Extract<CouponJson, { type: "regular" }>> = {}): CouponJson => ({
  type: "regular",
  name: `Regular ${rnd()}`,
  discount: { kind: "fixed", amount_minor: 500 },
  quantity: 100,
  claim_starts_at: at(-HOUR),
  claim_ends_at: at(40 * DAY),
  validity: { kind: "days_after_claim", days: 7 },
  ...over,
});
/** The same, its claim window opening in five days. */
export const upcoming = (over: Parameters<typeof regular>[0] = {}) =>
  regular({ claim_starts_at: at(5 * DAY), claim_ends_at: at(50 * DAY), ...over });
