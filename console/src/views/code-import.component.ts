import { css, html, nothing } from "lit";
import { query, state } from "lit/decorators.js";
import { ApiProblem } from "../api.js";
import { ConsoleElement } from "../base.js";
import type { Coupon } from "../contract.js";
import { formatNumber, splitList } from "../format.js";
import { shared } from "../shared.styles.js";

/** Most codes one import takes (the API's limit for `POST /v1/coupons/{id}/codes`). */
const MAX_IMPORT = 10_000;

type Result = { added: number; refused: { code: string; reason: string }[] };

/**
 * The dialog that adds a seller's own codes to an upcoming campaign (`POST /v1/coupons/{id}/codes`), and
 * tells in words how many were added and why each other one was not. Opened by the list with `show()`.
 *
 * @event ec-codes-changed - The campaign may have changed (codes added, or it turned out to have started); `detail` is its id.
 */
export class CodeImport extends ConsoleElement {
  static override styles = [
    shared,
    css`
      dialog {
        width: min(30rem, calc(100vw - 2rem));
        max-width: none;
      }
      textarea {
        min-height: 8rem;
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      }
      .result {
        margin-top: 1rem;
      }
      .result:empty {
        display: none;
      }
      .result p {
        margin: 0.5rem 0 0;
        font-weight: 600;
      }
      .result p.ok {
        margin: 0;
      }
      .result ul {
        margin: 0.375rem 0 0;
        padding-left: 1.25rem;
        max-height: 12rem;
        overflow-y: auto;
        font-size: 0.875rem;
      }
      .result code {
        font-weight: 650;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @state() private _coupon: Coupon | null = null;
  @state() private _error = "";
  @state() private _result: Result | null = null;
  @state() private _busy = false;
  @query("dialog") private _dialog!: HTMLDialogElement;
  @query("textarea") private _field!: HTMLTextAreaElement;

  /** Opens the dialog for `campaign`, empty. */
  async show(campaign: Coupon): Promise<void> {
    this._coupon = campaign;
    this._error = "";
    this._result = null;
    await this.updateComplete;
    this._field.value = "";
    this._dialog.showModal();
  }

  private async _import(e: Event) {
    e.preventDefault();
    const c = this._coupon;
    const i = this.t.importCodes;
    if (!c || this._busy) return;
    // Sent as typed, repeats included: the API judges each entry and names the ones it refuses.
    const codes = splitList(this._field.value);
    this._error = codes.length === 0 ? i.empty : codes.length > MAX_IMPORT ? i.tooMany(formatNumber(MAX_IMPORT)) : "";
    if (this._error) return this._field.focus();
    this._busy = true;
    this._result = null;
    try {
      this._result = await this.client.importCodes(c.id, codes);
      this._field.value = "";
      this.emit("ec-codes-changed", c.id);
    } catch (err) {
      this._error = this._problem(err);
      if (err instanceof ApiProblem && err.code === "edit_not_allowed") this.emit("ec-codes-changed", c.id);
      this._field.focus();
    } finally {
      this._busy = false;
    }
  }

  /** A refused import in words, shown beside the field. */
  private _problem(e: unknown): string {
    if (!(e instanceof ApiProblem)) return this.problemText(e);
    if (e.code === "edit_not_allowed") return this.t.importCodes.started;
    const m = e.errors[0]?.message;
    return m ? `${m.charAt(0).toUpperCase()}${m.slice(1)}.` : this.problemText(e);
  }

  private _resultView(r: Result) {
    const i = this.t.importCodes;
    return html`<p class=${r.added ? "ok" : ""}>${i.added(r.added)}</p>
      ${
        r.refused.length
          ? html`<p>${i.refused(r.refused.length)}</p>
            <ul>${r.refused.map(
              (x) => html`<li><code>${x.code}</code>: ${i.reasons[x.reason as keyof typeof i.reasons] ?? this.t.unknownReason}</li>`,
            )}</ul>`
          : nothing
      }`;
  }

  protected override render() {
    const i = this.t.importCodes;
    const c = this._coupon;
    return html`<dialog aria-labelledby="import-title" @close=${() => (this._coupon = null)}>
      ${
        c
          ? html`<h2 id="import-title">${i.heading(c.name)}</h2>
            <p class="hint">${i.intro(this.shop?.code_prefix ?? "")}</p>
            <form class="spaced" @submit=${this._import} novalidate>
              <div class="field">
                <label for="codes">${i.field}</label>
                <textarea id="codes" spellcheck="false" autocomplete="off" aria-describedby="codes-hint codes-error"
                  aria-invalid=${this._error ? "true" : "false"} @input=${() => (this._error = "")}></textarea>
                <p class="hint" id="codes-hint">${i.hint(formatNumber(MAX_IMPORT))}</p>
                <p class="error" id="codes-error">${this._error}</p>
              </div>
              <div class="result" role="status">${this._result ? this._resultView(this._result) : nothing}</div>
              <div class="row">
                <button type="button" @click=${() => this._dialog.close()}>${this.t.close}</button>
                <button class="primary" type="submit" aria-busy=${this._busy ? "true" : "false"}>${this._busy ? i.busy : i.button}</button>
              </div>
            </form>`
          : nothing
      }
    </dialog>`;
  }
}
