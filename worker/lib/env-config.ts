/** The environment variables both entries read (README "Configuration"), turned into an `AppConfig`. */
import { BLOCKED_WORD_PATTERN, DEFAULT_BLOCKED_WORDS } from "../engine/text-safety.js";
import { CallerCache } from "./caller-cache.js";
import type { AppConfig } from "./config.js";
import { MemoryRateLimiter } from "./rate-limit.js";

export interface EnvVars {
  [name: string]: string | undefined;
  ADMIN_TOKEN?: string;
  RATE_LIMIT_FAILED_LOOKUPS?: string;
  RATE_LIMIT_SHOP_FAILED_LOOKUPS?: string;
  BLOCKED_WORDS?: string;
  MAX_BODY_BYTES?: string;
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

/** `BLOCKED_WORDS`: comma-separated entries added to the default list (R20); a malformed one stops the start. */
function blockedWords(value: string | undefined): string[] {
  const words = (value ?? "")
    .split(",")
    .map((w) => w.trim().toUpperCase())
    .filter(Boolean);
  for (const w of words)
    if (!BLOCKED_WORD_PATTERN.test(w)) throw new Error(`BLOCKED_WORDS: "${w}" is not 2 to 20 letters with an optional * at either end`);
  return words;
}

export function configFromEnv(env: EnvVars, adminToken: string): AppConfig {
  const extraWords = blockedWords(env.BLOCKED_WORDS);
  const perClient = positiveInt(env.RATE_LIMIT_FAILED_LOOKUPS, 30, "RATE_LIMIT_FAILED_LOOKUPS");
  return {
    adminToken,
    now: () => Date.now(),
    failedLookupsPerMinute: perClient,
    // Far above one client's limit: it stops guessing spread over many clients, not one guesser.
    shopFailedLookupsPerMinute: positiveInt(env.RATE_LIMIT_SHOP_FAILED_LOOKUPS, 20 * perClient, "RATE_LIMIT_SHOP_FAILED_LOOKUPS"),
    blockedWords: [...DEFAULT_BLOCKED_WORDS, ...extraWords],
    maxBodyBytes: positiveInt(env.MAX_BODY_BYTES, 256 * 1024, "MAX_BODY_BYTES"),
    rateLimiter: new MemoryRateLimiter(),
    callerCache: new CallerCache(),
  };
}
