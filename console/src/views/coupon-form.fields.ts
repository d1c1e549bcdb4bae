import { html, nothing, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import { ConsoleElement } from "../base.js";
import type { Coupon, CouponType } from "../contract.js";
import { editableOnceStarted, type FieldKey, type FormState } from "../form-model.js";
import { currencySymbol, parseIdList } from "../format.js";

export type Errors = Partial<Record<FieldKey | "form", string>>;
type Option = [value: string, label: string];

/**
 * The form's fields, each with its label, hint (the seed's limit for it) and error beside it; the state
 * they show and the rules for which of them may change. The behaviour lives in `coupon-form.component.ts`.
 */
export abstract class CouponFormFields extends ConsoleElement {
  @state() protected _s?: FormState;
  /** Errors of the last Create/Save answer: shown at once. */
  @state() protected _errors: Errors = {};
  /** Errors of the live preview and of unreadable input: shown once a field was touched, or after a submit. */
  @state() protected _live: Errors = {};
  @state() protected _touched = new Set<FieldKey>();
  @state() protected _submitted = false;
  @state() protected _source?: Coupon;
  /** "edit" of a started coupon locks most fields; an ended or deactivated one locks all. */
  protected abstract get _editing(): boolean;

  protected abstract _set(key: FieldKey, value: string): void;

  protected _locked(key: FieldKey): boolean {
    const c = this._source;
    if (!this._editing || !c) return key === "type" && c !== undefined;
    // A campaign stays what it was made: its codes were drawn when it was created.
    if (key === "type" || key === "codeKind" || key === "uniqueLength" || (key === "quantity" && c.unique_codes)) return true;
    if (c.status === "ended" || c.status === "deactivated") return true;
    return c.status === "ongoing" && !editableOnceStarted(c.type).has(key);
  }

  protected _error(key: FieldKey | "form"): string {
    const shown = this._errors[key];
    if (shown) return shown;
    if (key === "form") return "";
    return this._submitted || this._touched.has(key) ? (this._live[key] ?? "") : "";
  }

  private _touch(key: FieldKey) {
    if (!this._touched.has(key)) this._touched = new Set([...this._touched, key]);
  }

  /** Label, control, hint and error; the control is described by the hint and the error. */
  protected _field(
    key: FieldKey,
    label: string,
    control: (a: { id: string; describedby: string; invalid: boolean; disabled: boolean }) => TemplateResult,
    hint?: string | TemplateResult,
    extra?: TemplateResult,
  ) {
    const err = this._error(key);
    const locked = this._locked(key);
    const describedby = [hint || locked ? `${key}-hint` : "", `${key}-error`].filter(Boolean).join(" ");
    return html`<div class="field" data-field=${key}>
      <label for=${key}>${label}</label>
      ${control({ id: key, describedby, invalid: err !== "", disabled: locked })}
      ${hint || locked ? html`<p class="hint" id="${key}-hint">${locked && this._editing && this._source?.status === "ongoing" ? this.t.form.locked : hint}</p>` : nothing}
      ${extra ?? nothing}
      <p class="error" id="${key}-error">${err}</p>
    </div>`;
  }

  protected _text(
    key: FieldKey,
    label: string,
    hint?: string | TemplateResult,
    o: { type?: string; inputmode?: string; affix?: string; max?: number } = {},
  ) {
    const value = this._s![key];
    return this._field(
      key,
      label,
      (a) => {
        const input = html`<input id=${a.id} type=${o.type ?? "text"} inputmode=${o.inputmode ?? nothing} .value=${value}
        maxlength=${o.max ?? nothing} aria-describedby=${a.describedby} aria-invalid=${a.invalid ? "true" : "false"} ?disabled=${a.disabled}
        @input=${(e: Event) => this._set(key, (e.target as HTMLInputElement).value)} @change=${() => this._touch(key)} />`;
        return o.affix ? html`<div class="affix"><span class="prefix" aria-hidden="true">${o.affix}</span>${input}</div>` : input;
      },
      hint,
    );
  }

  protected _money(key: FieldKey, label: string, hint?: string) {
    return this._text(key, label, hint, { inputmode: "decimal", affix: currencySymbol(this.currency) });
  }

  protected _number(key: FieldKey, label: string, hint?: string) {
    return this._text(key, label, hint, { inputmode: "numeric" });
  }

  protected _date(key: FieldKey, label: string, hint?: string) {
    return this._text(key, label, hint, { type: "datetime-local" });
  }

  protected _select(key: FieldKey, label: string, options: Option[], hint?: string) {
    const value = this._s![key];
    return this._field(
      key,
      label,
      (a) => html`<select id=${a.id} aria-describedby=${a.describedby} aria-invalid=${a.invalid ? "true" : "false"}
      ?disabled=${a.disabled} @change=${(e: Event) => {
        this._set(key, (e.target as HTMLSelectElement).value);
        this._touch(key);
      }}>${options.map(([v, l]) => html`<option value=${v} ?selected=${v === value}>${l}</option>`)}</select>`,
      hint,
    );
  }

  /** The discount fields of either kind (R3: the type's minimum fixed amount; 1–99 % with an optional cap). */
  protected _discountFields(type: CouponType) {
    const f = this.t.form;
    const s = this._s!;
    const min = this.shop?.min_fixed_minor?.[type];
    return html`<div class="grid">
      ${this._select("discountKind", f.discountType, [
        ["fixed", f.fixed],
        ["percent", f.percent],
      ])}
      ${
        s.discountKind === "fixed"
          ? this._money("amount", f.amount, min ? f.amountHint(this.money(min)) : undefined)
          : html`${this._number("percent", f.percentOff, f.percentHint)}${this._money("maxDiscount", f.maxDiscount, f.maxDiscountHint)}`
      }
      ${this._money("minSpend", f.minSpend, f.minSpendHint)}
    </div>`;
  }

  /** Scope (R2: 1 to 2,000 listed products) and, where the type has one, the audience (R6, R10). */
  protected _scopeFields(type: CouponType) {
    const f = this.t.form;
    const s = this._s!;
    const a = f.audiences;
    const audiences: Option[] | null =
      type === "regular"
        ? [
            ["all", a.all],
            ["new", a.new],
            ["existing", a.existing],
            ["repeat", a.repeat],
          ]
        : type === "follower"
          ? [
              ["all_followers", a.all_followers],
              ["new_followers", a.new_followers],
            ]
          : null;
    const list = parseIdList(s.productIds);
    return html`<div class="grid">
        ${this._select("scope", f.appliesTo, [
          ["shop", f.wholeShop],
          ["products", f.specificProducts],
        ])}
        ${audiences ? this._select("audience", f.audience, audiences, type === "regular" ? f.audienceHint : undefined) : nothing}
      </div>
      ${
        s.scope === "products"
          ? this._field(
              "productIds",
              f.productIds,
              (c) => html`<textarea id=${c.id} aria-describedby="${c.describedby} productIds-count"
            aria-invalid=${c.invalid ? "true" : "false"} ?disabled=${c.disabled} .value=${s.productIds} spellcheck="false"
            @input=${(e: Event) => this._set("productIds", (e.target as HTMLTextAreaElement).value)}
            @change=${() => this._touch("productIds")}></textarea>`,
              f.productIdsHint,
              html`<p class="hint count" id="productIds-count">${f.productCount(list.ids.length, list.repeated)}</p>`,
            )
          : nothing
      }`;
  }

  /** Claim window (R4), validity (R5), or a promo code's code (R18–R20) and active window (R21). */
  protected _timingFields(type: CouponType) {
    const f = this.t.form;
    const s = this._s!;
    if (type === "promo_code")
      return html`<div class="grid">${this._date("activeFrom", f.activeFrom)}${this._date("activeUntil", f.activeUntil, f.activeHint)}</div>`;
    const fixedAllowed = type === "regular" || type === "chat";
    return html`<div class="grid">
        ${this._date("claimStarts", f.claimStarts)}${this._date("claimEnds", f.claimEnds, f.claimHint)}
      </div>
      <div class="grid">
        ${
          fixedAllowed
            ? this._select("validityKind", f.validity, [
                ["days_after_claim", f.daysAfterClaim],
                ["fixed", f.dateRange],
              ])
            : nothing
        }
        ${
          fixedAllowed && s.validityKind === "fixed"
            ? html`${this._date("validFrom", f.validFrom)}${this._date("validUntil", f.validUntil)}`
            : this._number("validDays", f.validDays, f.validDaysHint)
        }
      </div>`;
  }

  /** A promo code's codes: one shared code (`shared`, R18–R20), or a campaign of unique single-use ones. */
  protected _codesFields(shared: () => TemplateResult, prefix: string) {
    const f = this.t.form;
    return html`<div class="grid">${this._select(
      "codeKind",
      f.codeKind,
      [
        ["shared", f.sharedCode],
        ["unique", f.uniqueCodes],
      ],
      f.codeKindHint,
    )}
        ${this._s!.codeKind === "unique" ? this._number("uniqueLength", f.uniqueLength, f.uniqueLengthHint(prefix)) : nothing}</div>
      ${this._s!.codeKind === "unique" ? nothing : shared()}`;
  }

  /** Quantity (R27) and the per-customer limit (R9, R22); a campaign's quantity is its count of codes. */
  protected _limitFields(type: CouponType) {
    const f = this.t.form;
    const unique = type === "promo_code" && this._s!.codeKind === "unique";
    return html`<div class="grid">
      ${this._number("quantity", f.quantity, unique ? f.quantityHintCodes : type === "promo_code" ? f.quantityHintUses : f.quantityHintClaims)}
      ${
        unique
          ? nothing
          : type === "promo_code"
            ? this._select("perCustomer", f.usesPerCustomer, [
                ["1", f.onePerCustomer],
                ["", f.unlimited],
              ])
            : type === "regular" || type === "chat"
              ? this._number("perCustomer", f.claimsPerCustomer, f.claimsPerCustomerHint)
              : nothing
      }
      ${this._money("budget", f.budget, f.budgetHint)}
    </div>`;
  }
}
