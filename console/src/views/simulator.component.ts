import { css, html, nothing } from "lit";
import { state } from "lit/decorators.js";
import { ApiProblem } from "../api.js";
import { ConsoleElement } from "../base.js";
import type { Quote, QuoteRequest } from "../contract.js";
import { moneyInput, parseInteger, parseMoney } from "../format.js";
import { shared } from "../shared.styles.js";
import { renderResult } from "./simulator.result.js";

interface Line {
  product: string;
  qty: string;
  price: string;
  discount: string;
}

/**
 * The promotion simulator (R26): a cart (lines, product discounts, shipping), a buyer and optionally a
 * typed code go to `POST /v1/checkout/quote` with `explain: true`, which reserves nothing; the answer
 * shows every coupon considered with its reasons in words, and the computation step by step.
 */
export class Simulator extends ConsoleElement {
  static override styles = [
    shared,
    css`
      .top-fields,
      .shipping {
        margin-bottom: 1rem;
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: 6px;
        padding: 0.75rem 1rem 1rem;
        margin: 0 0 0.75rem;
        min-width: 0;
      }
      legend {
        font-weight: 650;
        padding: 0 0.25rem;
      }
      .line {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1.3fr) minmax(0, 1.3fr) auto;
        gap: 0.75rem;
        align-items: end;
      }
      .verdict {
        font-weight: 650;
        font-size: 1.0625rem;
      }
      .totals .strong {
        font-weight: 700;
      }
      .candidates {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.625rem;
      }
      .candidates > li {
        border: 1px solid var(--_border);
        border-left: 4px solid #9ca3af;
        border-radius: 6px;
        padding: 0.625rem 0.875rem;
      }
      .candidates > li.yes {
        border-left-color: var(--_ok);
      }
      .cand-head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: baseline;
      }
      .cand-state {
        margin: 0.25rem 0 0;
        font-size: 0.875rem;
        color: var(--_muted);
      }
      .reasons {
        margin: 0.25rem 0 0;
        padding-left: 1.125rem;
        font-size: 0.875rem;
      }
      .steps {
        margin: 0;
        padding-left: 1.25rem;
        display: grid;
        gap: 0.375rem;
        font-size: 0.9375rem;
      }
      h3 {
        font-size: 0.9375rem;
        margin: 1rem 0 0.25rem;
      }
      .split {
        margin: 0;
        padding-left: 1.125rem;
      }
      @media (max-width: 48rem) {
        .line {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        }
        .line .product {
          grid-column: 1 / -1;
        }
      }
    `,
  ];

