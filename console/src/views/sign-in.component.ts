import { css, html, nothing } from "lit";
import { property, query, state } from "lit/decorators.js";
import { ApiProblem } from "../api.js";
import { ConsoleElement } from "../base.js";
import { shared } from "../shared.styles.js";

/**
 * Sign in with a secret key: `POST /v1/console/sessions` sets an HttpOnly session cookie; the key is
 * sent once and kept nowhere in the page (the field is cleared, and never stored).
 *
 * @event ec-signed-in - Signed in; `detail` is `{shop}`.
 */
export class SignIn extends ConsoleElement {
  static override styles = [
    shared,
    css`
      :host {
        min-height: 100vh;
        display: grid;
        place-items: center;
        padding: 1rem;
        background: var(--_bg);
      }
      .card {
        width: min(100%, 26rem);
        padding: 2rem;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.06);
      }
      .mark {
        display: grid;
        place-items: center;
        width: 2.25rem;
        height: 2.25rem;
        border-radius: 8px;
        background: var(--_accent);
        color: #fff;
        font-weight: 800;
        margin-bottom: 1rem;
      }
      form {
        display: grid;
        gap: 1rem;
        margin-top: 1.25rem;
      }
      .note {
        padding: 0.625rem 0.75rem;
        border-radius: 6px;
        background: #fef3c7;
        color: #78350f;
        font-size: 0.875rem;
      }
      .local {
        margin: 1.25rem 0 0;
        font-size: 0.8125rem;
        color: var(--_muted);
      }
    `,
  ];

  /** The previous session ended (expired or signed out elsewhere): say so. */
  @property({ type: Boolean }) ended = false;

  @state() private _error = "";
  @state() private _busy = false;
  @query("input") private _input!: HTMLInputElement;

  private async _submit(e: Event) {
    e.preventDefault();
    if (this._busy) return;
    const key = this._input.value.trim();
    const s = this.t.signIn;
    if (!key) {
      this._error = this.t.form.required;
      this._input.focus();
      return;
    }
    this._busy = true;
    this._error = "";
    try {
      const { shop } = await this.client.signIn(key);
      this._input.value = "";
      this.emit("ec-signed-in", { shop });
    } catch (err) {
      const p = err instanceof ApiProblem ? err : null;
      this._error =
        p?.status === 401
          ? s.unknownKey
          : p?.status === 429
            ? s.tooMany(p.retryAfter || 60)
            : p?.status === 422
              ? (p.errors[0]?.message ?? p.detail)
              : this.problemText(err);
      this._input.focus();
    } finally {
      this._busy = false;
    }
  }

  protected override render() {
    const s = this.t.signIn;
    return html`<div class="card">
      <div class="mark" aria-hidden="true">%</div>
      <h1 tabindex="-1">${s.heading}</h1>
      <p class="sub">${s.intro}</p>
      ${this.ended ? html`<p class="note" role="status">${s.ended}</p>` : nothing}
      <form @submit=${this._submit} novalidate>
        <div class="field">
          <label for="key">${s.field}</label>
          <input id="key" name="secret-key" type="password" autocomplete="off" spellcheck="false"
            aria-describedby="key-hint key-error" aria-invalid=${this._error ? "true" : "false"} />
          <p class="hint" id="key-hint">${s.hint}</p>
          <p class="error" id="key-error" role="alert">${this._error}</p>
        </div>
        <button class="primary" type="submit" aria-busy=${this._busy ? "true" : "false"}>${this._busy ? s.busy : s.button}</button>
      </form>
      <p class="local">${s.localHint}</p>
    </div>`;
  }
}
