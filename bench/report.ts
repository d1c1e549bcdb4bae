/** The benchmark's one table (Markdown, also printed) and its chart (an SVG bar chart screenshotted to PNG). */
import { chromium } from "playwright-core";
import { existsSync } from "node:fs";

export interface Row {
  n: string;
  what: string;
  value: string;
  p50: string;
  p99: string;
  ratio: string;
  target: string;
  /** "yes", "no" or "n/a", optionally followed by which reading of the target it judges. */
  met: string;
}

export function markdownTable(rows: Row[]): string {
  const head = ["#", "Measure", "Result", "p50", "p99", "Ratio", "Target", "Met"];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const r of rows) lines.push(`| ${[r.n, r.what, r.value, r.p50, r.p99, r.ratio, r.target, r.met].join(" | ")} |`);
  return lines.join("\n");
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** Horizontal bars of requests per second, each labelled with its ratio to the baseline and p99. */
export function chartSvg(title: string, bars: { label: string; rps: number; ratio: number; p99: number | null }[], footer: string): string {
  const W = 960;
  const left = 230;
  const barH = 44;
  const top = 70;
  const H = top + bars.length * (barH + 18) + 60;
  const max = Math.max(...bars.map((b) => b.rps), 1);
  const scale = (W - left - 270) / max;
  const colors = ["#9aa5b1", "#2f6fde", "#1d9a6c", "#d9822b", "#8e44ad"];
  const parts = bars.map((b, i) => {
    const y = top + i * (barH + 18);
    const w = Math.max(2, b.rps * scale);
    const label = `${Math.round(b.rps).toLocaleString("en-US")} req/s · ${(b.ratio * 100).toFixed(0)}%${b.p99 != null ? ` · p99 ${b.p99} ms` : ""}`;
    return `<text x="${left - 12}" y="${y + barH / 2 + 5}" text-anchor="end" font-size="15">${esc(b.label)}</text>
<rect x="${left}" y="${y}" width="${w}" height="${barH}" rx="4" fill="${colors[i % colors.length]}"/>
<text x="${left + w + 8}" y="${y + barH / 2 + 5}" font-size="14" fill="#333">${esc(label)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="24" y="38" font-size="21" font-weight="bold">${esc(title)}</text>
${parts.join("\n")}
<text x="24" y="${H - 22}" font-size="13" fill="#555">${esc(footer)}</text>
</svg>`;
}

/** Renders the SVG in Chromium (installed at /usr/bin/chromium) and saves a PNG; false if no browser. */
export async function svgToPng(svg: string, pngPath: string): Promise<boolean> {
  const executablePath = "/usr/bin/chromium";
  if (!existsSync(executablePath)) return false;
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    await page.locator("svg").screenshot({ path: pngPath });
    return true;
  } finally {
    await browser.close();
  }
}
