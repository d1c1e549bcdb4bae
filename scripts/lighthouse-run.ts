/**
 * One Lighthouse run (the npm CLI, mobile preset, Debian's Chromium) and the figures we judge it by.
 * Used by `npm run lighthouse` (scripts/lighthouse.ts) and test/site/lighthouse.test.ts.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM, CHROMIUM_ARGS } from "../test/support/chromium.js";

const root = join(import.meta.dirname, "..");

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export const METRICS = {
  "first-contentful-paint": "FCP",
  "largest-contentful-paint": "LCP",
  "total-blocking-time": "TBT",
  "speed-index": "Speed Index",
  "cumulative-layout-shift": "CLS",
} as const;

export interface Run {
  scores: Record<(typeof CATEGORIES)[number], number>;
  metrics: Record<keyof typeof METRICS, number>;
  /** Scored audits below 1, for the report. */
  missed: string[];
  version: string;
  requests: { url: string; transferSize: number; statusCode: number }[];
}

function lighthouse(url: string, out: string): Promise<void> {
  const bin = join(root, "node_modules", ".bin", "lighthouse");
  const args = [
    url,
    "--quiet",
    `--only-categories=${CATEGORIES.join(",")}`,
    "--output=json",
    `--output-path=${out}`,
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(" ")}`,
  ];
  return new Promise((ok, fail) => {
    const child = spawn(bin, args, {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? CHROMIUM },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("exit", (code) => (code === 0 ? ok() : fail(new Error(`lighthouse exited with ${code}`))));
  });
}

function read(file: string): Run {
  const r = JSON.parse(readFileSync(file, "utf8"));
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(r.categories[c].score * 100)])) as Run["scores"];
  const metrics = Object.fromEntries(Object.keys(METRICS).map((m) => [m, r.audits[m].numericValue])) as Run["metrics"];
  const missed = Object.values<any>(r.audits)
    .filter((a) => typeof a.score === "number" && a.score < 1 && !["informative", "notApplicable", "manual"].includes(a.scoreDisplayMode))
    .map((a) => `${a.id} (${a.score}${a.displayValue ? `, ${a.displayValue}` : ""})`);
  const requests = (r.audits["network-requests"]?.details?.items ?? []).map((i: any) => ({
    url: i.url,
    transferSize: i.transferSize,
    statusCode: i.statusCode,
  }));
  return { scores, metrics, missed, version: r.lighthouseVersion, requests };
}

/** Lighthouse once on `url`: categories, metrics, the audits it marked down, and the page's requests. */
export async function lighthouseOnce(url: string): Promise<Run> {
  const out = join(mkdtempSync(join(tmpdir(), "coupons-lighthouse-")), "report.json");
  try {
    await lighthouse(url, out);
  } catch {
    // Lighthouse exits non-zero on its own runtime errors, which say to run it again (NO_NAVSTART: Chromium's
    // trace of the page load came back without its start, seen on a busy machine). Once more; a second
    // failure fails. Scores are judged only from a run that completed.
    await lighthouse(url, out);
  }
  return read(out);
}
