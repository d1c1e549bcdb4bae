/**
 * Drawing a campaign's codes for its create batch: `count` distinct suffixes of `length` from the
 * look-alike-free alphabet (engine/campaign-codes.ts), none spelling a blocked word (R20). Whether a live
 * code of the region holds one (R19) is the batch's to judge (README "A request at the edge"): the coupon
 * is written only if none of its codes is held, and when one is, the batch reads back which ones, so only
 * those are redrawn (`replace`) and the batch sent again. Random codes rarely collide, so creating a
 * campaign is one round trip; the primary key on `live_codes` still refuses a code taken by a racing
 * write, which fails the batch whole, and then the codes taken are read and replaced (`replaceTaken`).
 */
import { drawSuffixes } from "../engine/campaign-codes.js";
import { suffixChecker } from "../engine/text-safety.js";
import { secureRandomBytes } from "../lib/ids.js";
import { ApiError } from "../lib/problem.js";
import { liveHolders, type CampaignTarget } from "../store/campaign-codes.js";
import type { WriteContext } from "./create-coupon.js";

/** Times codes found held are redrawn before giving up on a crowded space. */
const ROUNDS = 8;

export interface CampaignDraw {
  /** The full codes (prefix + suffix) drawn so far: `count` of them, distinct. */
  codes(): string[];
  /** Redraws these codes (full), found held by the create batch. */
  replace(held: readonly string[]): void;
  /** After a create batch failed on a taken code: redraws the codes now held elsewhere (false: none were). */
  replaceTaken(): Promise<boolean>;
}

const spaceExhausted = () =>
  new ApiError(
    409,
    "code_space_exhausted",
    "Too few free codes of this length are left for the shop's prefix in this region: choose a longer length.",
  );

export function drawCampaignCodes(ctx: WriteContext, length: number, count: number): CampaignDraw {
  const prefix = ctx.shop.code_prefix;
  const blocked = suffixChecker(prefix, ctx.blockedWords);
  const suffixes = new Set<string>();
  /** Suffixes found held by someone else: never drawn again. */
  const held = new Set<string>();
  const accept = (s: string) => !held.has(s) && blocked(s) === null;
  const target: CampaignTarget = { couponId: "", shopId: ctx.shop.id, region: ctx.shop.region, now: ctx.now, realNow: ctx.realNow };
  const full = (list: Iterable<string>) => Array.from(list, (s) => prefix + s);

  /** Draws until `count` are held. */
  const fill = () => {
    drawSuffixes(secureRandomBytes, length, count, accept, suffixes);
    if (suffixes.size < count) throw spaceExhausted();
  };
  let rounds = 0;
  const replace = (codes: readonly string[]) => {
    if (++rounds > ROUNDS) throw spaceExhausted();
    for (const code of codes) {
      const s = code.slice(prefix.length);
      suffixes.delete(s);
      held.add(s);
    }
    fill();
  };
  fill();
  return {
    codes: () => full(suffixes),
    replace,
    async replaceTaken() {
      const taken = await liveHolders(ctx.db, target, full(suffixes));
      if (taken.length === 0) return false;
      replace(taken.map((t) => t.code));
      return true;
    },
  };
}
