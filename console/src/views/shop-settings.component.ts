import { css, html, nothing } from "lit";
import { query, state } from "lit/decorators.js";
import { ApiProblem } from "../api.js";
import { ConsoleElement } from "../base.js";
import type { ApiKey } from "../contract.js";
import { formatDate, formatDateTime, fromLocalInput, toLocalInput } from "../format.js";
import { shared } from "../shared.styles.js";

/**
 * The shop's settings a seller may change: allowed origins (`PATCH /v1/shops/{id}`), the minimum fixed
 * discounts (`<ec-shop-minimums>`), API keys (create, revoke) and, for test shops, the test clock
 * (`POST /v1/test-clock`).
 *
 * @event ec-shop-changed - The shop's settings changed; `detail` is the new shop.
 */
export class ShopSettings extends ConsoleElement {
  static override styles = [
    shared,
    css`
      .origins {
        list-style: none;
        margin: 0 0 0.75rem;
        padding: 0;
        display: grid;
        gap: 0.375rem;
      }
      .origins li {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
        padding: 0.375rem 0.375rem 0.375rem 0.75rem;
        border: 1px solid var(--_border);
        border-radius: 6px;
        overflow-wrap: anywhere;
      }
      .add {
        display: flex;
        gap: 0.5rem;
        align-items: start;
      }
      .add .field {
        flex: 1;
      }
      .add button {
        margin-top: 1.55rem;
      }
      .secret {
        background: #ecfdf3;
        border: 1px solid #abefc6;
        border-radius: 6px;
        padding: 0.75rem;
        margin: 0.75rem 0;
      }
      .secret .row input {
        flex: 1 1 16rem;
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      }
    `,
  ];

  @state() private _origins: string[] = [];
  @state() private _originError = "";
  @state() private _originMessage = "";
  @state() private _keys?: ApiKey[];
  @state() private _keyError = "";
  @state() private _newSecret = "";
  @state() private _revoke: ApiKey | null = null;
  @state() private _clockError = "";
  @query("#origin") private _originInput!: HTMLInputElement;
  @query("dialog") private _dialog!: HTMLDialogElement;
  @query("#clock") private _clockInput?: HTMLInputElement;

  override connectedCallback(): void {
    super.connectedCallback();
    this._origins = [...(this.shop?.allowed_origins ?? [])];
    void this._loadKeys();
  }

  private async _loadKeys() {
    try {
      this._keys = (await this.client.listKeys()).data;
    } catch (e) {
      this._keyError = this.problemText(e);
    }
  }

  private _fieldError(e: unknown): string {
    const p = e instanceof ApiProblem ? e : null;
    return p?.errors[0] ? `${p.errors[0].message.charAt(0).toUpperCase()}${p.errors[0].message.slice(1)}` : this.problemText(e);
  }

  private _addOrigin() {
    const v = this._originInput.value.trim().replace(/\/+$/, "");
    if (!v) return;
    if (!this._origins.includes(v)) this._origins = [...this._origins, v];
    this._originInput.value = "";
    this._originMessage = "";
  }

  private async _saveOrigins() {
    this._originError = "";
    this._originMessage = "";
    try {
      // The changes, not the whole list: an origin another tab added meanwhile stays.
      const saved = this.shop!.allowed_origins;
      const add = this._origins.filter((o) => !saved.includes(o));
      const remove = saved.filter((o) => !this._origins.includes(o));
      const { shop } = await this.client.updateShop(this.shop!.id, {
        ...(add.length ? { allowed_origins_add: add } : {}),
        ...(remove.length ? { allowed_origins_remove: remove } : {}),
      });
      this._origins = [...shop.allowed_origins];
      this._originMessage = this.t.settings.originsSaved;
      this.emit("ec-shop-changed", shop);
    } catch (e) {
      this._originError = this._fieldError(e);
      this._originInput.focus();
    }
  }

  private async _createKey(kind: "secret" | "publishable") {
    this._keyError = "";
    try {
      const { secret } = await this.client.createKey(kind);
      this._newSecret = secret;
      await this._loadKeys();
      await this.updateComplete;
      (this.renderRoot.querySelector("#new-secret") as HTMLInputElement | null)?.select();
    } catch (e) {
      this._keyError = this.problemText(e);
    }
  }

  private async _confirmRevoke() {
    const k = this._revoke;
    this._dialog.close();
    if (!k) return;
    try {
      await this.client.revokeKey(k.id);
      await this._loadKeys();
    } catch (e) {
      this._keyError = this.problemText(e);
    }
  }

  private async _setClock(frozen: boolean) {
    this._clockError = "";
    const at = frozen ? fromLocalInput(this._clockInput?.value ?? "") : null;
    if (frozen && !at) {
      this._clockError = this.t.form.enterDate;
      return;
    }
    try {
      const r = await this.client.setTestClock(at);
      this.emit("ec-shop-changed", { ...this.shop!, test_clock: r.frozen ? r.now : null });
    } catch (e) {
      this._clockError = this._fieldError(e);
    }
  }

