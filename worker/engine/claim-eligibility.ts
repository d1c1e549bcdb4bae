/**
 * May this buyer claim this coupon now? One reason at most, in a fixed order so the storefront
 * and the claim route always give the same answer for the same facts.
 */
import { reason } from "./reasons";
import { isFollower, isNewFollower, matchesAudience } from "./segments";
import type { BuyerFacts, Claim, ClaimDisplayState, ClaimEvaluation, Coupon, Millis } from "./types";

export const DAY_MS = 86_400_000;

export interface ClaimInput {
  coupon: Coupon;
  now: Millis;
  /** null = no buyer (anonymous storefront visitor). */
  facts: BuyerFacts | null;
  /** This buyer's claims of this coupon, any state. */
  buyer_claims: Claim[];
  /** Chat coupons: the seller sent this coupon to this buyer (R17). */
  sent_to_buyer: boolean;
}

/**
 * R5: the validity a claim made now gets. days_after_claim → [now, now + days); fixed → the fixed
 * range, but never usable before the claim itself. Without a validity (should not happen for
 * claimable types) the claim lasts until the claim window ends.
 */
export function claimValidity(coupon: Coupon, now: Millis): { valid_from: Millis; valid_until: Millis } {
  const v = coupon.validity;
  if (v == null) return { valid_from: now, valid_until: coupon.claim_ends_at ?? Number.MAX_SAFE_INTEGER };
  if (v.kind === "days_after_claim") return { valid_from: now, valid_until: now + v.days * DAY_MS };
  return { valid_from: Math.max(now, v.starts_at), valid_until: v.ends_at };
}

const no = (r: ReturnType<typeof reason>): ClaimEvaluation => ({ claimable: false, reason: r });

export function evaluateClaim(input: ClaimInput): ClaimEvaluation {
  const { coupon: c, now, facts } = input;
  if (facts == null) return no(reason("buyer_required"));
  if (c.deactivated_at != null) return no(reason("deactivated"));
  if (c.claim_starts_at != null && now < c.claim_starts_at) return no(reason("not_started", { at: c.claim_starts_at }));
  if (c.claim_ends_at != null && now >= c.claim_ends_at) return no(reason("expired", { at: c.claim_ends_at }));

  switch (c.type) {
    // Review coupons are issued by review.approved events (R13), promo codes are typed (R18): neither is claimed.
    case "review":
    case "promo_code":
      return no(reason("audience_mismatch"));
    case "chat":
      if (!input.sent_to_buyer) return no(reason("not_sent_to_buyer")); // R17
      break;
    case "follower":
      if (!isFollower(facts)) return no(reason("not_a_follower")); // R10: only a current follower
      if (c.audience === "new_followers" && !isNewFollower(facts, c.claim_starts_at)) return no(reason("audience_mismatch"));
      if (facts.has_follower_grant) return no(reason("already_claimed")); // R11: one per shop for life
      break;
    case "regular":
      if (!matchesAudience(c.audience, facts, c.claim_starts_at)) return no(reason("audience_mismatch")); // R6
      break;
  }

  // Per customer (R9). A claim still held (available and not lapsed, or reserved for a pending order)
  // blocks a second one; once used, another may be claimed while the limit allows.
  for (const k of input.buyer_claims) {
    if ((k.state === "available" && now < k.valid_until) || k.state === "reserved") return no(reason("already_claimed"));
  }
  const limit = c.type === "regular" || c.type === "chat" ? (c.per_customer_limit ?? 1) : 1;
  if (input.buyer_claims.length >= limit) {
    // Follower/review: one per buyer (R11), so a second is "already claimed" rather than a limit.
    return no(reason(c.type === "follower" ? "already_claimed" : "per_customer_limit_reached"));
  }
  if (c.claimed_count >= c.quantity) return no(reason("quantity_exhausted")); // R27 (the DB enforces it atomically)

  const validity = claimValidity(c, now);
  // A fixed validity that is already over would hand out a dead claim.
  if (validity.valid_until <= now) return no(reason("expired", { at: validity.valid_until }));
  return { claimable: true, reason: null, valid_from: validity.valid_from, valid_until: validity.valid_until };
}

/**
 * What the wallet shows. R5/R28: a claim not yet used stops working when its coupon is
 * deactivated (void); an available claim past its validity is expired.
 */
export function claimDisplayState(claim: Claim, coupon: Pick<Coupon, "deactivated_at">, now: Millis): ClaimDisplayState {
  if (claim.state === "used") return "used";
  if (coupon.deactivated_at != null) return "void";
  if (claim.state === "available" && now >= claim.valid_until) return "expired";
  return claim.state;
}
