/**
 * `npm run lighthouse`: Lighthouse 12.2.3 (npm) on /demo, mobile preset, with Debian's Chromium.
 *
 *   npm run lighthouse                 # 3 runs; prints the scores, writes bench/results/lighthouse.md
 *   npm run lighthouse -- --runs 5     # more runs
 *
 * Starts the real server (`worker/node.ts`) on a fresh temp database, asks for /demo once so the widget
 * is built before the first measured load (as on any server that has served a page), then runs the
 * Lighthouse CLI. Targets: performance ≥ 95 (the median of the runs: the simulated timings follow this
 * machine's load), accessibility, best practices and SEO 100 and layout shift < 0.05 in every run.
 * Exits 1 when a target is missed. Not part of `npm test`: see README "Lighthouse".
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startServer } from "../test/support/server.js";
import { CATEGORIES, lighthouseOnce, METRICS, type Run } from "./lighthouse-run.js";

const root = join(import.meta.dirname, "..");
const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Math.max(1, Number(values.runs) || 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer();
const results: Run[] = [];
try {
  const demo = `${server.url}/demo`;
  await (await fetch(demo)).text(); // builds the widget, as any server that has served once has
  for (let i = 0; i < runs; i++) {
    const run = await lighthouseOnce(demo);
    results.push(run);
    console.log(
      `run ${i + 1}/${runs}: ${CATEGORIES.map((c) => `${c} ${run.scores[c]}`).join(", ")}, CLS ${run.metrics["cumulative-layout-shift"].toFixed(3)}`,
    );
  }
} finally {
  await server.stop();
}

const perf = median(results.map((r) => r.scores.performance));
const worst = (c: (typeof CATEGORIES)[number]) => Math.min(...results.map((r) => r.scores[c]));
const cls = Math.max(...results.map((r) => r.metrics["cumulative-layout-shift"]));
const checks = [
  { what: "performance (median)", value: perf, ok: perf >= 95, target: "≥ 95" },
  ...(["accessibility", "best-practices", "seo"] as const).map((c) => ({
    what: `${c} (lowest)`,
    value: worst(c),
    ok: worst(c) === 100,
    target: "100",
  })),
  { what: "cumulative layout shift (highest)", value: Number(cls.toFixed(3)), ok: cls < 0.05, target: "< 0.05" },
];

const fmt = (m: keyof typeof METRICS, v: number) => (m === "cumulative-layout-shift" ? v.toFixed(3) : `${Math.round(v)} ms`);
const report = [
  "# Lighthouse on /demo",
  "",
  `Lighthouse ${results[0].version} (npm), mobile preset (simulated slow 4G, 4× CPU slowdown, Moto G Power screen), ` +
    `Debian's Chromium, against \`npm start\`'s server on 127.0.0.1 with a fresh database; ${runs} runs, made by \`npm run lighthouse\` ` +
    `on ${new Date().toISOString().slice(0, 10)}.`,
  "",
  "| target | value | met |",
  "| --- | --- | --- |",
  ...checks.map((c) => `| ${c.what} ${c.target} | ${c.value} | ${c.ok ? "yes" : "**no**"} |`),
  "",
  `| run | ${CATEGORIES.join(" | ")} | ${Object.values(METRICS).join(" | ")} |`,
  `| --- | ${CATEGORIES.map(() => "---").join(" | ")} | ${Object.values(METRICS)
    .map(() => "---")
    .join(" | ")} |`,
  ...results.map(
    (r, i) =>
      `| ${i + 1} | ${CATEGORIES.map((c) => r.scores[c]).join(" | ")} | ${(Object.keys(METRICS) as (keyof typeof METRICS)[]).map((m) => fmt(m, r.metrics[m])).join(" | ")} |`,
  ),
  "",
  "Requests of the page (first run; sizes as transferred, compressed):",
  "",
  ...results[0].requests.map((q) => `- ${q.statusCode} ${new URL(q.url).pathname} — ${q.transferSize} bytes`),
  "",
  "Audits scored below 1 in any run:",
  "",
  ...([...new Set(results.flatMap((r) => r.missed))].map((m) => `- ${m}`).join("\n") || "- none").split("\n"),
  "",
].join("\n");
writeFileSync(join(root, "bench", "results", "lighthouse.md"), report);
console.log(`\n${checks.map((c) => `${c.ok ? "ok  " : "MISS"} ${c.what}: ${c.value} (target ${c.target})`).join("\n")}`);
console.log("bench/results/lighthouse.md written");
process.exit(checks.every((c) => c.ok) ? 0 : 1);
