import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { ApiError, isAbort, pageFault, type Cart, type QuoteAnswer, type Reason } from "./api.js";
import { WidgetElement } from "./base.js";
import { reasonText, type WidgetStrings } from "./strings.js";
import { sharedStyles } from "./shared.styles.js";
import { styles } from "./promo-code-field.styles.js";
import type { BetterCoupon, PromoRejectedDetail, PromoRemovedDetail, Status } from "./promo-code-field.types.js";

export type { BetterCoupon, PromoRejectedDetail, PromoRemovedDetail } from "./promo-code-field.types.js";

/** Reasons that a different cart may cure: a rejected code is tried again when the cart changes. */
const CART_REASONS = ["min_spend_not_met", "no_items_in_scope", "currency_mismatch"];

/**
 * A promo-code input for a storefront cart. Typing a code and pressing Enter or Apply asks
 * `POST /v1/checkout/quote`; the discount, or the reason it does not apply, is shown in words and
 * announced. Form-associated: with a `name`, the applied full code is submitted with the form.
 * When the buyer's claimed coupon saves more than the typed code (one shop coupon per order), it keeps the
 * coupon, says so with both amounts, and offers the code anyway.
 *
 * @event promo-applied - A code applies; `detail` is the quote answer.
 * @event promo-rejected - A code does not apply; `detail` is `{code, reasons}` (and `better` when a claimed coupon saves more).
 * @event promo-removed - The shopper removed the applied code (Remove, or a form reset); `detail` is `{code}`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart label - The `<label>` of the input.
 * @csspart input - The native `<input>` the code is typed into.
 * @csspart apply-button - The Apply button.
 * @csspart applied - The row shown while a code applies.
 * @csspart code - The applied code in that row.
 * @csspart remove-button - The Remove button.
 * @csspart message - The live region: discount, reason or error in words.
 * @csspart retry-button - The Retry button shown when the service could not answer (network failure, 5xx; after a 429 once the wait is over).
 * @csspart choice-button - Switches between the typed code and a claimed coupon that saves more.
 *
 * @cssproperty --promo-code-field-accent - Buttons and focus ring (falls back to `--coupon-widget-accent`).
 * @cssproperty --promo-code-field-error - Rejection text and invalid border (falls back to `--coupon-widget-error`).
 * @cssproperty --promo-code-field-success - Applied text and code chip (falls back to `--coupon-widget-success`).
 * @cssproperty --promo-code-field-radius - Corner radius (falls back to `--coupon-widget-radius`).
 * @cssproperty --promo-code-field-font - Font family (falls back to `--coupon-widget-font`).
 * @cssproperty --coupon-widget-accent - Accent shared by both components (default #1d4ed8).
 * @cssproperty --coupon-widget-error - Error colour shared by both components (default #b91c1c).
 * @cssproperty --coupon-widget-success - Success colour shared by both components (default #166534).
 * @cssproperty --coupon-widget-radius - Corner radius shared by both components (default 6px).
 * @cssproperty --coupon-widget-font - Font family shared by both components (default inherit).
 */
export class PromoCodeField extends WidgetElement {
  static override styles = [sharedStyles, styles];
  static override shadowRootOptions = { ...WidgetElement.shadowRootOptions, delegatesFocus: true };
  static formAssociated = true;
  /** Public properties, then internal state (`state: true`: no attribute); see `WidgetElement.properties`. */
  static override properties: PropertyDeclarations = {
    name: { reflect: true },
    cart: { attribute: false },
    disabled: { type: Boolean, reflect: true },
    _status: { state: true },
    _input: { state: true },
    _message: { state: true },
    _code: { state: true },
    _reasons: { state: true },
    _busy: { state: true },
    _formDisabled: { state: true },
    _better: { state: true },
    _waiting: { state: true },
  };

  /** Form field name; the applied full code is submitted under it. */
  name = "";

  /** The quote body's `cart`; a change re-quotes the applied code. */
  cart?: Cart;

  /** Disables the field (a disabled `<fieldset>` or form disables it too). */
  disabled = false;

  private _status: Status = "idle";
  private _input = "";
  /** The live region's sentence, kept as a function of the strings so a locale change re-words it. */
  private _message: (t: WidgetStrings) => string = () => "";
  /** The code being asked about, or the applied one (as the server spells it once applied). */
  private _code = "";
  private _reasons: Reason[] = [];
  /** A quote is in flight. */
  private _busy = false;
  /** Disabled by a disabled `<fieldset>` or form (kept apart from the `disabled` attribute). */
  private _formDisabled = false;
  /** A claimed coupon that saves more than the applied or offered code. */
  private _better?: BetterCoupon;
  /** After a 429, until its `Retry-After` has passed: no Retry is offered. */
  private _waiting = false;

