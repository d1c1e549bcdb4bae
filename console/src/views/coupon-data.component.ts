import { css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { ConsoleElement } from "../base.js";
import type { Coupon, Performance, SeriesDay } from "../contract.js";
import { formatNumber } from "../format.js";
import { shared } from "../shared.styles.js";

type Metric = "redemptions" | "claims" | "buyers" | "discount_minor" | "gmv_minor";
const MONEY = new Set<Metric>(["discount_minor", "gmv_minor"]);

/**
 * A coupon's performance (`GET /v1/coupons/{id}/performance`): the totals, and its daily `series` as a
 * chart (loaded on demand, as a chunk of its own) and as a table.
 */
export class CouponData extends ConsoleElement {
  static override styles = [
    shared,
    css`
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 8.5rem), 1fr));
        gap: 0.75rem;
        margin: 0 0 1rem;
      }
      .tile {
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.875rem 1rem;
      }
      .tile dt {
        color: var(--_muted);
        font-size: 0.8125rem;
      }
      .tile dd {
        margin: 0.125rem 0 0;
        font-size: 1.375rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .range {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.75rem;
        margin-bottom: 1rem;
      }
      .range .field {
        width: 10.5rem;
      }
      .chart-head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: end;
        gap: 0.75rem;
        margin-bottom: 0.75rem;
      }
      .chart-head .field {
        width: 12rem;
      }
      .chart {
        min-height: 220px;
      }
      details {
        margin-top: 1rem;
      }
      summary {
        cursor: pointer;
        color: var(--_accent);
      }
      .links {
        margin-top: 0.5rem;
      }
    `,
  ];

  @property({ attribute: "coupon-id" }) couponId = "";

  @state() private _coupon?: Coupon;
  @state() private _perf?: Performance;
  @state() private _error = "";
  @state() private _metric: Metric = "redemptions";
  @state() private _chartReady = false;
  private _from = "";
  private _to = "";

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load() {
    this._error = "";
    try {
      const [c, p] = await Promise.all([
        this._coupon ? Promise.resolve({ coupon: this._coupon }) : this.client.getCoupon(this.couponId),
        // The days shown run from "From" to "To", both included: the API's `to` is the day after.
        this.client.performance(this.couponId, {
          from: this._from ? `${this._from}T00:00:00Z` : undefined,
          to: this._to ? new Date(Date.parse(`${this._to}T00:00:00Z`) + 86_400_000).toISOString() : undefined,
        }),
      ]);
      this._coupon = c.coupon;
      this._perf = p;
      if (p.series.length && !this._from && !this._to) {
        this._from = p.series[0].date;
        this._to = p.series[p.series.length - 1].date;
      }
      if (c.coupon.type === "promo_code" && this._metric === "claims") this._metric = "redemptions";
      if (p.series.length && !this._chartReady) {
        // The chart is its own chunk: only sellers who open a coupon's data download it.
        await import("../chart/daily-chart.component.js");
        this._chartReady = true;
      }
    } catch (e) {
      this._error = this.problemText(e);
    }
  }

  private _value(m: Metric, n: number) {
    return MONEY.has(m) ? this.money(n) : formatNumber(n);
  }

  private _chart(series: SeriesDay[]) {
    const d = this.t.data;
    const names: Record<Metric, string> = {
      redemptions: d.redemptions,
      claims: d.claims,
      buyers: d.buyers,
      discount_minor: d.discount,
      gmv_minor: d.gmv,
    };
    const metrics = (Object.keys(names) as Metric[]).filter((m) => m !== "claims" || this._coupon?.type !== "promo_code");
    const m = this._metric;
    const total = series.reduce((a, s) => a + s[m], 0);
    const summary = series.length
      ? d.chartLabel(names[m], this.date(series[0].date), this.date(series[series.length - 1].date), this._value(m, total))
      : "";
    return html`<section class="card" aria-labelledby="daily">
      <div class="chart-head">
        <h2 id="daily">${d.daily}</h2>
        <div class="field">
          <label for="metric">${d.metric}</label>
          <select id="metric" @change=${(e: Event) => (this._metric = (e.target as HTMLSelectElement).value as Metric)}>
            ${metrics.map((k) => html`<option value=${k} ?selected=${k === m}>${names[k]}</option>`)}
          </select>
        </div>
      </div>
      <div class="chart">
        ${
          this._chartReady
            ? html`<ec-daily-chart .points=${series.map((s) => ({ date: s.date, value: s[m] }))} .format=${(n: number) => this._value(m, n)} summary=${summary}></ec-daily-chart>`
            : html`<p>${this.t.loading}</p>`
        }
      </div>
      <details>
        <summary>${d.showTable}</summary>
        <div class="scroll-x" tabindex="0" role="region" aria-label=${d.daily}>
          <table>
            <thead><tr><th scope="col">${d.date}</th>${metrics.map((k) => html`<th scope="col" class="num">${names[k]}</th>`)}</tr></thead>
            <tbody>${series.map((s) => html`<tr><th scope="row">${this.date(s.date)}</th>${metrics.map((k) => html`<td class="num">${this._value(k, s[k])}</td>`)}</tr>`)}</tbody>
          </table>
        </div>
      </details>
    </section>`;
  }

  protected override render() {
    const d = this.t.data;
    const c = this._coupon;
    const p = this._perf;
    const q = `?coupon_id=${encodeURIComponent(this.couponId)}`;
    return html`<div class="head">
        <div>
          <h1 tabindex="-1">${d.heading(c?.name ?? "")}</h1>
          ${c ? html`<p class="sub">${this.t.types[c.type]} · <span class="badge ${c.status}">${this.t.statuses[c.status]}</span> · ${this.discountWords(c.discount)}</p>` : nothing}
        </div>
        <button class="link" @click=${() => this.navigate("#/coupons")}>${d.back}</button>
      </div>
      ${this._error ? html`<div class="card"><p class="error">${this._error}</p><button @click=${this._load}>${this.t.retry}</button></div>` : nothing}
      ${
        p && c
          ? html`<form class="range" @submit=${(e: Event) => {
              e.preventDefault();
              void this._load();
            }}>
              <div class="field"><label for="from">${d.from}</label><input id="from" type="date" .value=${this._from} @change=${(e: Event) => (this._from = (e.target as HTMLInputElement).value)} /></div>
              <div class="field"><label for="to">${d.to}</label><input id="to" type="date" .value=${this._to} @change=${(e: Event) => (this._to = (e.target as HTMLInputElement).value)} /></div>
              <button type="submit">${d.apply}</button>
            </form>
            <h2 class="sr-only">${d.totals}</h2>
            <dl class="tiles">
              ${c.type === "promo_code" ? nothing : html`<div class="tile"><dt>${d.claims}</dt><dd>${formatNumber(p.claims)}</dd></div>`}
              <div class="tile"><dt>${d.redemptions}</dt><dd>${formatNumber(p.redemptions)}</dd></div>
              <div class="tile"><dt>${d.buyers}</dt><dd>${formatNumber(p.buyers)}</dd></div>
              <div class="tile"><dt>${d.orders}</dt><dd>${formatNumber(p.orders)}</dd></div>
              <div class="tile"><dt>${d.discount}</dt><dd>${this.money(p.discount_minor)}</dd></div>
              <div class="tile"><dt>${d.gmv}</dt><dd>${this.money(p.gmv_minor)}</dd></div>
              <div class="tile"><dt>${d.remaining}</dt><dd>${formatNumber(p.remaining)}</dd></div>
              ${p.refunds ? html`<div class="tile"><dt>${d.refunds}</dt><dd>${formatNumber(p.refunds)} · ${this.money(p.refunded_discount_minor)}</dd></div>` : nothing}
              ${p.remaining_budget_minor === null ? nothing : html`<div class="tile"><dt>${d.budgetLeft}</dt><dd>${this.money(p.remaining_budget_minor)}</dd></div>`}
            </dl>
            ${this._chart(p.series)}
            <div class="row links">
              <button class="small" @click=${() => this.navigate(`#/redemptions${q}`)}>${d.seeRedemptions}</button>
              ${c.type === "promo_code" ? nothing : html`<button class="small" @click=${() => this.navigate(`#/claims${q}`)}>${d.seeClaims}</button>`}
              ${c.type === "review" ? html`<button class="small" @click=${() => this.navigate(`#/reviews${q}`)}>${d.seeReviews}</button>` : nothing}
              ${c.type === "chat" ? html`<button class="small" @click=${() => this.navigate(`#/coupons/${encodeURIComponent(c.id)}/send`)}>${d.seeRecipients}</button>` : nothing}
            </div>`
          : this._error
            ? nothing
            : html`<p>${this.t.loading}</p>`
      }`;
  }
}