  private _keysTable(keys: ApiKey[]) {
    const s = this.t.settings;
    return html`<div class="table-wrap scroll-x" tabindex="0" role="region" aria-labelledby="keys"><table>
      <thead><tr><th scope="col">${s.kind}</th><th scope="col">${s.hint}</th><th scope="col">${s.created}</th><th scope="col">${s.state}</th><th scope="col"><span class="sr-only">${this.t.list.colActions}</span></th></tr></thead>
      <tbody>${keys.map(
        (k) => html`<tr>
        <td>${k.kind === "secret" ? s.secretKind : s.publishableKind}</td>
        <td class="mono" id="k-${k.id}">${k.hint}</td>
        <td>${formatDate(k.created_at)}</td>
        <td>${k.revoked_at ? s.revoked : s.active}</td>
        <td>${
          k.revoked_at
            ? nothing
            : html`<button class="small" aria-describedby="k-${k.id}" @click=${() => {
                this._revoke = k;
                this._dialog.showModal();
              }}>${s.revoke}</button>`
        }</td>
      </tr>`,
      )}</tbody>
    </table></div>`;
  }

  protected override render() {
    const s = this.t.settings;
    const shop = this.shop;
    if (!shop) return html`<h1 tabindex="-1">${s.heading}</h1>`;
    return html`<div class="head"><h1 tabindex="-1">${s.heading}</h1></div>
      <section class="card" aria-labelledby="shop">
        <h2 id="shop">${s.shop}</h2>
        <dl class="facts">
          <dt>${s.name}</dt><dd>${shop.name}</dd>
          <dt>${s.prefix}</dt><dd class="mono">${shop.code_prefix}</dd>
          <dt>${s.region}</dt><dd>${shop.region}</dd>
          <dt>${s.currency}</dt><dd>${shop.currency}</dd>
          <dt>${s.mode}</dt><dd>${s.modes[shop.mode]}</dd>
          <dt>${s.addons}</dt><dd>${shop.addon_coupons ? s.on : s.off}</dd>
        </dl>
        <p class="hint spaced">${s.platformNote}</p>
      </section>
      <section class="card" aria-labelledby="origins">
        <h2 id="origins">${s.origins}</h2>
        <p class="hint">${s.originsIntro}</p>
        ${
          this._origins.length
            ? html`<ul class="origins">${this._origins.map(
                (o) => html`<li><span class="mono">${o}</span>
              <button class="small" aria-label=${s.removeOrigin(o)} @click=${() => {
                this._origins = this._origins.filter((x) => x !== o);
              }}>✕</button></li>`,
              )}</ul>`
            : html`<p>${s.noOrigins}</p>`
        }
        <div class="add">
          <div class="field">
            <label for="origin">${s.origin}</label>
            <input id="origin" inputmode="url" spellcheck="false" placeholder="https://shop.example" aria-describedby="origin-hint origin-error"
              aria-invalid=${this._originError ? "true" : "false"} @keydown=${(e: KeyboardEvent) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  this._addOrigin();
                }
              }} />
            <p class="hint" id="origin-hint">${s.originHint}</p>
            <p class="error" id="origin-error">${this._originError}</p>
          </div>
          <button @click=${this._addOrigin}>${s.addOrigin}</button>
        </div>
        <div class="row"><button class="primary" @click=${this._saveOrigins}>${s.saveOrigins}</button><span class="ok" role="status">${this._originMessage}</span></div>
      </section>
      <ec-shop-minimums .shop=${shop} api=${this.api} .strings=${this.strings}></ec-shop-minimums>
      <section class="card" aria-labelledby="keys">
        <h2 id="keys">${s.keys}</h2>
        <p class="hint">${s.keysIntro}</p>
        ${
          this._newSecret
            ? html`<div class="secret" role="status">
              <label for="new-secret">${s.newKey}</label>
              <div class="row"><input id="new-secret" readonly .value=${this._newSecret} aria-describedby="new-secret-note" />
                <button class="small" @click=${() => navigator.clipboard?.writeText(this._newSecret)}>${this.t.copy}</button></div>
              <p class="hint" id="new-secret-note">${s.newKeyNote}</p>
            </div>`
            : nothing
        }
        <p class="error" role="alert">${this._keyError}</p>
        ${this._keys ? this._keysTable(this._keys) : html`<p>${this.t.loading}</p>`}
        <div class="row spaced">
          <button @click=${() => this._createKey("secret")}>${s.createSecret}</button>
          <button @click=${() => this._createKey("publishable")}>${s.createPublishable}</button>
        </div>
      </section>
      ${
        shop.mode === "test"
          ? html`<section class="card" aria-labelledby="clock-h">
            <h2 id="clock-h">${s.clock}</h2>
            <p class="hint">${s.clockIntro}</p>
            <p role="status">${shop.test_clock ? s.clockNow(formatDateTime(shop.test_clock)) : s.clockReal}</p>
            <div class="add">
              <div class="field">
                <label for="clock">${s.clockField}</label>
                <input id="clock" type="datetime-local" .value=${toLocalInput(this.shopNow())} aria-describedby="clock-error" aria-invalid=${this._clockError ? "true" : "false"} />
                <p class="error" id="clock-error">${this._clockError}</p>
              </div>
              <button @click=${() => this._setClock(true)}>${s.freeze}</button>
            </div>
            ${shop.test_clock ? html`<button @click=${() => this._setClock(false)}>${s.unfreeze}</button>` : nothing}
          </section>`
          : nothing
      }
      <dialog aria-labelledby="revoke-title" aria-describedby="revoke-text" @close=${() => (this._revoke = null)}>
        ${
          this._revoke
            ? html`<h2 id="revoke-title">${s.confirmRevoke(this._revoke.hint)}</h2>
              <p id="revoke-text">${s.confirmRevokeText}</p>
              <div class="row"><button autofocus @click=${() => this._dialog.close()}>${this.t.cancel}</button>
                <button class="danger" @click=${this._confirmRevoke}>${s.revoke}</button></div>`
            : nothing
        }
      </dialog>`;
  }
}
