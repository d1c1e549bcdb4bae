import { css, html, LitElement, svg } from "lit";
import { property, state } from "lit/decorators.js";

export interface ChartPoint {
  date: string;
  value: number;
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `n` (a readable top for the axis). */
export function niceCeil(n: number): number {
  if (n <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

const H = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 56 };

/**
 * A bar chart of one figure per day, drawn as SVG by Lit (no chart library: a few hundred bytes instead
 * of uPlot's ~20 KB or Chart.js's ~70 KB gzip). Loaded on demand, as its own chunk, when a seller opens a
 * coupon's data. The SVG is one image with a summary for screen readers; the figures themselves are in
 * the table the data view offers beside it.
 *
 * @cssproperty --ec-chart-bar - Bar colour (default the console accent).
 */
export class DailyChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
      width: 100%;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
      overflow: visible;
    }
    .bar {
      fill: var(--ec-chart-bar, var(--ec-accent, #1d4ed8));
    }
    .bar:hover {
      fill: #1e3a8a;
    }
    .grid {
      stroke: #e5e7eb;
    }
    text {
      fill: #4b5563;
      font: 11px system-ui, sans-serif;
    }
  `;

  @property({ attribute: false }) points: ChartPoint[] = [];
  /** Formats a value for the axis and the bars' titles (money, counts). */
  @property({ attribute: false }) format: (n: number) => string = String;
  /** The chart in words (its accessible name). */
  @property() summary = "";

  @state() private _width = 640;
  private _ro?: ResizeObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    this._ro = new ResizeObserver(([e]) => {
      const w = Math.round(e.contentRect.width);
      if (w > 0 && w !== this._width) this._width = w;
    });
    this._ro.observe(this);
  }

  override disconnectedCallback(): void {
    this._ro?.disconnect();
    super.disconnectedCallback();
  }

  protected override render() {
    const pts = this.points;
    const w = Math.max(this._width, 240);
    const plotW = w - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const top = niceCeil(Math.max(0, ...pts.map((p) => p.value)));
    const step = plotW / Math.max(pts.length, 1);
    const barW = Math.max(1, Math.min(28, step * 0.7));
    const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
    // Figures are whole numbers (counts, minor units): no tick between two of them.
    const ticks = [0, top / 2, top].filter(Number.isInteger);
    // A date label under the first, the middle and the last bar (all of them when there are few).
    const labelAt = new Set(pts.length <= 7 ? pts.map((_, i) => i) : [0, Math.floor((pts.length - 1) / 2), pts.length - 1]);
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
    return html`<svg viewBox="0 0 ${w} ${H}" width=${w} height=${H} role="img" aria-label=${this.summary}>
      ${ticks.map(
        (v) => svg`<line class="grid" x1=${PAD.left} x2=${w - PAD.right} y1=${y(v)} y2=${y(v)}></line>
        <text x=${PAD.left - 8} y=${y(v) + 4} text-anchor="end">${this.format(v)}</text>`,
      )}
      ${pts.map((p, i) => {
        const x = PAD.left + i * step + (step - barW) / 2;
        const h = Math.max(0, PAD.top + plotH - y(p.value));
        return svg`<rect class="bar" x=${x} y=${PAD.top + plotH - h} width=${barW} height=${h} rx="2"><title>${day(p.date)}: ${this.format(p.value)}</title></rect>
          ${labelAt.has(i) ? svg`<text x=${x + barW / 2} y=${H - 8} text-anchor="middle">${day(p.date)}</text>` : null}`;
      })}
    </svg>`;
  }
}

if (!customElements.get("ec-daily-chart")) customElements.define("ec-daily-chart", DailyChart);

declare global {
  interface HTMLElementTagNameMap {
    "ec-daily-chart": DailyChart;
  }
}
