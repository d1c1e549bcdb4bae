/**
 * Drawing a campaign's codes before its create batch: `count` distinct suffixes of `length` from the
 * look-alike-free alphabet (engine/campaign-codes.ts), none spelling a blocked word (R20), none held by a
 * live code of the region (R19). Codes found held are redrawn, only they; the create batch's primary
 * key on `live_codes` still decides, and if a code was taken between this read and that write the batch
 * fails whole and only the codes taken meanwhile are replaced (`replaceTaken`).
 */
import { drawSuffixes } from "../engine/campaign-codes.js";
import { suffixChecker } from "../engine/text-safety.js";
import { secureRandomBytes } from "../lib/ids.js";
import { ApiError } from "../lib/problem.js";
import { liveHolders, type CampaignTarget } from "../store/campaign-codes.js";
import type { WriteContext } from "./create-coupon.js";

/** Rounds of "read which codes are held, redraw those" before giving up on a crowded space. */
const ROUNDS = 8;

export interface CampaignDraw {
  /** The full codes (prefix + suffix) drawn so far: `count` of them, distinct. */
  codes(): string[];
  /** After a create batch failed on a taken code: redraws the codes now held elsewhere (false: none were). */
  replaceTaken(): Promise<boolean>;
}

const spaceExhausted = () =>
  new ApiError(
    409,
    "code_space_exhausted",
    "Too few free codes of this length are left for the shop's prefix in this region: choose a longer length.",
  );

export async function drawCampaignCodes(ctx: WriteContext, length: number, count: number): Promise<CampaignDraw> {
  const prefix = ctx.shop.code_prefix;
  const blocked = suffixChecker(prefix, ctx.blockedWords);
  const suffixes = new Set<string>();
  /** Suffixes found held by someone else: never drawn again. */
  const held = new Set<string>();
  const accept = (s: string) => !held.has(s) && blocked(s) === null;
  const target: CampaignTarget = { couponId: "", shopId: ctx.shop.id, region: ctx.shop.region, now: ctx.now, realNow: ctx.realNow };
  const full = (list: Iterable<string>) => Array.from(list, (s) => prefix + s);

  /** Draws until `count` are held; answers the suffixes new in this draw. */
  const fill = (): string[] => {
    const before = suffixes.size;
    drawSuffixes(secureRandomBytes, length, count, accept, suffixes);
    if (suffixes.size < count) throw spaceExhausted();
    return Array.from(suffixes).slice(before);
  };
  /** Drops the codes among `codes` a live code of the region holds; how many there were. */
  const dropHeld = async (codes: string[]): Promise<number> => {
    const taken = await liveHolders(ctx.db, target, codes);
    for (const t of taken) {
      const s = t.code.slice(prefix.length);
      suffixes.delete(s);
      held.add(s);
    }
    return taken.length;
  };

  let fresh = fill();
  for (let round = 0; (await dropHeld(full(fresh))) > 0; round++) {
    if (round >= ROUNDS) throw spaceExhausted();
    fresh = fill();
  }
  let replaced = 0;
  return {
    codes: () => full(suffixes),
    async replaceTaken() {
      if (++replaced > ROUNDS) throw spaceExhausted();
      if ((await dropHeld(full(suffixes))) === 0) return false;
      for (let round = 0; (await dropHeld(full(fill()))) > 0; round++) if (round >= ROUNDS) throw spaceExhausted();
      return true;
    },
  };
}