  private _internals: ElementInternals;
  private _ctl?: AbortController;
  private _quote?: QuoteAnswer;
  /** The shopper chose the code over a claimed coupon that saves more. */
  private _force = false;
  private _timer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this._internals = this.attachInternals();
  }

  /** The applied full code, or "" when none applies. */
  get value(): string {
    return this._status === "applied" ? this._code : "";
  }

  /** The last quote answer for the applied code. */
  get quote(): QuoteAnswer | undefined {
    return this._status === "applied" ? this._quote : undefined;
  }

  /** The form the field belongs to. */
  get form(): HTMLFormElement | null {
    return this._internals.form;
  }

  /** Applies the typed code (what Enter and the Apply button do). */
  apply(): void {
    const code = this._input.trim();
    if (code && !this._off) this._ask(code, true);
  }

  /** Takes the applied code off (what the Remove button does). */
  removeCode(): void {
    this._clear((t) => t.removed);
    this._focusAfterRender("input");
  }

  formResetCallback(): void {
    this._clear(() => "");
  }

  /** Back to an empty field showing `message`; `promo-removed` when a code was applied. */
  private _clear(message: (t: WidgetStrings) => string): void {
    const code = this.value;
    this._ctl?.abort();
    this._busy = false;
    this._set("idle", message);
    this._code = this._input = "";
    this._reasons = [];
    this._better = undefined;
    this._force = false;
    if (code) this.emit("promo-removed", { code } satisfies PromoRemovedDetail);
  }

  /**
   * The browser gives back the submitted code when it restores the form (back/forward, session restore):
   * ask the server again rather than trust it, since the cart or the code may have changed since.
   */
  formStateRestoreCallback(state: unknown): void {
    if (typeof state === "string" && state) {
      this._input = state;
      this._ask(state, true);
    }
  }

  formDisabledCallback(disabled: boolean): void {
    this._formDisabled = disabled;
  }

  private get _off(): boolean {
    return this.disabled || this._formDisabled;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A changed cart re-quotes the code that applies, is offered, is in flight, or failed for a cart reason.
    if (changed.has("cart") && changed.get("cart") !== undefined && this._code) {
      const s = this._status;
      if (
        s === "applied" ||
        s === "better" ||
        this._busy ||
        (s === "rejected" && this._reasons.some((r) => CART_REASONS.includes(r.code)))
      ) {
        this._ask(this._code, false);
      }
    }
  }

  private _set(status: Status, message: (t: WidgetStrings) => string): void {
    this._status = status;
    this._message = message;
    this._internals.setFormValue(status === "applied" ? this._code : null);
  }

  private async _ask(code: string, byUser: boolean, force = this._force): Promise<void> {
    this._ctl?.abort(); // a newer request cancels the older one
    const ctl = new AbortController();
    this._ctl = ctl;
    const t = this.t;
    this._busy = true;
    this._force = force;
    if (byUser) {
      // A re-quote of the applied code keeps showing it until the answer; a new ask starts afresh.
      this._code = code;
      this._reasons = [];
      this._set("idle", (t) => t.checking);
    }
    const hadFocus = !!this.shadowRoot?.activeElement;
    const cart = this.cart;
    const money = (minor: number) => this.money(minor, cart?.currency);
    if (cart && !cart.lines?.length) {
      // The API refuses an empty cart (422); nothing in it can be discounted.
      this._busy = false;
      return this._reject(code, [{ code: "no_items_in_scope", message: "" }], (t) => t.emptyCart);
    }
    try {
      // `explain` adds the trace, whose candidate step tells how far the cart is from a minimum spend.
      const answer = await this.call<QuoteAnswer>("/v1/checkout/quote", { code, cart, explain: true }, ctl.signal);
      if (ctl.signal.aborted) return;
      const up = code.toUpperCase();
      const a = answer.applied;
      if (a && (a.code ?? up).toUpperCase() === up) {
        const b = answer.best;
        // One shop coupon per order: a claimed coupon that saves more is kept unless the shopper chose the code.
        const better = b && b.coupon_id !== a.coupon_id && b.discount_minor > a.discount_minor ? { ...b } : undefined;
        const name = better ? await this.couponName(better.coupon_id, ctl.signal) : "";
        if (ctl.signal.aborted) return;
        const full = a.code ?? code;
        this._code = full;
        const saves = money(a.discount_minor);
        this._quote = answer;
        this._better = better;
        if (better && !force) {
          const reasons = [{ code: "one_seller_coupon_per_order", message: "" }];
          this._reject(code, reasons, (t) => t.betterCoupon(name, money(better.discount_minor), full, saves), better);
          return;
        }
        this._set("applied", (t) => t.applied(full, saves) + (better ? ` ${t.couponWouldSave(name, money(better.discount_minor))}` : ""));
        this.emit("promo-applied", answer);
        if (byUser && hadFocus) this._focusAfterRender("button");
      } else {
        const cs = answer.candidates ?? [];
        const c =
          cs.find((x) => x.code?.toUpperCase() === up) ??
          cs.find((x) => !x.applicable && x.reasons?.some((r) => r.code !== "one_seller_coupon_per_order")) ??
          cs[0];
        const step = answer.trace?.find((s) => s.step === "candidate" && s.detail.coupon_id === c?.coupon_id)?.detail;
        const missing = step ? Number(step.min_spend_minor) - Number(step.in_scope_minor) : 0;
        const reasons = c?.reasons ?? [];
        const short = reasons[0]?.code === "min_spend_not_met" && missing > 0;
        this._reject(code, reasons, short ? (t) => t.minSpendMissing(money(missing)) : undefined);
      }
    } catch (e) {
      if (ctl.signal.aborted || isAbort(e)) return;
      const err = e instanceof ApiError ? e : new ApiError(0);
      if (err.code && err.status < 500 && err.code in t.reasons) this._reject(code, [{ code: err.code, message: "" }]);
      else this._fail(err);
    } finally {
      if (this._ctl === ctl) this._busy = false;
    }
  }

  /** A failed call: the page's own fault (unavailable, logged), a 429 (Retry once the wait is over), or an outage. */
  private _fail(err: ApiError): void {
    this._set(pageFault(err) ? "unavailable" : "error", this.failureMessage(err));
    clearTimeout(this._timer);
    this._waiting = err.status === 429;
    if (this._waiting) this._timer = setTimeout(() => (this._waiting = false), (err.wait || 60) * 1000);
  }

  private _reject(code: string, reasons: Reason[], message?: (t: WidgetStrings) => string, better?: BetterCoupon): void {
    this._reasons = reasons;
    this._code = code;
    const first = reasons[0];
    this._set(better ? "better" : "rejected", message ?? ((t) => (first ? reasonText(t, first.code, first.message) : t.unknownReason)));
    this.emit("promo-rejected", { code, reasons, better } satisfies PromoRejectedDetail);
  }

  /** Moves focus to the first `selector` match once rendered (the control that replaced the focused one). */
  private async _focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private _onKeydown(e: KeyboardEvent): void {
    if (e.key === "Enter") {
      e.preventDefault();
      this.apply();
    }
  }

  protected override render(): TemplateResult /* lit's name: the package's .d.ts needs only lit */ {
    const t = this.t;
    const s = this._status;
    const busy = this._busy;
    return html`<div part="base" class="${s} ${this._off ? "off" : ""}">
      ${
        s === "applied"
          ? html`<div part="label">${t.label}</div>
          <div part="applied" class="row">
            <span part="code" class="code">${this._code}</span>
            <button
              part="remove-button"
              type="button"
              aria-label=${t.removeLabel(this._code)}
              ?disabled=${this._off}
              @click=${this.removeCode}
            >${t.remove}</button>
          </div>`
          : html`<label part="label" for="input">${t.label}</label>
            <div class="row">
              <input
                id="input"
                part="input"
                .value=${this._input}
                placeholder=${t.placeholder}
                maxlength="32"
                autocomplete="off"
                autocapitalize="characters"
                spellcheck="false"
                enterkeyhint="done"
                aria-invalid=${s === "rejected" ? "true" : nothing}
                aria-describedby="message"
                ?disabled=${this._off}
                @input=${(e: Event) => (this._input = (e.target as HTMLInputElement).value)}
                @keydown=${this._onKeydown}
              />
              <button
                part="apply-button"
                type="button"
                aria-busy=${busy ? "true" : nothing}
                ?disabled=${this._off}
                @click=${this.apply}
              >${busy ? t.applying : t.apply}</button>
            </div>`
      }
      <div id="message" part="message" class="message" role="status">${this._message(t)}</div>
      ${
        s === "better"
          ? html`<button part="choice-button" type="button" ?disabled=${this._off} @click=${() => this._ask(this._code, true, true)}>${t.useCode(this._code)}</button>`
          : s === "applied" && this._better
            ? html`<button part="choice-button" type="button" ?disabled=${this._off} @click=${this.removeCode}>${t.useCoupon}</button>`
            : s === "error" && !this._waiting
              ? html`<button part="retry-button" type="button" @click=${() => this._ask(this._code, true)}>${t.retry}</button>`
              : nothing
      }
    </div>`;
  }
}
