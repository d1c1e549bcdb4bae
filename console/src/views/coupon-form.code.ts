/**
 * The promo code field of the coupon form: the shop's prefix before the input, a generated suffix on request,
 * and the code's availability asked of `GET /v1/promo-codes/availability` a moment after the seller stops
 * typing (a newer check cancels the older one).
 */
import { html, nothing } from "lit";
import { state } from "lit/decorators.js";
import { isAbort } from "../api.js";
import { randomSuffix } from "../code.js";
import { CouponFormFields } from "./coupon-form.fields.js";

type CodeState = "idle" | "checking" | "available" | "taken" | "blocked" | "format";

export abstract class CouponFormCode extends CouponFormFields {
  @state() protected _code: { state: CodeState; full?: string } = { state: "idle" };
  private _codeTimer?: ReturnType<typeof setTimeout>;
  private _codeCtl?: AbortController;

  protected get _prefix() {
    return this.shop?.code_prefix ?? "";
  }

  protected _stopCodeCheck() {
    clearTimeout(this._codeTimer);
    this._codeCtl?.abort();
  }

  private _generate() {
    this._set("code", randomSuffix(6));
    this._touched = new Set([...this._touched, "code"]);
  }

  protected _scheduleCodeCheck() {
    clearTimeout(this._codeTimer);
    this._codeCtl?.abort();
    const code = this._s!.code.trim();
    if (!code) {
      this._code = { state: "idle" };
      return;
    }
    if (!/^[A-Za-z0-9]{2,8}$/.test(code)) {
      this._code = { state: "format" };
      return;
    }
    this._code = { state: "checking" };
    this._codeTimer = setTimeout(async () => {
      const ctl = new AbortController();
      this._codeCtl = ctl;
      try {
        const a = await this.client.availability(code, ctl.signal);
        if (ctl.signal.aborted) return;
        this._code = a.available
          ? { state: "available", full: a.code || this._prefix + code.toUpperCase() }
          : { state: a.reason === "code_not_allowed" ? "blocked" : "taken" };
      } catch (e) {
        if (!isAbort(e)) this._code = { state: "idle" };
      }
    }, 300);
  }

  protected _codeField() {
    const f = this.t.form;
    const c = this._code;
    const status =
      c.state === "checking"
        ? html`<span>${f.codeChecking}</span>`
        : c.state === "available"
          ? html`<span class="ok">✓ ${f.codeAvailable(c.full ?? "")}</span>`
          : c.state === "taken"
            ? html`<span class="bad">${f.codeTaken}</span>`
            : c.state === "blocked"
              ? html`<span class="bad">${f.codeBlocked}</span>`
              : c.state === "format"
                ? html`<span class="bad">${f.codeFormat}</span>`
                : nothing;
    return this._field(
      "code",
      f.code,
      (a) => html`<div class="code-row">
        <div class="affix">
          <span class="prefix code-prefix" id="code-prefix" title=${this._prefix}>${this._prefix}</span>
          <input id=${a.id} .value=${this._s!.code} maxlength="8" autocapitalize="characters" spellcheck="false" autocomplete="off"
            aria-describedby="code-prefix ${a.describedby} code-status" aria-invalid=${a.invalid ? "true" : "false"} ?disabled=${a.disabled}
            @input=${(e: Event) => this._set("code", (e.target as HTMLInputElement).value.toUpperCase())} />
        </div>
        <button type="button" ?disabled=${a.disabled} @click=${this._generate}>${f.generate}</button>
      </div>`,
      f.codeHint,
      html`<p class="hint code-status" id="code-status" role="status">${status}</p>`,
    );
  }
}