  @state() private _lines: Line[] = [{ product: "sku-1", qty: "1", price: "", discount: "0" }];
  @state() private _buyer = "";
  @state() private _code = "";
  @state() private _shipping = "0";
  @state() private _shippingDiscount = "0";
  @state() private _errors: Record<string, string> = {};
  @state() private _quote?: Quote;
  @state() private _names = new Map<string, string>();
  @state() private _busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this._lines[0].price) this._lines = [{ ...this._lines[0], price: moneyInput(5000, this.currency) }];
  }

  private _setLine(i: number, key: keyof Line, value: string) {
    this._lines = this._lines.map((l, j) => (j === i ? { ...l, [key]: value } : l));
  }

  /** The quote body, or the fields that could not be read. */
  private _body(): { body?: QuoteRequest; errors: Record<string, string> } {
    const errors: Record<string, string> = {};
    const f = this.t.form;
    const money = (id: string, text: string) => {
      const v = parseMoney(text, this.currency);
      if (v === null) return 0;
      if (Number.isNaN(v)) errors[id] = f.enterMoney;
      return v;
    };
    const lines = this._lines.map((l, i) => {
      const qty = parseInteger(l.qty);
      if (qty === null || Number.isNaN(qty)) errors[`l${i}-qty`] = f.enterWhole;
      return {
        line_id: String(i + 1),
        product_id: l.product.trim(),
        quantity: qty ?? 0,
        unit_price_minor: money(`l${i}-price`, l.price),
        product_discount_minor: money(`l${i}-discount`, l.discount),
      };
    });
    const body: QuoteRequest = {
      explain: true,
      cart: {
        currency: this.currency,
        lines,
        shipping_minor: money("shipping", this._shipping),
        shipping_discount_minor: money("shippingDiscount", this._shippingDiscount),
      },
      ...(this._buyer.trim() ? { buyer_id: this._buyer.trim() } : {}),
      ...(this._code.trim() ? { code: this._code.trim() } : {}),
    };
    return Object.keys(errors).length ? { errors } : { body, errors };
  }

  /** An API error path (`cart.lines.0.unit_price_minor`) as the id of the field it names. */
  private _fieldId(path: string): string {
    const m = /^cart\.lines\.(\d+)\.(\w+)/.exec(path);
    if (m)
      return `l${m[1]}-${{ product_id: "product", quantity: "qty", unit_price_minor: "price", product_discount_minor: "discount" }[m[2]] ?? "product"}`;
    const map: Record<string, string> = {
      buyer_id: "buyer",
      code: "code",
      "cart.shipping_minor": "shipping",
      "cart.shipping_discount_minor": "shippingDiscount",
    };
    return map[path] ?? "lines";
  }

  private async _run(e: Event) {
    e.preventDefault();
    const { body, errors } = this._body();
    this._errors = errors;
    if (!body) return this._focusError();
    this._busy = true;
    try {
      const q = await this.client.quote(body);
      this._quote = q;
      const ids = [...new Set(q.candidates.map((c) => c.coupon_id).filter((id): id is string => !!id && !this._names.has(id)))];
      const found = await Promise.all(
        ids.map((id) =>
          this.client.getCoupon(id).then(
            (r) => [id, r.coupon.name] as const,
            () => null,
          ),
        ),
      );
      this._names = new Map([...this._names, ...found.filter((x): x is readonly [string, string] => !!x)]);
    } catch (err) {
      const p = err instanceof ApiProblem ? err : null;
      const out: Record<string, string> = {};
      if (p?.errors.length)
        for (const fe of p.errors) out[this._fieldId(fe.path)] ??= fe.message.charAt(0).toUpperCase() + fe.message.slice(1);
      else out.lines = p?.status === 429 ? p.detail : this.problemText(err);
      this._errors = out;
      this._quote = undefined;
      this._focusError();
    } finally {
      this._busy = false;
    }
  }

  private async _focusError() {
    await this.updateComplete;
    const first = Object.keys(this._errors)[0];
    (this.renderRoot.querySelector(`#${first}`) as HTMLElement | null)?.focus?.();
  }

  private _input(
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    o: { money?: boolean; numeric?: boolean; hint?: string; cls?: string } = {},
  ) {
    const err = this._errors[id] ?? "";
    const input = html`<input id=${id} .value=${value} inputmode=${o.money ? "decimal" : o.numeric ? "numeric" : nothing} spellcheck="false"
      aria-describedby="${o.hint ? `${id}-hint ` : ""}${id}-error" aria-invalid=${err ? "true" : "false"}
      @input=${(e: Event) => set((e.target as HTMLInputElement).value)} />`;
    return html`<div class="field ${o.cls ?? ""}">
      <label for=${id}>${label}</label>
      ${o.money ? html`<div class="affix"><span class="prefix" aria-hidden="true">${this.currency}</span>${input}</div>` : input}
      ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : nothing}
      <p class="error" id="${id}-error">${err}</p>
    </div>`;
  }

  protected override render() {
    const s = this.t.sim;
    return html`<div class="head"><div><h1 tabindex="-1">${s.heading}</h1><p class="sub">${s.intro}</p></div></div>
      <form class="card" novalidate @submit=${this._run}>
        <div class="grid top-fields">
          ${this._input("buyer", s.buyer, this._buyer, (v) => (this._buyer = v), { hint: s.buyerHint })}
          ${this._input("code", s.code, this._code, (v) => (this._code = v), { hint: s.codeHint })}
        </div>
        <h2>${s.lines}</h2>
        <p class="hint">${s.linesHint}</p>
        ${this._lines.map(
          (l, i) => html`<fieldset>
          <legend>${s.line(i + 1)}</legend>
          <div class="line">
            ${this._input(`l${i}-product`, s.product, l.product, (v) => this._setLine(i, "product", v), { cls: "product" })}
            ${this._input(`l${i}-qty`, s.quantity, l.qty, (v) => this._setLine(i, "qty", v), { numeric: true })}
            ${this._input(`l${i}-price`, s.unitPrice, l.price, (v) => this._setLine(i, "price", v), { money: true })}
            ${this._input(`l${i}-discount`, s.productDiscount, l.discount, (v) => this._setLine(i, "discount", v), { money: true })}
            ${
              this._lines.length > 1
                ? html`<button type="button" class="small" aria-label=${s.removeLine(i + 1)} @click=${() => (this._lines = this._lines.filter((_, j) => j !== i))}>✕</button>`
                : nothing
            }
          </div>
        </fieldset>`,
        )}
        <p class="error" id="lines" tabindex="-1">${this._errors.lines ?? ""}</p>
        <p><button type="button" class="small" @click=${() => (this._lines = [...this._lines, { product: `sku-${this._lines.length + 1}`, qty: "1", price: "", discount: "0" }])}>${s.addLine}</button></p>
        <div class="grid shipping">
          ${this._input("shipping", s.shipping, this._shipping, (v) => (this._shipping = v), { money: true })}
          ${this._input("shippingDiscount", s.shippingDiscount, this._shippingDiscount, (v) => (this._shippingDiscount = v), { money: true })}
        </div>
        <button class="primary" type="submit" aria-busy=${this._busy ? "true" : "false"}>${this._busy ? s.running : s.run}</button>
      </form>
      ${this._quote ? renderResult(this.t, (m) => this.money(m), this._quote, this._names) : nothing}`;
  }
}
